package org.daijiao.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.daijiao.PipelineFixture;
import org.daijiao.TestSpark;
import org.daijiao.decide.GoldColumns;
import org.daijiao.ops.RunColumns;
import org.daijiao.ops.RunHistory;
import org.daijiao.ops.RunRecord;
import org.daijiao.spark.TableName;
import org.daijiao.spark.TableWriter;
import org.daijiao.spark.Tables;
import org.daijiao.spark.Warehouse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * {@code backup} and {@code restore} (docs/operations.md, "Backup and restore") on a warehouse that
 * holds several runs ({@link HostileCounty}: a June run and a December decide of 2022) and, after
 * its last finished run, a ledger that a run killed half-way wrote: the backup holds the tables as
 * the December run left them, a restore into a new warehouse gives back every gold and ops row and
 * the history that {@code diff} reads, a ledger deleted by hand comes back and {@code sql} reads
 * it, a rerun on the restored warehouse rebuilds bronze, quality and silver, and a damaged backup
 * is refused in one line before anything changes.
 *
 * <p>Slow (about two minutes with {@link SpreadsheetFilesTest}, whose warehouse it shares; the
 * rerun is a whole pipeline run): run by {@code .ci/run} in its own step and by {@code mvn verify
 * -Pslow}.
 */
@Tag("slow")
class BackupRestoreTest {
  private static HostileCounty county;
  private static Warehouse source;
  private static Path backup;
  private static CliRun backedUp;

  @BeforeAll
  static void backUpAWarehouseWithAnUnfinishedLaterLedger() {
    county = HostileCounty.get();
    source = county.copy("backup-source");
    // What a run killed between two gold tables leaves: a newer ledger, no record of the run.
    new TableWriter(spark(), source)
        .replaceYear(
            GoldColumns.SUBSIDY_LEDGER, source.read(spark(), Tables.SUBSIDY_LEDGER).limit(1), 2022);
    backup = PipelineFixture.tempDir("backup").resolve("2022-12");
    backedUp = CliRun.of("backup", "--warehouse", source.root(), "--to", backup.toString());
  }

  @Test
  void aRoundTripIntoANewWarehouseGivesBackEveryGoldAndOpsRowAndTheHistory() throws IOException {
    assertThat(backedUp.exitCode()).as("stderr: %s", backedUp.err()).isZero();
    assertThat(backedUp.out())
        .as("every gold table and ops.runs")
        .startsWith(
            "backed up run "
                + county.december.runId()
                + ": "
                + (Tables.GOLD.size() + 1)
                + " tables");
    Warehouse restored =
        new Warehouse(PipelineFixture.tempDir("restored").resolve("new").toString());
    CliRun restore =
        CliRun.of("restore", "--from", backup.toString(), "--warehouse", restored.root());
    assertThat(restore.exitCode()).as("stderr: %s", restore.err()).isZero();
    assertThat(restore.err()).doesNotContain("ERROR", "WARN");

    for (TableName t : Tables.GOLD) {
      assertSameRows(
          restored.read(spark(), t),
          at(source, t, county.december.versionOf(t.qualified())),
          t + " as the December run left it, not the later unfinished ledger");
    }
    // ops.runs: the backup's history, then the restore's own record.
    List<RunRecord> runs = RunHistory.read(spark(), restored).newestFirst();
    assertThat(runs.get(0).command()).isEqualTo("restore");
    assertThat(runs.get(0).outcome()).isEqualTo(RunRecord.Outcome.SUCCEEDED);
    long opsVersion = source.latestVersion(spark(), Tables.RUNS);
    // ops.runs has map columns, which Spark's set operations refuse: compared as run records.
    assertThat(records(at(restored, Tables.RUNS, opsVersion)))
        .as("ops.runs as backed up")
        .isEqualTo(records(source.read(spark(), Tables.RUNS)));
    assertThat(runs.subList(1, runs.size()))
        .isEqualTo(RunHistory.read(spark(), source).newestFirst());
    Map<?, ?> marker =
        new com.fasterxml.jackson.databind.ObjectMapper()
            .readValue(
                Path.of(restored.root(), "_daijiao", "finished-run.json").toFile(), Map.class);
    assertThat(marker.get("run_id")).isEqualTo(runs.get(0).runId());

    // The history the runs left: diff reads June's and December's versions.
    String[] diff = {
      "diff", "--from", county.june.runId(), "--to", county.december.runId(), "--warehouse"
    };
    CliRun before = CliRun.of(append(diff, source.root()));
    CliRun after = CliRun.of(append(diff, restored.root()));
    assertThat(after.exitCode()).as("stderr: %s", after.err()).isZero();
    assertThat(after.out()).isEqualTo(before.out()).contains("ENTERED");
  }

