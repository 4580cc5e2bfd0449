package org.daijiao.cli;

import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.assertj.core.api.Assertions.assertThat;
import static org.daijiao.DataFrames.frame;
import static org.daijiao.DataFrames.row;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.daijiao.DataFrames;
import org.daijiao.PipelineFixture;
import org.daijiao.TestSpark;
import org.daijiao.ops.Retention;
import org.daijiao.ops.RunHistory;
import org.daijiao.ops.RunRecord;
import org.daijiao.ops.WarehouseFormat;
import org.daijiao.policy.PolicyLoader;
import org.daijiao.spark.ColumnNames;
import org.daijiao.spark.ColumnSpec;
import org.daijiao.spark.TableContract;
import org.daijiao.spark.TableName;
import org.daijiao.spark.TableWriter;
import org.daijiao.spark.Tables;
import org.daijiao.spark.Warehouse;
import org.junit.jupiter.api.Test;

/**
 * {@code daijiao maintain} keeps the audit horizon and refuses less; a table written before run
 * records (Delta's defaults: 30 days of log, 7 of files) is given the horizon and its old versions
 * stay readable; a killed run's tables are not maintained over; a warehouse of a newer daijiao is
 * refused by every command. One tiny table of two versions, no pipeline run.
 */
class MaintainAndFormatTest {
  private static final TableName TABLE = new TableName("gold", "tiny");
  private static final TableContract CONTRACT =
      TableContract.of(
          TABLE,
          "小表",
          "a tiny table of the maintenance test",
          ColumnSpec.required(ColumnNames.POLICY_YEAR, IntegerType, "政策年度", "the year"),
          ColumnSpec.required("word", StringType, "词", "a word"));

  private static SparkSession spark() {
    return TestSpark.session();
  }

  /** A warehouse of one table written twice, as a daijiao before run records left it. */
  private static Warehouse legacyWarehouse() {
    Warehouse w = new Warehouse(PipelineFixture.tempDir("maintain").toString());
    TableWriter writer = new TableWriter(spark(), w);
    writer.replace(CONTRACT, frame(CONTRACT.schema(), row(2022, "first")));
    writer.replace(CONTRACT, frame(CONTRACT.schema(), row(2022, "second"), row(2022, "third")));
    return w;
  }

  @Test
  void maintainRefusesARetentionShorterThanTheAuditHorizonAndChangesNothing() {
    Warehouse w = legacyWarehouse();
    CliRun refused = CliRun.of("maintain", "--warehouse", w.root(), "--retain-years", "1");
    assertThat(refused.exitCode()).isEqualTo(1);
    assertThat(refused.err())
        .startsWith(
            "daijiao: --retain-years 1 is shorter than the audit horizon of 10 years"
                + " (audit_horizon_years of the policy file)")
        .hasLineCount(1);
    assertThat(w.latestVersion(spark(), TABLE)).as("no commit").isEqualTo(1);
    assertThat(w.exists(spark(), Tables.RUNS)).as("not even a run record").isFalse();
  }

