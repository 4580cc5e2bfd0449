package org.daijiao.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.daijiao.PipelineFixture;
import org.daijiao.TestSpark;
import org.daijiao.spark.TableName;
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

  /** Three statements and a temporary view (no columns), one of them over two lines. */
  private static final String SCRIPT =
      "-- a script\nSELECT 1 AS a, 'x,y' AS b;\nCREATE OR REPLACE TEMPORARY VIEW ledger AS SELECT *"
          + " FROM gold.subsidy_ledger;\nSELECT count(*) AS persons FROM gold.eligibility;\n"
          + "SELECT batch, count(*) AS persons FROM ledger WHERE id_number = '"
          + P08
          + "'\n  GROUP BY batch;\n";

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
  void aScriptPrintsOneCsvResultSetPerStatementWithABlankLineBetween() {
    CliRun run =
        CliRun.withStdin(SCRIPT, "sql", "--warehouse", warehouse, "--format", "csv", "-f", "-");
    assertThat(run.exitCode()).as("exit code; stderr: %s", run.err()).isZero();
    assertThat(run.out())
        .as("csv of a script: result sets in order, a blank line between, the view none")
        .isEqualTo("a,b\n1,\"x,y\"\n\npersons\n34\n\nbatch,persons\nDYNAMIC,1\n");
  }

  @Test
  void aScriptPrintsOneJsonDocumentPerStatementAndLine() throws Exception {
    CliRun run =
        CliRun.withStdin(SCRIPT, "sql", "--warehouse", warehouse, "--format", "json", "-f", "-");
    assertThat(run.exitCode()).as("exit code; stderr: %s", run.err()).isZero();
    List<JsonNode> documents = new ArrayList<>();
    for (String line : run.out().split("\n")) {
      documents.add(new ObjectMapper().readTree(line));
    }
    assertThat(documents).as("one JSON document per statement, the view's too").hasSize(4);
    assertThat(documents.get(0).toString())
        .isEqualTo(
            "{\"statement\":1,\"line\":2,\"columns\":[{\"name\":\"a\",\"type\":\"int\"},"
                + "{\"name\":\"b\",\"type\":\"string\"}],\"rows\":[{\"a\":1,\"b\":\"x,y\"}]}");
    assertThat(documents.get(1).toString())
        .isEqualTo("{\"statement\":2,\"line\":3,\"columns\":[],\"rows\":[]}");
    assertThat(documents.get(2).get("rows").get(0).get("persons").asLong()).isEqualTo(34);
    assertThat(documents.get(3).get("columns").get(1).get("type").asText()).isEqualTo("bigint");
  }

  @Test
  void aScriptInTableFormatPutsABlankLineBetweenTables() {
    CliRun run =
        CliRun.of("sql", "--warehouse", warehouse, "SELECT 1 AS a; SELECT 'x' AS b, 2 AS c");
    assertThat(run.exitCode()).as("exit code; stderr: %s", run.err()).isZero();
    assertThat(run.out())
        .as("a QUERY of two statements prints as a script")
        .isEqualTo("a\n-\n1\n(1 rows)\n\nb | c\n--+--\nx | 2\n(1 rows)\n");
  }

  @Test
  void showTablesListsTheTablesOfEveryLayer() {
    CliRun run = CliRun.of("sql", "--warehouse", warehouse, "--format", "csv", "SHOW TABLES");
    assertThat(run.exitCode()).as("exit code; stderr: %s", run.err()).isZero();
    assertThat(
            run.out()
                .lines()
                .filter(l -> l.endsWith(",false"))
                .map(l -> l.substring(0, l.indexOf(',')))
                .distinct())
        .as("the namespaces of the tables SHOW TABLES lists (temporary views of other tests aside)")
        .containsExactly("bronze", "quality", "silver", "gold");
    assertThat(run.out())
        .contains(
            "gold,subsidy_ledger,false", "bronze,civil_affairs,false", "silver,persons,false");
  }

  /**
   * Issue 9: every table of a run has a table comment and a comment on every column, each the
   * Chinese term and the English meaning, shown by DESCRIBE. One script of a DESCRIBE and a
   * DESCRIBE EXTENDED per table.
   */
  @Test
  void describeShowsTheChineseTermAndTheMeaningOfEveryTableAndColumn() throws Exception {
    List<TableName> tables =
        PipelineFixture.of(java.nio.file.Path.of("src/test/resources/fixture-county"))
            .warehouse()
            .tables(TestSpark.session());
    assertThat(tables).as("tables of the fixture run").hasSizeGreaterThanOrEqualTo(20);
    StringBuilder script = new StringBuilder();
    for (TableName t : tables) {
      script.append("DESCRIBE ").append(t).append(";\nDESCRIBE EXTENDED ").append(t).append(";\n");
    }
    CliRun run =
        CliRun.withStdin(
            script.toString(), "sql", "--warehouse", warehouse, "--format", "json", "-f", "-");
    assertThat(run.exitCode()).as("exit code; stderr: %s", run.err()).isZero();
    List<String> documents = run.out().lines().toList();
    for (int i = 0; i < tables.size(); i++) {
      TableName table = tables.get(i);
      JsonNode columns = new ObjectMapper().readTree(documents.get(2 * i)).get("rows");
      assertThat(columns.size()).as("columns DESCRIBE shows for %s", table).isPositive();
      for (JsonNode column : columns) {
        assertThat(column.path("comment").asText())
            .as(
                "comment of %s.%s: the Chinese term — the English meaning",
                table, column.get("col_name"))
            .matches("[^—]*\\p{IsHan}[^—]* — .*\\p{Alpha}.*");
      }
      String tableComment = null;
      for (JsonNode row : new ObjectMapper().readTree(documents.get(2 * i + 1)).get("rows")) {
        if (row.path("col_name").asText().equals("Comment")) {
          tableComment = row.path("data_type").asText();
        }
      }
      assertThat(tableComment)
          .as("the table comment DESCRIBE EXTENDED shows for %s", table)
          .matches(".*\\p{IsHan}.* — .*\\p{Alpha}.*");
    }
  }

  @Test
  void badScriptsAndOptionsAreOneLineOnStderrAndExitCode1() {
    assertThat(CliRun.of("sql", "--warehouse", warehouse, "-f", "no/such/file.sql").err())
        .isEqualTo(
            "daijiao: -f no/such/file.sql: no such file; give the path of a file of SQL"
                + " statements.\n");
    CliRun both = CliRun.of("sql", "--warehouse", warehouse, "-f", "x.sql", "SELECT 1");
    assertThat(both.exitCode()).isEqualTo(1);
    assertThat(both.err()).contains("either a QUERY or -f FILE");
    CliRun empty = CliRun.withStdin("-- nothing\n;", "sql", "--warehouse", warehouse);
    assertThat(empty.exitCode()).as("no terminal, no statement on stdin").isEqualTo(1);
    assertThat(empty.err()).contains("no SQL statement");
    CliRun invalid =
        CliRun.withStdin(
            "SELECT 1;\nSELEC id_number FROM gold.eligibility WHERE id_number = '" + P08 + "';",
            "sql",
            "--warehouse",
            warehouse,
            "-f",
            "-");
    assertThat(invalid.exitCode()).isEqualTo(1);
    assertThat(invalid.out()).as("nothing runs when a statement is not valid SQL").isEmpty();
    assertThat(invalid.err().lines().toList())
        .singleElement()
        .satisfies(
            line ->
                assertThat(line)
                    .startsWith("daijiao: statement 2 (line 2, SELEC) is not valid SQL: ")
                    .contains("PARSE_SYNTAX_ERROR")
                    .doesNotContain(P08));
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
