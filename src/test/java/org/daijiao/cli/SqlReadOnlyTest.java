package org.daijiao.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.daijiao.DataFrames;
import org.daijiao.PipelineFixture;
import org.daijiao.TestSpark;
import org.daijiao.quality.QualityColumns;
import org.daijiao.spark.TableWriter;
import org.daijiao.spark.Warehouse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 9: {@code daijiao sql} is read-only by default. Every kind of write is refused with exit
 * code 1 and a message that names the statement and --allow-writes, and the table is left exactly
 * as it was (every file of the warehouse, and the rows); with --allow-writes the same statement
 * runs, and time travel reads the table as it was before. On a small table of its own (one Delta
 * commit to set up): a refusal that failed must not destroy a table other tests read.
 */
class SqlReadOnlyTest {
  private static final String TABLE = "quality.ingest_reconciliation";
  private static Warehouse warehouse;

  @BeforeAll
  static void aSmallTable() {
    warehouse = smallTable("sql-read-only");
  }

  private static Warehouse smallTable(String name) {
    Warehouse w = new Warehouse(PipelineFixture.tempDir(name).toString());
    new TableWriter(TestSpark.session(), w)
        .replace(QualityColumns.INGEST_RECONCILIATION, rows(TestSpark.session()));
    return w;
  }

  private static Dataset<Row> rows(org.apache.spark.sql.SparkSession spark) {
    return spark.createDataFrame(
        List.of(
            RowFactory.create("civil_affairs", 10L, 9L, 1L),
            RowFactory.create("disability", 5L, 5L, 0L)),
        QualityColumns.INGEST_RECONCILIATION.schema());
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "INSERT INTO " + TABLE + " VALUES ('exclusions', 1, 1, 0)",
        "INSERT OVERWRITE " + TABLE + " SELECT * FROM " + TABLE + " WHERE false",
        "UPDATE " + TABLE + " SET rows_read = 0",
        "DELETE FROM " + TABLE,
        "MERGE INTO "
            + TABLE
            + " t USING "
            + TABLE
            + " s ON t.source = s.source"
            + " WHEN MATCHED THEN DELETE",
        "DROP TABLE " + TABLE,
        "ALTER TABLE " + TABLE + " ADD COLUMN note STRING",
        "ALTER TABLE " + TABLE + " SET TBLPROPERTIES ('delta.appendOnly' = 'true')",
        "CREATE TABLE quality.copy USING delta AS SELECT * FROM " + TABLE,
        "CREATE OR REPLACE TABLE " + TABLE + " USING delta AS SELECT 1 AS one",
        "TRUNCATE TABLE " + TABLE,
        "OPTIMIZE " + TABLE,
        "VACUUM " + TABLE + " RETAIN 0 HOURS",
        "RESTORE TABLE " + TABLE + " TO VERSION AS OF 0",
        "CREATE TABLE quality.clone SHALLOW CLONE " + TABLE,
        "INSERT OVERWRITE DIRECTORY 'target/test-tmp/sql-out' USING csv SELECT * FROM " + TABLE,
      })
  void aWriteIsRefusedAndTheTableIsLeftAsItWas(String statement) {
    List<String> filesBefore = files(warehouse);
    CliRun run = CliRun.of("sql", "--warehouse", warehouse.root(), "--format", "csv", statement);

    assertThat(run.exitCode()).as("exit code of `sql \"%s\"`", statement).isEqualTo(1);
    assertThat(run.out()).as("stdout of a refused statement").isEmpty();
    assertThat(run.err().lines().toList())
        .as("stderr of `sql \"%s\"`: one line naming the statement and --allow-writes", statement)
        .singleElement()
        .satisfies(
            line ->
                assertThat(line)
                    .startsWith("daijiao: statement 1 (line 1, ")
                    .contains("would change the warehouse")
                    .contains("--allow-writes"));
    // Same files, same sizes: a Delta table cannot change without a new file in its log.
    assertThat(files(warehouse))
        .as("every file of the warehouse after refusing `%s`", statement)
        .isEqualTo(filesBefore);
    assertThat(Path.of("target/test-tmp/sql-out")).as("no directory written").doesNotExist();
  }

  /** And the rows, read once after every refusal (a read per statement cost ~1 s each). */
  @AfterAll
  static void theRowsAreTheSameAfterEveryRefusal() {
    DataFrames.assertSameRows(
        rows(TestSpark.session()),
        TestSpark.session()
            .read()
            .format("delta")
            .load(warehouse.pathOf(QualityColumns.INGEST_RECONCILIATION.table())));
  }

  @Test
  void aScriptWithAWriteInItRunsNothing() throws IOException {
    Path script = PipelineFixture.tempDir("sql-script").resolve("script.sql");
    Files.writeString(
        script, "SELECT count(*) AS n FROM " + TABLE + ";\n\nDELETE FROM " + TABLE + ";\n");
    List<String> filesBefore = files(warehouse);
    CliRun run = CliRun.of("sql", "--warehouse", warehouse.root(), "-f", script.toString());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out()).as("not even the first statement ran: stdout").isEmpty();
    assertThat(run.err()).startsWith("daijiao: statement 2 (line 3, DELETE) would change");
    assertThat(files(warehouse)).isEqualTo(filesBefore);
  }

  @Test
  void withAllowWritesTheStatementRunsAndTimeTravelReadsTheTableAsItWas() {
    Warehouse own = smallTable("sql-allow-writes");
    CliRun insert =
        CliRun.of(
            "sql",
            "--warehouse",
            own.root(),
            "--allow-writes",
            "INSERT INTO " + TABLE + " VALUES ('exclusions', 3, 2, 1)");
    assertThat(insert.exitCode()).as("exit code; stderr: %s", insert.err()).isZero();

    CliRun history =
        CliRun.of(
            "sql", "--warehouse", own.root(), "--format", "json", "DESCRIBE HISTORY " + TABLE);
    assertThat(history.exitCode()).as("stderr: %s", history.err()).isZero();
    String versionZeroAt =
        history
            .out()
            .lines()
            .filter(line -> line.contains("\"version\":0,"))
            .map(line -> line.replaceAll(".*\"timestamp\":\"([^\"]+)\".*", "$1"))
            .findFirst()
            .orElseThrow();

    CliRun travel =
        CliRun.withStdin(
            "SELECT count(*) AS now FROM "
                + TABLE
                + ";\nSELECT count(*) AS at_version_0 FROM "
                + TABLE
                + " VERSION AS OF 0;\nSELECT count(*) AS at_its_time FROM "
                + TABLE
                + " TIMESTAMP AS OF '"
                + versionZeroAt
                + "';\n",
            "sql",
            "--warehouse",
            own.root(),
            "--format",
            "csv",
            "-f",
            "-");
    assertThat(travel.exitCode()).as("stderr: %s", travel.err()).isZero();
    assertThat(travel.out())
        .as("the table now, at version 0 and at version 0's time: three csv result sets")
        .isEqualTo("now\n3\n\nat_version_0\n2\n\nat_its_time\n2\n");
  }

  /** Every file under the warehouse with its size: what a change would alter. */
  private static List<String> files(Warehouse w) {
    try (Stream<Path> all = Files.walk(Path.of(w.root()))) {
      return all.filter(Files::isRegularFile)
          .map(p -> Path.of(w.root()).relativize(p) + " " + size(p))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static long size(Path p) {
    try {
      return Files.size(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