  @Test
  void aLedgerDeletedByHandIsRestoredAndSqlReadsItAndARerunRebuildsTheLowerLayers()
      throws IOException {
    Warehouse damaged = county.copy("ledger-deleted");
    deleteTree(Path.of(damaged.pathOf(Tables.SUBSIDY_LEDGER)));
    CliRun restore =
        CliRun.of("restore", "--from", backup.toString(), "--warehouse", damaged.root());
    assertThat(restore.exitCode()).as("stderr: %s", restore.err()).isZero();
    long expected =
        at(source, Tables.SUBSIDY_LEDGER, county.december.versionOf("gold.subsidy_ledger")).count();
    CliRun sql =
        CliRun.of(
            "sql",
            "--warehouse",
            damaged.root(),
            "--format",
            "csv",
            "SELECT count(*) FROM gold.subsidy_ledger");
    assertThat(sql.exitCode()).as("stderr: %s", sql.err()).isZero();
    assertThat(sql.out()).isEqualTo("count(1)\n" + expected + "\n");
    assertThat(Files.list(Path.of(damaged.root(), "_daijiao")).map(p -> p.getFileName().toString()))
        .as("no staging folder is left")
        .noneMatch(n -> n.startsWith("restore-"));

    // Gold and ops only came back; the next run rebuilds the rest from the exports.
    deleteTree(Path.of(damaged.root(), "bronze"));
    deleteTree(Path.of(damaged.root(), "silver"));
    deleteTree(Path.of(damaged.root(), "quality"));
    CliRun rerun =
        CliRun.of(
            "run",
            "--input",
            county.input.toString(),
            "--warehouse",
            damaged.root(),
            "--year",
            "2022",
            "--as-of",
            "2022-12-31");
    assertThat(rerun.exitCode()).as("stderr: %s", rerun.err()).isZero();
    for (TableName t : List.of(Tables.PERSONS, Tables.REJECTED_RECORDS, Tables.ENROLLMENTS)) {
      assertThat(damaged.exists(spark(), t)).as("%s rebuilt", t).isTrue();
    }
    // The history goes on: the backup's runs, the restore, then the rerun.
    List<RunRecord> runs = RunHistory.read(spark(), damaged).newestFirst();
    assertThat(runs.stream().map(RunRecord::command).limit(2)).containsExactly("run", "restore");
    assertThat(runs.get(0).outcome()).isEqualTo(RunRecord.Outcome.SUCCEEDED);
    assertThat(runs.subList(2, runs.size()))
        .isEqualTo(RunHistory.read(spark(), source).newestFirst());
  }