  @Test
  void maintainGivesEveryTableTheHorizonAndKeepsEveryVersionReadable() {
    Warehouse w = legacyWarehouse();
    Dataset<Row> first =
        spark().read().format("delta").option("versionAsOf", 0).load(w.pathOf(TABLE));
    List<Row> before = first.collectAsList();

    CliRun maintain = CliRun.of("maintain", "--warehouse", w.root());
    assertThat(maintain.exitCode()).as("stderr: %s", maintain.err()).isZero();
    assertThat(maintain.out()).contains("keeping 10 years of history");

    Map<String, String> properties = Retention.properties(spark(), w, TABLE);
    assertThat(properties)
        .as("Delta keeps the log and the removed files of 10 years (366 days each)")
        .containsEntry("delta.logRetentionDuration", "interval 3660 days")
        .containsEntry("delta.deletedFileRetentionDuration", "interval 3660 days");
    DataFrames.assertSameRows(
        frame(CONTRACT.schema(), before.toArray(Row[]::new)),
        spark().read().format("delta").option("versionAsOf", 0).load(w.pathOf(TABLE)));

    RunRecord record = RunHistory.read(spark(), w).newestFirst().get(0);
    assertThat(record.command()).isEqualTo("maintain");
    assertThat(record.outcome()).isEqualTo(RunRecord.Outcome.SUCCEEDED);
    assertThat(record.policySha256())
        .as("the bundled policy, whose horizon it kept")
        .isEqualTo(PolicyLoader.origin(null, 2022).sha256());
    assertThat(record.tablesWritten()).containsKey(TABLE.qualified());
    assertThat(WarehouseFormat.read(spark(), w))
        .isEqualTo(
            new WarehouseFormat(WarehouseFormat.CURRENT, WarehouseFormat.DAIJIAO_VERSION, 10));
  }

  @Test
  void maintainRefusesTablesAKilledRunChangedUntilARunFinishesAfterIt() {
    Warehouse w = legacyWarehouse();
    assertThat(CliRun.of("maintain", "--warehouse", w.root()).exitCode()).isZero();
    // What a run killed after one table leaves: a newer version that no finished run recorded.
    new TableWriter(spark(), w).replace(CONTRACT, frame(CONTRACT.schema(), row(2022, "killed")));
    long version = w.latestVersion(spark(), TABLE);

    for (int attempt = 1; attempt <= 2; attempt++) {
      CliRun refused = CliRun.of("maintain", "--warehouse", w.root());
      assertThat(refused.exitCode()).as("attempt %d: %s", attempt, refused.err()).isEqualTo(1);
      assertThat(refused.err())
          .contains("changed 1 table after the last finished run (gold.tiny)")
          .contains("Run the pipeline again")
          .contains("Nothing was changed");
      assertThat(w.latestVersion(spark(), TABLE)).as("no OPTIMIZE, no commit").isEqualTo(version);
    }
    assertThat(RunHistory.read(spark(), w).newestFirst().get(0).outcome())
        .isEqualTo(RunRecord.Outcome.FAILED);
  }

  @Test
  void aWarehouseOfANewerDaijiaoIsRefusedByEveryCommand() throws IOException {
    Warehouse w = new Warehouse(PipelineFixture.tempDir("newer").toString());
    Files.createDirectories(Path.of(w.root(), "_daijiao"));
    Files.writeString(
        Path.of(w.root(), "_daijiao", "warehouse.json"),
        "{\"format\": 2, \"written_by\": \"0.2.0\", \"audit_horizon_years\": 10}");
    for (String[] args :
        List.of(
            new String[] {"sql", "--warehouse", w.root(), "SELECT 1"},
            new String[] {"runs", "--warehouse", w.root()},
            new String[] {"decide", "--warehouse", w.root()})) {
      CliRun r = CliRun.of(args);
      assertThat(r.exitCode()).as(args[0]).isEqualTo(1);
      assertThat(r.err())
          .as(args[0])
          .isEqualTo(
              "daijiao: Warehouse "
                  + w.root()
                  + " was written by daijiao 0.2.0 (warehouse format 2); this daijiao 0.1.0 knows"
                  + " formats up to 1 and does not touch it: run daijiao 0.2.0 or newer on it.\n");
    }
    try (var files = Files.list(Path.of(w.root()))) {
      assertThat(files.map(p -> p.getFileName().toString()).toList())
          .as("nothing written")
          .containsExactly("_daijiao");
    }

    Files.writeString(Path.of(w.root(), "_daijiao", "warehouse.json"), "{\"format\": ");
    CliRun damaged = CliRun.of("sql", "--warehouse", w.root(), "SELECT 1");
    assertThat(damaged.exitCode()).isEqualTo(1);
    assertThat(damaged.err()).contains("cannot be read: it is not JSON").hasLineCount(1);
  }
}
