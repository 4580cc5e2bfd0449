package org.daijiao.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.daijiao.ingest.Source;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The generated files have the layout, headers and encodings of SPEC §4, reproducibly. */
class SampleGeneratorFormatTest {
  @TempDir static Path dir;
  private static Path out;
  private static GeneratorSummary summary;

  @BeforeAll
  static void generate() throws IOException {
    out = dir.resolve("county");
    summary = SampleGenerator.generate(new GeneratorOptions(2000, 2022L, out));
  }

  @Test
  void theSameSeedWritesByteIdenticalFiles() throws IOException {
    Path a = dir.resolve("a");
    Path b = dir.resolve("b");
    GeneratorSummary first = SampleGenerator.generate(new GeneratorOptions(300, 7L, a));
    GeneratorSummary second = SampleGenerator.generate(new GeneratorOptions(300, 7L, b));

    assertThat(second).as("summary of a second run with the same seed").isEqualTo(first);
    List<Path> files = relativeFiles(a);
    assertThat(relativeFiles(b)).as("file names of the second run").isEqualTo(files);
    for (Path f : files) {
      assertThat(Files.readAllBytes(b.resolve(f)))
          .as("bytes of %s in the second run (XLSX included)", f)
          .isEqualTo(Files.readAllBytes(a.resolve(f)));
    }
  }

  @Test
  void anotherSeedWritesOtherPersons() throws IOException {
    Path a = dir.resolve("seed1");
    Path b = dir.resolve("seed2");
    SampleGenerator.generate(new GeneratorOptions(300, 1L, a));
    SampleGenerator.generate(new GeneratorOptions(300, 2L, b));
    for (Path f : relativeFiles(a)) {
      assertThat(Files.readAllBytes(b.resolve(f)))
          .as("%s must differ between seeds 1 and 2", f)
          .isNotEqualTo(Files.readAllBytes(a.resolve(f)));
    }
  }

  @Test
  void everySourceFolderHasFilesWhoseHeadersNameEveryRequiredColumn() throws IOException {
    boolean sawEnglish = false;
    boolean sawChinese = false;
    for (Source source : Source.values()) {
      List<Path> files = GeneratedInputs.files(out, source);
      assertThat(files).as("files in folder %s", source.folder()).isNotEmpty();
      for (Path file : files) {
        Set<String> columns = new HashSet<>();
        for (String header : GeneratedInputs.header(file)) {
          assertThat(source.columnForHeader(header))
              .as("header '%s' of %s is a known alias", header, file.getFileName())
              .isPresent();
          columns.add(source.columnForHeader(header).get().name());
          sawEnglish |= header.equals("id_number");
          sawChinese |= header.startsWith("身份证") || header.equals("证件号码");
        }
        for (Source.Column c : source.columns()) {
          if (c.required()) {
            assertThat(columns)
                .as("required column %s in %s", c.name(), file.getFileName())
                .contains(c.name());
          }
        }
      }
    }
    assertThat(sawEnglish).as("some file has canonical English headers").isTrue();
    assertThat(sawChinese).as("some file has Chinese headers").isTrue();
  }

  @Test
  void civilAffairsComesAsOneUtf8FileWithBomAndOneGbkFile() throws IOException {
    List<Path> files = GeneratedInputs.files(out, Source.CIVIL_AFFAIRS);
    assertThat(files).hasSize(2);
    byte[] bom = Files.readAllBytes(files.get(0));
    assertThat(bom)
        .as("first civil affairs file starts with the UTF-8 BOM")
        .startsWith(0xEF, 0xBB, 0xBF);
    assertThat(GeneratedInputs.isUtf8(bom)).isTrue();

    byte[] gbk = Files.readAllBytes(files.get(1));
    assertThat(GeneratedInputs.isUtf8(gbk))
        .as("the GBK file must not decode as UTF-8, or it would not test the GBK path")
        .isFalse();
    assertThat(new String(gbk, java.nio.charset.Charset.forName("GBK"))).startsWith("姓名,");
  }

