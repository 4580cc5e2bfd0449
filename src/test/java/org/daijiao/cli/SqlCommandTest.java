package org.daijiao.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.daijiao.PipelineFixture;
import org.daijiao.TestSpark;
import org.daijiao.spark.Tables;
import org.daijiao.spark.Warehouse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code daijiao sql} on the fixture county's warehouse (SPEC §6): stdout carries only the result,
 * so that it can be piped; failures are one line on stderr and exit code 1. The command runs on the
 * test suite's shared session and must leave it running.
 */
class SqlCommandTest {
  /** P08 (DIBAO from 2022-09-15, eligible) and P10 (in prison all year) of fixture-county.md. */
  private static final String P08 = "500243199204120881";

  private static final String P10 = "500243198005051014";
  private static String warehouse;

  @BeforeAll
  static void fixtureCounty() {
    warehouse =
        PipelineFixture.of(java.nio.file.Path.of("src/test/resources/fixture-county"))
            .warehouse()
            .root();
  }

  @Test
  void csvIsAHeaderThenRowsWithTrueFalseAndIsoDatesAndNothingElse() {
    CliRun run =
        CliRun.of(
            "sql",
            "--warehouse",
            warehouse,
            "--format",
            "csv",
            "SELECT id_number, eligible, first_eligible_date, held_categories, reasons FROM gold.eligibility"
                + " WHERE id_number IN ('"
                + P08
                + "', '"
                + P10
                + "') ORDER BY id_number");
    assertThat(run.exitCode()).as("exit code; stderr: %s", run.err()).isZero();
    assertThat(run.out())
        .as("stdout of sql --format csv: the header and the two persons' rows, nothing else")
        .isEqualTo(
            "id_number,eligible,first_eligible_date,held_categories,reasons\n"
                + P10
                + ",false,,\"[\"\"DIBAO\"\"]\",\"[\"\"PRISONER\"\"]\"\n"
                + P08
                + ",true,2022-09-15,\"[\"\"DIBAO\"\"]\",[]\n");
  }

  @Test
  void jsonIsOneObjectPerLine() throws Exception {
    CliRun run =
        CliRun.of(
            "sql",
            "--warehouse",
            warehouse,
            "--format",
            "json",
            "SELECT id_number, subsidy_amount, deadline, batch FROM gold.subsidy_ledger WHERE id_number = '"
                + P08
                + "'");
    assertThat(run.exitCode()).as("exit code; stderr: %s", run.err()).isZero();
    List<JsonNode> rows = new ArrayList<>();
    for (String line : run.out().split("\n")) {
      rows.add(new ObjectMapper().readTree(line));
    }
    assertThat(rows).as("one JSON object per ledger row of P08").hasSize(1);
    JsonNode p08 = rows.get(0);
    assertThat(p08.get("id_number").asText()).isEqualTo(P08);
    assertThat(p08.get("subsidy_amount").decimalValue())
        .as("DIBAO subsidy, 70 % of 100")
        .isEqualByComparingTo("70");
    assertThat(p08.get("deadline").asText())
        .as("DYNAMIC batch deadline (即进立保)")
        .isEqualTo("2022-12-31");
    assertThat(p08.get("batch").asText()).isEqualTo("DYNAMIC");
  }

  @Test
  void anUnknownTableIsOneLineOnStderrAndExitCode1() {
    CliRun run =
        CliRun.of(
            "sql", "--warehouse", warehouse, "--format", "csv", "SELECT * FROM gold.no_such_table");
    assertThat(run.exitCode())
        .as("exit code of a query on a table that does not exist")
        .isEqualTo(1);
    assertThat(run.out()).as("stdout of a failed query").isEmpty();
    assertThat(run.err().lines().toList())
        .as("stderr of a failed query: one line that says what is wrong")
        .singleElement()
        .satisfies(line -> assertThat(line).startsWith("daijiao: ").contains("no_such_table"));
  }

  @Test
  void layerDotTableNamesTheTablesOfTheWarehouseGivenEvenWhenAnotherWasRegisteredBefore() {
    SparkSession spark = TestSpark.session();
    Warehouse other = new Warehouse(PipelineFixture.tempDir("daijiao-other-warehouse").toString());
    spark
        .sql("SELECT 'not the fixture' AS id_number")
        .write()
        .format("delta")
        .save(other.pathOf(Tables.ELIGIBILITY));
    spark.sql("DROP TABLE IF EXISTS " + Tables.ELIGIBILITY.qualified());
    other.register(spark, Tables.ELIGIBILITY);
    CliRun run =
        CliRun.of(
            "sql",
            "--warehouse",
            warehouse,
            "--format",
            "csv",
            "SELECT count(*) AS persons FROM gold.eligibility");
    assertThat(run.out())
        .as(
            "gold.eligibility of --warehouse (the fixture county's 34 persons in the run), not of the other warehouse")
        .isEqualTo("persons\n34\n");
  }

  @Test
  void theSharedSessionStillRunsAfterACommand() {
    CliRun.of("sql", "--warehouse", warehouse, "--format", "csv", "SELECT 1 AS one");
    assertThat(TestSpark.session().sparkContext().isStopped())
        .as(
            "the test suite's session after `daijiao sql` (a command stops only a session it created)")
        .isFalse();
    assertThat(TestSpark.session().range(3).count()).isEqualTo(3);
  }
}
