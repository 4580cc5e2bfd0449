package org.daijiao.cli;

import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.daijiao.DataFrames.frame;
import static org.daijiao.DataFrames.row;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.daijiao.FaultyFileSystem;
import org.daijiao.PipelineFixture;
import org.daijiao.TestSpark;
import org.daijiao.ops.DiskFullException;
import org.daijiao.ops.RecordedRun;
import org.daijiao.ops.RunHistory;
import org.daijiao.ops.RunRecord;
import org.daijiao.spark.ColumnNames;
import org.daijiao.spark.ColumnSpec;
import org.daijiao.spark.Progress;
import org.daijiao.spark.TableContract;
import org.daijiao.spark.TableName;
import org.daijiao.spark.TableWriter;
import org.daijiao.spark.Warehouse;
import org.junit.jupiter.api.Test;

/**
 * A run that meets a full disk (docs/operations.md, "A damaged table, a full disk"): the writer's
 * file system throws what Hadoop's local file system throws on ENOSPC ({@link FaultyFileSystem})
 * after the run has replaced one of its two tables. The run stops with one line naming the folder,
 * the full disk and the space a run needs; readers stay on the last finished run; the run could not
 * append its record (the disk is full), so its lock names its error class, and the next run records
 * it as FAILED. {@code .ci/full-disk-check} does the same with {@code bin/daijiao run} on a real
 * file system of 6 MB.
 */
class FullDiskTest {
  private static final TableName SILVER = new TableName("silver", "tiny");
  private static final TableName GOLD = new TableName("gold", "tiny");

  private static SparkSession spark() {
    return TestSpark.session();
  }

  private static TableContract contract(TableName table) {
    return TableContract.of(
        table,
        "小表",
        "a tiny table of the full-disk test",
        ColumnSpec.required(ColumnNames.POLICY_YEAR, IntegerType, "政策年度", "the year"),
        ColumnSpec.required("word", StringType, "词", "a word"));
  }

  /** A recorded run that replaces both tables with {@code word}; {@code between} runs between. */
  private static void run(Warehouse w, String word, Runnable between) {
    RecordedRun.record(
        spark(),
        w,
        Progress.silent(),
        "run",
        List.of(),
        Duration.ZERO,
        run -> {
          TableWriter writer = new TableWriter(spark(), w);
          writer.replace(contract(SILVER), frame(contract(SILVER).schema(), row(2022, word)));
          between.run();
          writer.replace(contract(GOLD), frame(contract(GOLD).schema(), row(2022, word)));
          return null;
        });
  }

  @Test
  void aRunOnAFullDiskStopsWithOneLineAndTheNextRunRecordsItAsFailed() {
    Warehouse w = new Warehouse(PipelineFixture.tempDir("full-disk").toString());
    run(w, "first", () -> {});
    try (FaultyFileSystem.Installed fs = FaultyFileSystem.install(spark())) {
      Throwable stopped = catchThrowable(() -> run(w, "second", () -> fs.fullUnder(w.root())));

      assertThat(stopped).isInstanceOf(DiskFullException.class);
      String line = lineOf((RuntimeException) stopped);
      assertThat(line)
          .startsWith("daijiao: The disk under " + w.root() + " is full (no space left on device, ")
          .contains(
              "): the run stopped, and readers still see the tables as the last finished run left"
                  + " them. A run writes about ")
          .contains(
              " kB into "
                  + w.root()
                  + " (the size of the last finished run's tables): free at least that much there,"
                  + " or move the warehouse to a larger disk, then run again; that run records this"
                  + " one in ops.runs as FAILED (docs/operations.md).")
          .hasLineCount(1)
          .doesNotContain("internal error");

      // Readers: silver.tiny was replaced by the failed run, and is read as the finished run left
      // it.
      CliRun sql =
          CliRun.of(
              "sql", "--warehouse", w.root(), "--format", "csv", "SELECT word FROM silver.tiny");
      assertThat(sql.exitCode()).as(sql.err()).isZero();
      assertThat(sql.out()).isEqualTo("word\nfirst\n");
      assertThat(sql.err()).contains("silver.tiny is read at version 0, as the last finished run");
      assertThat(RunHistory.read(spark(), w).newestFirst())
          .as("the failed run could not record itself on the full disk")
          .extracting(RunRecord::outcome)
          .containsExactly(RunRecord.Outcome.SUCCEEDED);

      fs.fullUnder(null); // space freed
      run(w, "third", () -> {});
    }
    List<RunRecord> runs = RunHistory.read(spark(), w).newestFirst();
    assertThat(runs)
        .extracting(RunRecord::outcome)
        .containsExactly(
            RunRecord.Outcome.SUCCEEDED, RunRecord.Outcome.FAILED, RunRecord.Outcome.SUCCEEDED);
    assertThat(runs.get(1).errorClass()).isEqualTo(DiskFullException.class.getName());
    assertThat(runs.get(1).tablesWritten()).containsOnlyKeys(SILVER.qualified());
    for (TableName t : List.of(SILVER, GOLD)) {
      CliRun sql =
          CliRun.of("sql", "--warehouse", w.root(), "--format", "csv", "SELECT word FROM " + t);
      assertThat(sql.exitCode()).as(sql.err()).isZero();
      assertThat(sql.out()).as(t.qualified()).isEqualTo("word\nthird\n");
    }
  }

  private static String lineOf(RuntimeException e) {
    PrintStream stderr = System.err;
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    try {
      assertThat(Main.reportFailure(e, false)).isEqualTo(1);
    } finally {
      System.setErr(stderr);
    }
    return err.toString(StandardCharsets.UTF_8);
  }
}