  @Test
  void disabilityWorkbookHasTextIdsDateCellsAndTwoIdsTypedAsNumbers() throws IOException {
    List<Path> files = GeneratedInputs.files(out, Source.DISABILITY);
    assertThat(files).hasSize(1);
    assertThat(files.get(0).toString()).endsWith(".xlsx");
    int numericIds = 0;
    int dateCells = 0;
    try (InputStream in = Files.newInputStream(files.get(0));
        XSSFWorkbook wb = new XSSFWorkbook(in)) {
      Sheet sheet = wb.getSheetAt(0);
      assertThat(sheet.getLastRowNum())
          .as("data rows in the workbook")
          .isEqualTo(summary.rowsPerSource().get("disability"));
      for (Row row : sheet) {
        if (row.getRowNum() == 0) {
          continue;
        }
        Cell id = row.getCell(1);
        if (id != null && id.getCellType() == CellType.NUMERIC) {
          numericIds++;
        }
        Cell certificate = row.getCell(2);
        assertThat(certificate.getCellType())
            .as("certificate number is text")
            .isEqualTo(CellType.STRING);
        assertThat(certificate.getStringCellValue()).hasSize(20);
        Cell start = row.getCell(7);
        if (start.getCellType() == CellType.NUMERIC && DateUtil.isCellDateFormatted(start)) {
          dateCells++;
        }
      }
      assertThat(numericIds).as("IDs stored as numeric cells").isEqualTo(2);
      assertThat(dateCells)
          .as("issue dates stored as date cells")
          .isGreaterThan(sheet.getLastRowNum() * 9 / 10);
    }
  }

  @Test
  void summaryCountsTheRowsAndFilesWritten() throws IOException {
    assertThat(summary.rosterPersons()).isEqualTo(2000);
    for (Source source : Source.values()) {
      assertThat(GeneratedInputs.rows(out, source))
          .as("data rows of %s", source.folder())
          .hasSize(summary.rowsPerSource().get(source.folder()));
      assertThat(GeneratedInputs.files(out, source))
          .hasSize(summary.filesPerSource().get(source.folder()));
    }
  }

  @Test
  void refusesToWriteNextToFilesItWouldNotReplace() throws IOException {
    Path target = dir.resolve("occupied");
    Files.createDirectories(target.resolve("tax_payments"));
    Files.writeString(target.resolve("tax_payments/real_export.csv"), "x");
    assertThatThrownBy(() -> SampleGenerator.generate(new GeneratorOptions(10, 1L, target)))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("real_export.csv");
  }

  @Test
  void generatingAgainIntoTheSameFolderReplacesItsOwnFiles() throws IOException {
    Path target = dir.resolve("again");
    SampleGenerator.generate(new GeneratorOptions(50, 3L, target));
    GeneratorSummary again = SampleGenerator.generate(new GeneratorOptions(50, 3L, target));
    assertThat(again.rosterPersons()).isEqualTo(50);
  }

  @Test
  void threeThousandPersonsFitTheBundledSampleBudget() throws IOException {
    Path target = dir.resolve("sample3000");
    long started = System.nanoTime();
    SampleGenerator.generate(new GeneratorOptions(3000, 2022L, target));
    long millis = (System.nanoTime() - started) / 1_000_000;
    long bytes = 0;
    for (Path f : relativeFiles(target)) {
      bytes += Files.size(target.resolve(f));
    }
    assertThat(bytes).as("bytes of the 3,000-person sample").isLessThan(2L * 1024 * 1024);
    // Generous: the build machine is shared; a normal run takes about a second.
    assertThat(millis).as("milliseconds to generate 3,000 persons").isLessThan(30_000);
  }

  @Test
  void aCountyOfOnePersonStillHasEveryFolderWithItsHeader() throws IOException {
    Path target = dir.resolve("tiny");
    GeneratorSummary tiny = SampleGenerator.generate(new GeneratorOptions(1, 5L, target));
    for (Source source : Source.values()) {
      assertThat(GeneratedInputs.files(target, source))
          .as("files of %s", source.folder())
          .isNotEmpty();
      for (Path file : GeneratedInputs.files(target, source)) {
        assertThat(GeneratedInputs.header(file))
            .as("header of %s", file.getFileName())
            .isNotEmpty();
      }
    }
    assertThat(tiny.rosterPersons()).isEqualTo(1);
  }

  @Test
  void optionsRejectAnEmptyCounty() {
    assertThatThrownBy(() -> new GeneratorOptions(0, 1L, dir))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static List<Path> relativeFiles(Path root) throws IOException {
    List<Path> files = new ArrayList<>();
    try (Stream<Path> s = Files.walk(root)) {
      s.filter(Files::isRegularFile).sorted().forEach(p -> files.add(root.relativize(p)));
    }
    return files;
  }
}
