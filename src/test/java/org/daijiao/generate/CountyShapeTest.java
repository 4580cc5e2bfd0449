package org.daijiao.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.daijiao.ingest.Source;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The benchmark's counties (issue 11): with {@code --county-wide} the pension and tax exports hold
 * every enrolled person of the county, and a population larger than one county is written as one
 * set of files per county, so that memory stays bounded and every ID is still drawn once.
 */
class CountyShapeTest {
  @TempDir Path dir;

  @Test
  void countyWideExportsHoldAboutSixEnrolledPersonsPerRosterPerson() throws IOException {
    GeneratorSummary wide =
        SampleGenerator.generate(new GeneratorOptions(400, 7L, dir.resolve("wide"), true));
    GeneratorSummary sample =
        SampleGenerator.generate(new GeneratorOptions(400, 7L, dir.resolve("sample"), false));
    int enrolled = wide.rowsPerSource().get(Source.PENSION_ENROLLMENT.folder());
    assertThat(enrolled / 400.0).as("enrolment rows per roster person").isBetween(4.5, 7.0);
    assertThat(wide.rowsPerSource().get(Source.TAX_PAYMENTS.folder()))
        .as("the tax export pays for the whole county, not only the roster")
        .isGreaterThan(3 * sample.rowsPerSource().get(Source.TAX_PAYMENTS.folder()));
    assertThat(wide.rowsPerSource().get(Source.CIVIL_AFFAIRS.folder()))
        .as("rosters are the same size either way")
        .isCloseTo(sample.rowsPerSource().get(Source.CIVIL_AFFAIRS.folder()), within(40));
  }

  @Test
  void aLargerPopulationIsWrittenAsOneNumberedSetOfFilesPerCounty() throws IOException {
    Path out = dir.resolve("three-sets");
    GeneratorSummary s = SampleGenerator.generate(new GeneratorOptions(300, 7L, out, false), 100);
    assertThat(s.rosterPersons()).isEqualTo(300);
    assertThat(s.filesPerSource().get(Source.DISABILITY.folder())).isEqualTo(3);
    try (Stream<Path> files = Files.list(out.resolve(Source.DISABILITY.folder()))) {
      assertThat(files.map(p -> p.getFileName().toString()).sorted())
          .containsExactly(
              "canlian_chiz_renyuan_2022_01.xlsx",
              "canlian_chiz_renyuan_2022_02.xlsx",
              "canlian_chiz_renyuan_2022_03.xlsx");
    }
    List<GeneratedInputs.Row> civil = GeneratedInputs.rows(out, Source.CIVIL_AFFAIRS);
    assertThat(civil)
        .as("rows of all three sets read back")
        .hasSize(s.rowsPerSource().get(Source.CIVIL_AFFAIRS.folder()));
    assertThat(civil)
        .extracting(GeneratedInputs.Row::file)
        .contains("minzheng_dibao_tekun_2022_a_03.csv");
    Set<String> names = new HashSet<>();
    civil.forEach(r -> names.add(r.get("name")));
    assertThat(names).as("persons of three sets").hasSizeGreaterThan(100);
  }

  private static org.assertj.core.data.Offset<Integer> within(int n) {
    return org.assertj.core.data.Offset.offset(n);
  }
}