  @Test
  void aDamagedBackupIsRefusedInOneLineBeforeAnythingChanges() throws IOException {
    Warehouse target = county.copy("restore-refused");
    long ledgerVersion = target.latestVersion(spark(), Tables.SUBSIDY_LEDGER);
    long opsVersion = target.latestVersion(spark(), Tables.RUNS);

    Path flipped = copyOfBackup("flipped");
    Path parquet = largestDataFile(flipped.resolve("gold/subsidy_ledger"));
    try (RandomAccessFile f = new RandomAccessFile(parquet.toFile(), "rw")) {
      f.seek(f.length() / 2);
      int b = f.read();
      f.seek(f.length() / 2);
      f.write(b ^ 0xFF);
    }
    refused(flipped, target, "does not have the content the backup wrote (its checksum)");
    // Where the file system keeps no checksum of its own (HDFS, object stores), SHA-256 finds it.
    Files.delete(parquet.resolveSibling("." + parquet.getFileName() + ".crc"));
    refused(flipped, target, "does not have the content the backup wrote (SHA-256)");

    Path truncated = copyOfBackup("truncated");
    Path commit = truncated.resolve("gold/eligibility/_delta_log/00000000000000000000.json");
    Files.write(commit, java.util.Arrays.copyOf(Files.readAllBytes(commit), 10));
    Files.delete(commit.resolveSibling("." + commit.getFileName() + ".crc"));
    refused(
        truncated, target, "gold/eligibility/_delta_log/00000000000000000000.json has 10 bytes");

    Path unfinished = copyOfBackup("unfinished");
    Files.delete(unfinished.resolve("daijiao-backup.json"));
    refused(unfinished, target, "it has no daijiao-backup.json");

    assertThat(target.latestVersion(spark(), Tables.SUBSIDY_LEDGER)).isEqualTo(ledgerVersion);
    assertThat(target.latestVersion(spark(), Tables.RUNS)).isEqualTo(opsVersion);
    assertThat(Files.list(Path.of(target.root(), "_daijiao")).map(p -> p.getFileName().toString()))
        .noneMatch(n -> n.startsWith("restore-"));
  }

  @Test
  void aBackupIsNeverWrittenIntoAFolderThatHoldsFiles() {
    CliRun again = CliRun.of("backup", "--warehouse", source.root(), "--to", backup.toString());
    assertThat(again.exitCode()).isEqualTo(1);
    assertThat(again.err().strip().lines()).hasSize(1);
    assertThat(again.err()).contains("is not an empty folder");
  }

  private static void refused(Path backupCopy, Warehouse target, String why) {
    CliRun r = CliRun.of("restore", "--from", backupCopy.toString(), "--warehouse", target.root());
    assertThat(r.exitCode()).as("restore of a damaged backup; stderr: %s", r.err()).isEqualTo(1);
    assertThat(r.err().strip().lines()).as("one line: %s", r.err()).hasSize(1);
    assertThat(r.err())
        .contains("is damaged: ", why, "Nothing was changed")
        .doesNotContain("ERROR");
  }

  private static Path copyOfBackup(String prefix) {
    Path copy = PipelineFixture.tempDir(prefix).resolve("backup");
    HostileCounty.copyTree(backup, copy);
    return copy;
  }

  private static Path largestDataFile(Path table) throws IOException {
    try (Stream<Path> files = Files.walk(table)) {
      return files
          .filter(p -> p.getFileName().toString().endsWith(".parquet"))
          .filter(p -> !p.toString().contains("_delta_log"))
          .max(Comparator.comparingLong(p -> p.toFile().length()))
          .orElseThrow();
    }
  }

  private static Dataset<Row> at(Warehouse w, TableName t, long version) {
    return spark().read().format("delta").option("versionAsOf", version).load(w.pathOf(t));
  }

  /** Equal rows, duplicates kept (exceptAll both ways). */
  private static void assertSameRows(Dataset<Row> actual, Dataset<Row> expected, String what) {
    assertThat(actual.count()).as("rows of %s", what).isEqualTo(expected.count());
    assertThat(actual.exceptAll(expected).count()).as("rows only in the copy: %s", what).isZero();
    assertThat(expected.exceptAll(actual).count()).as("rows missing: %s", what).isZero();
  }

  private static List<RunRecord> records(Dataset<Row> runs) {
    return RunColumns.RUNS.select(runs).collectAsList().stream()
        .map(RunRecord::fromRow)
        .sorted(Comparator.comparing(RunRecord::runId))
        .toList();
  }

  private static String[] append(String[] args, String last) {
    String[] out = java.util.Arrays.copyOf(args, args.length + 1);
    out[args.length] = last;
    return out;
  }

  private static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> tree = Files.walk(dir)) {
      for (Path p : tree.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  private static SparkSession spark() {
    return TestSpark.session();
  }
}
