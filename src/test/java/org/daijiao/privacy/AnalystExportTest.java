package org.daijiao.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.daijiao.PipelineFixture;
import org.daijiao.SampleIdentities;
import org.daijiao.SampleRun;
import org.daijiao.TestSpark;
import org.daijiao.UserFacingException;
import org.daijiao.cli.Main;
import org.daijiao.spark.Tables;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code daijiao export --for analysts} on the sample county (issue 4). */
class AnalystExportTest {
  private static final byte[] KEY =
      "pengshui-county-secret-0123456789".getBytes(StandardCharsets.UTF_8);
  private static final Pattern ID_18 = Pattern.compile("[0-9]{17}[0-9X]");

  private static SampleRun.Result run;
  private static Path out;
  private static List<AnalystExport.Written> written;

  @BeforeAll
  static void exportTheSampleCounty() {
    run = SampleRun.get();
    out = PipelineFixture.tempDir("analyst-export").resolve("for-analysts");
    written = AnalystExport.write(TestSpark.session(), run.warehouse(), new Pseudonyms(KEY), out);
  }

  @Test
  void everyGoldTableIsExportedWithItsRows() {
    Set<String> tables = written.stream().map(w -> w.table().table()).collect(Collectors.toSet());
    assertThat(tables)
        .contains(
            "eligibility",
            "subsidy_ledger",
            "coverage_stats",
            "department_funding",
            "worklist",
            "reaching_pension_age");
    for (AnalystExport.Written w : written) {
      long inWarehouse = run.warehouse().read(TestSpark.session(), w.table()).count();
      assertThat(w.rows()).as("rows of %s exported", w.table()).isEqualTo(inWarehouse);
    }
  }

  @Test
  void noExportedFileHasAnIdOrNameColumnOrAnyIdNumberOrName() throws Exception {
    SampleIdentities people = SampleIdentities.of(SampleRun.SAMPLE);
    for (AnalystExport.Written w : written) {
      String text = Files.readString(w.file(), StandardCharsets.UTF_8);
      String header = text.lines().findFirst().orElseThrow();
      assertThat(List.of(header.replace("\uFEFF", "").split(",")))
          .as("columns of %s", w.file().getFileName())
          .doesNotContain("id_number", "name");
      try (CSVParser csv =
          CSVParser.parse(
              text.replace("\uFEFF", ""), CSVFormat.RFC4180.builder().setHeader().build())) {
        for (CSVRecord r : csv) {
          for (String column : csv.getHeaderNames()) {
            String cell = r.get(column);
            if (column.equals(AnalystExport.PSEUDONYM)) {
              assertThat(cell)
                  .as("a pseudonym is 32 hex characters or empty")
                  .matches("([0-9a-f]{32})?");
            } else {
              assertThat(ID_18.matcher(cell).find())
                  .as(
                      "%s line %d, column %s holds an ID number",
                      w.file().getFileName(), r.getRecordNumber(), column)
                  .isFalse();
            }
          }
        }
      }
      assertThat(people.firstLeakIn(text))
          .as("an ID or a name of the sample in %s", w.file().getFileName())
          .isNull();
    }
  }

  @Test
  void eachPersonOfTheLedgerHasThePseudonymOfTheirIdNumber() throws Exception {
    Pseudonyms county = new Pseudonyms(KEY);
    Dataset<Row> ledger = run.warehouse().read(TestSpark.session(), Tables.SUBSIDY_LEDGER);
    Set<String> expected =
        ledger
            .select("id_number")
            .as(org.apache.spark.sql.Encoders.STRING())
            .collectAsList()
            .stream()
            .map(county::of)
            .collect(Collectors.toSet());
    List<String> lines =
        Files.readAllLines(out.resolve("subsidy_ledger.csv"), StandardCharsets.UTF_8);
    List<String> header = List.of(lines.get(0).replace("\uFEFF", "").split(","));
    int column = header.indexOf(AnalystExport.PSEUDONYM);
    assertThat(column).as("person_pseudonym takes the place of id_number").isEqualTo(1);
    Set<String> exported =
        lines.stream().skip(1).map(l -> l.split(",")[column]).collect(Collectors.toSet());
    assertThat(exported).isEqualTo(expected);
  }

  @Test
  void exportedFilesAndTheirFolderAreReadableByTheOwnerOnly() throws Exception {
    assertThat(Files.getPosixFilePermissions(out))
        .containsExactlyInAnyOrder(
            PosixFilePermission.OWNER_READ,
            PosixFilePermission.OWNER_WRITE,
            PosixFilePermission.OWNER_EXECUTE);
    for (AnalystExport.Written w : written) {
      assertThat(Files.getPosixFilePermissions(w.file()))
          .as("permissions of %s", w.file().getFileName())
          .containsExactlyInAnyOrder(
              PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    }
  }

  @Test
  void withoutTheCountySecretTheCommandStopsWithExitCode1() {
    org.junit.jupiter.api.Assumptions.assumeTrue(
        System.getenv(Pseudonyms.KEY_ENV) == null && System.getenv(Pseudonyms.KEY_FILE_ENV) == null,
        "the test JVM has a pseudonym key in its environment");
    Path target = PipelineFixture.tempDir("no-key-export");
    int code =
        Main.execute(
            "export",
            "--for",
            "analysts",
            "--warehouse",
            run.warehouse().root(),
            "--out",
            target.resolve("out").toString());
    assertThat(code).as("exit code without " + Pseudonyms.KEY_ENV).isEqualTo(1);
    assertThat(target.resolve("out")).as("nothing is written").doesNotExist();
    assertThatThrownBy(() -> Pseudonyms.fromEnvironment(Map.of()))
        .isInstanceOf(UserFacingException.class);
  }
}
