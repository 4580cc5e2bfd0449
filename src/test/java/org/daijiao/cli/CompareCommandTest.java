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
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.daijiao.TestSpark;
import org.daijiao.ops.WarehouseComparison;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code daijiao compare A B} on two tiny warehouses of Delta tables, called as .ci/crash-check
 * (every table) and jobs/standalone-cluster-check.sh (gold tables of a year, rows required) call
 * it: exit code 0 when the same, 1 when not, and nothing printed but names of tables and columns,
 * counts and masked IDs.
 */
class CompareCommandTest {
  private static final SparkSession SPARK = TestSpark.session();
  private static final String ID_1 = "500243197203120020";
  private static final String ID_2 = "500243195512150018";
  private static final String NAME_1 = "张三";
  private static final StructType ELIGIBILITY =
      new StructType()
          .add("id_number", DataTypes.StringType)
          .add("name", DataTypes.StringType)
          .add("policy_year", DataTypes.IntegerType)
          .add("status", DataTypes.StringType)
          .add("run_id", DataTypes.StringType)
          .add("decided_at", DataTypes.StringType);
  private static final StructType REJECTS =
      new StructType()
          .add("reject_reason", DataTypes.StringType)
          .add("run_id", DataTypes.StringType);

  @TempDir static Path dir;
  private static Path a;
  private static Path same;
  private static Path changed;

  @BeforeAll
  static void warehouses() throws IOException {
    a = dir.resolve("a");
    write(a, "gold/eligibility", eligibility("ELIGIBLE", "run-1"));
    write(a, "quality/rejected_records", rejects("run-1"));
    // A second run of the same inputs: other run ids and times, the same data.
    same = dir.resolve("same");
    write(same, "gold/eligibility", eligibility("ELIGIBLE", "run-2"));
    write(same, "quality/rejected_records", rejects("run-2"));
    changed = dir.resolve("changed");
    copy(same, changed);
    write(changed, "gold/eligibility", eligibility("INELIGIBLE", "run-3"));
  }

  private static Dataset<Row> eligibility(String status, String runId) {
    return SPARK.createDataFrame(
        List.of(
            RowFactory.create(ID_1, NAME_1, 2022, status, runId, "t-" + runId),
            RowFactory.create(ID_2, "李四", 2022, "ELIGIBLE", runId, "t-" + runId),
            RowFactory.create(ID_2, "李四", 2021, "ELIGIBLE", runId, "t-" + runId)),
        ELIGIBILITY);
  }

  private static Dataset<Row> rejects(String runId) {
    return SPARK.createDataFrame(List.of(RowFactory.create("ID_MISSING", runId)), REJECTS);
  }

  private static void write(Path warehouse, String table, Dataset<Row> rows) {
    rows.coalesce(1)
        .write()
        .format("delta")
        .mode("overwrite")
        .save(warehouse.resolve(table).toString());
  }

  private static void copy(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      files.forEach(
          f -> {
            try {
              Files.copy(f, to.resolve(from.relativize(f).toString()));
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
          });
    }
  }

  @Test
  void theCrashCheckCallFindsTwoRunsOfTheSameInputsTheSame() {
    CliRun run = CliRun.of("compare", a.toString(), same.toString());

    assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
    assertThat(run.out())
        .contains("gold.eligibility", "3 rows, identical", "quality.rejected_records")
        .contains("ignored columns: decided_at, run_id")
        .contains("same: all 2 tables");
  }

  @Test
  void theCrashCheckCallReportsAChangedValueWithoutTheIdOrName() {
    CliRun run = CliRun.of("compare", a.toString(), changed.toString());

    assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(1);
    assertThat(run.out())
        .contains("gold.eligibility", "DIFFERS", "columns that differ: status")
        .contains("IDs only in A: 500243********0020")
        .contains("different: 1 of 2 tables (gold.eligibility)")
        .doesNotContain(ID_1, NAME_1);
  }

  @Test
  void theClusterCheckCallComparesTheGoldTablesOfTheYear() {
    CliRun sameYear =
        CliRun.of(
            "compare",
            a.toString(),
            same.toString(),
            "--year",
            "2022",
            "--require-rows",
            "--ignore",
            WarehouseComparison.IGNORED_COLUMNS,
            "--table",
            "gold.eligibility");
    CliRun missing =
        CliRun.of(
            "compare",
            a.toString(),
            same.toString(),
            "--year",
            "2022",
            "--require-rows",
            "--table",
            "gold.eligibility",
            "--table",
            "gold.worklist");

    assertThat(sameYear.exitCode()).as(sameYear.out() + sameYear.err()).isZero();
    assertThat(sameYear.out()).contains("2 rows, identical");
    assertThat(missing.exitCode()).isEqualTo(1);
    assertThat(missing.out()).contains("gold.worklist", "no such table in either warehouse");
  }
}
