package org.daijiao.ops;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;
import org.daijiao.UserFacingException;
import org.daijiao.UserFacingException.Code;
import org.daijiao.spark.Progress;
import org.daijiao.spark.SparkSessions;
import org.daijiao.spark.TableName;
import org.daijiao.spark.Tables;
import org.daijiao.spark.Warehouse;

/**
 * {@code daijiao backup --to DIR} (docs/operations.md, "Backup and restore"): copies the gold and
 * ops layers as the last finished run left them, with their Delta logs, and writes a {@link
 * BackupManifest} last. Gold keeps every policy year, which no rerun can rebuild from this month's
 * exports; bronze, quality and silver are not copied, a rerun rebuilds them. The copy is taken
 * under the warehouse lock, so that no run writes while it is read; it is not recorded in {@code
 * ops.runs} (it writes no table).
 */
public final class WarehouseBackup {
  /** The layers a backup holds. */
  static final Set<String> LAYERS = Set.of("gold", "ops");

  private static final String STEP = "backup";

  /** What a backup wrote. */
  public record Result(String runId, int tables, long files, long bytes) {}

  private WarehouseBackup() {}

  /**
   * Backs up {@code warehouse} into {@code to}, a folder that is new or empty, holding the lock
   * (waiting up to {@code wait} for a run that holds it).
   *
   * @throws UserFacingException when {@code to} holds files, the warehouse has no finished run, or
   *     another run holds the lock past {@code wait}
   */
  public static Result run(
      SparkSession spark,
      Warehouse warehouse,
      String to,
      List<String> arguments,
      Duration wait,
      Progress progress) {
    WarehouseFormat format = WarehouseFormat.requireKnown(spark, warehouse);
    Path target = new Path(to);
    FileSystem toFs;
    try {
      toFs = SparkSessions.fileSystem(spark, target);
      requireEmpty(toFs, target);
    } catch (IOException e) {
      throw failed(warehouse, to, e);
    }
    LockHolder me = LockHolder.of(RecordedRun.newId(), STEP, arguments, Instant.now());
    try (WarehouseLock lock = WarehouseLock.acquire(spark, warehouse, me, wait)) {
      try {
        return copy(spark, warehouse, format, toFs, target, progress);
      } catch (IOException | RuntimeException e) {
        // The folder was new or empty: what is in it now is this backup's, unfinished.
        removeQuietly(toFs, target);
        throw e instanceof IOException io ? failed(warehouse, to, io) : (RuntimeException) e;
      } finally {
        giveBack(lock);
      }
    }
  }

  private static UserFacingException failed(Warehouse warehouse, String to, IOException e) {
    return new UserFacingException(
        Code.OPTION,
        "The backup of "
            + warehouse.root()
            + " into "
            + to
            + " stopped ("
            + e.getClass().getSimpleName()
            + ": "
            + e.getMessage()
            + "); the unfinished copy was removed. A path in "
            + to
            + ": check that the folder is writable and its disk has room; a path in the"
            + " warehouse: that table is damaged (restore it from an earlier backup).",
        e);
  }

  private static void removeQuietly(FileSystem fs, Path target) {
    try {
      for (FileStatus s : fs.listStatus(target)) {
        fs.delete(s.getPath(), true);
      }
    } catch (IOException e) {
      // Without its manifest the unfinished copy is refused by restore anyway.
    }
  }

  /**
   * A run killed before the backup took the lock is recorded by the next writer (as ABANDONED): the
   * lock file is given back with that run's text, which a reader must not erase.
   */
  private static void giveBack(WarehouseLock lock) {
    LockHolder killed = lock.previous();
    if (killed != null) {
      lock.update(killed);
      lock.leaveForNextRun();
    }
  }

  private static Result copy(
      SparkSession spark,
      Warehouse warehouse,
      WarehouseFormat format,
      FileSystem toFs,
      Path target,
      Progress progress)
      throws IOException {
    RunRecord run =
        RunHistory.read(spark, warehouse)
            .lastSucceeded()
            .orElseThrow(
                () ->
                    new UserFacingException(
                        Code.WAREHOUSE,
                        "Warehouse "
                            + warehouse.root()
                            + " has no finished run to back up (`bin/daijiao runs` lists its"
                            + " runs): run `bin/daijiao run` first."));
    List<BackupManifest.Table> tables = new ArrayList<>();
    long files = 0;
    long bytes = 0;
    for (TableName t : warehouse.tables(spark)) {
      if (!LAYERS.contains(t.layer())) {
        continue;
      }
      // ops.runs is not among a run's versions: it is copied whole, the finished run's record in
      // it.
      Long version =
          t.equals(Tables.RUNS) ? warehouse.latestVersion(spark, t) : run.versionOf(t.qualified());
      if (version == null) {
        progress.step(
            STEP, t + " left out: the last finished run (" + run.runId() + ") did not leave it");
        continue;
      }
      BackupManifest.Table copied = copyTable(spark, warehouse, t, version, toFs, target);
      tables.add(copied);
      files += copied.files().size();
      bytes += copied.bytes();
      progress.step(
          STEP,
          String.format(
              "%-28s version %d: %d files, %,d bytes",
              t, version, copied.files().size(), copied.bytes()));
    }
    new BackupManifest(
            WarehouseFormat.CURRENT,
            WarehouseFormat.DAIJIAO_VERSION,
            Instant.now().toString(),
            warehouse.root(),
            run.runId(),
            run.tableVersions(),
            format == null ? 0 : format.auditHorizonYears(),
            tables)
        .write(toFs, target);
    return new Result(run.runId(), tables.size(), files, bytes);
  }

  private static BackupManifest.Table copyTable(
      SparkSession spark,
      Warehouse warehouse,
      TableName t,
      long version,
      FileSystem toFs,
      Path target)
      throws IOException {
    Path from = new Path(warehouse.pathOf(t));
    FileSystem fromFs = SparkSessions.fileSystem(spark, from);
    List<BackupManifest.FileEntry> entries = new ArrayList<>();
    long bytes = 0;
    BackupManifest.Table folder = new BackupManifest.Table(t.qualified(), version, 0, List.of());
    Path to = folder.folder(target);
    for (String rel : BackupFiles.atVersion(fromFs, from, version)) {
      BackupManifest.FileEntry e =
          BackupFiles.copy(fromFs, new Path(from, rel), toFs, new Path(to, rel), rel);
      entries.add(e);
      bytes += e.bytes();
    }
    return new BackupManifest.Table(t.qualified(), version, bytes, entries);
  }

  /** A backup never mixes with another: the folder must be new or empty. */
  private static void requireEmpty(FileSystem fs, Path target) throws IOException {
    if (!fs.exists(target)) {
      return;
    }
    FileStatus status = fs.getFileStatus(target);
    if (!status.isDirectory() || fs.listStatus(target).length > 0) {
      throw new UserFacingException(
          Code.OPTION,
          "--to "
              + target
              + " is not an empty folder: back up into a new one (for example named after the"
              + " month), so that no earlier backup is overwritten or mixed with this one.");
    }
  }
}
