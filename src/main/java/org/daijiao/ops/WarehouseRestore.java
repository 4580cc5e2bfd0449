package org.daijiao.ops;

import java.io.IOException;
import java.util.List;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.delta.DeltaLog;
import org.daijiao.UserFacingException;
import org.daijiao.UserFacingException.Code;
import org.daijiao.spark.Progress;
import org.daijiao.spark.SparkSessions;
import org.daijiao.spark.TableName;
import org.daijiao.spark.Tables;
import org.daijiao.spark.Warehouse;

/**
 * {@code daijiao restore --from DIR} (docs/operations.md, "Backup and restore"): writes the tables
 * of a backup into a warehouse — a damaged one, or a new, empty one. The backup is checked against
 * its manifest first, so that a damaged backup stops before anything changes. It runs as a recorded
 * run (under the warehouse lock, recorded in {@code ops.runs}): each table is copied, checked
 * again, into {@code _daijiao/restore-<run id>/}, on the warehouse's own file system, and only when
 * every table is there is each table folder replaced by its copy, by a rename. The run's record
 * then goes into the restored {@code ops.runs}, after the backup's history, and its versions into
 * {@code _daijiao/finished-run.json}: readers see the restored tables. Bronze, quality and silver
 * are not in a backup; the next {@code bin/daijiao run} rebuilds them.
 */
public final class WarehouseRestore {
  private static final String STEP = "restore";

  /** A backup whose every file matched its manifest. */
  public record Checked(Path folder, BackupManifest manifest) {
    /** The finished run the backup is a copy of. */
    public String runId() {
      return manifest.runId();
    }
  }

  /** What a restore wrote. */
  public record Result(String runId, int tables, long files, long bytes) {}

  private WarehouseRestore() {}

  /**
   * Reads the manifest of the backup in {@code from} and checks every file against it.
   *
   * @throws UserFacingException in one line, for a folder that is not a complete, intact backup
   */
  public static Checked check(SparkSession spark, String from) {
    Path folder = new Path(from);
    try {
      FileSystem fs = SparkSessions.fileSystem(spark, folder);
      if (!fs.isDirectory(folder)) {
        throw new UserFacingException(
            Code.OPTION,
            "--from " + from + ": no such folder; give the folder `backup --to` wrote.");
      }
      BackupManifest manifest = BackupManifest.read(fs, folder);
      manifest.verify(fs, folder);
      return new Checked(folder, manifest);
    } catch (IOException e) {
      throw BackupManifest.damaged(folder, "it cannot be read (" + e.getMessage() + ")");
    }
  }

  /**
   * Replaces the warehouse's tables by the backup's, as the work of the recorded run {@code runId}
   * (under its lock).
   */
  public static Result restore(
      SparkSession spark, Warehouse warehouse, Checked backup, String runId, Progress progress) {
    Path staging = new Path(WarehouseFormat.opsDirectory(warehouse), "restore-" + runId);
    BackupManifest manifest = backup.manifest();
    // ops.runs last: if a rename fails on the way, the run's FAILED record goes to the history the
    // warehouse had.
    List<BackupManifest.Table> tables =
        manifest.tables().stream()
            .sorted(
                (a, b) ->
                    Boolean.compare(
                        a.table().equals(Tables.RUNS.qualified()),
                        b.table().equals(Tables.RUNS.qualified())))
            .toList();
    try {
      FileSystem fs = SparkSessions.fileSystem(spark, staging);
      FileSystem fromFs = SparkSessions.fileSystem(spark, backup.folder());
      long files = 0;
      long bytes = 0;
      try {
        for (BackupManifest.Table t : tables) {
          stage(fromFs, backup.folder(), fs, staging, t);
          files += t.files().size();
          bytes += t.bytes();
        }
        for (BackupManifest.Table t : tables) {
          replace(spark, warehouse, fs, staging, t);
          progress.step(
              STEP,
              String.format(
                  "%-28s version %d restored: %d files, %,d bytes",
                  t.table(), t.version(), t.files().size(), t.bytes()));
        }
      } finally {
        fs.delete(staging, true);
      }
      // Delta's history is kept as long as the backup's warehouse kept it.
      WarehouseFormat.stamp(spark, warehouse, manifest.auditHorizonYears());
      // The DuckDB manifests and views of the restored run: written by the run record's end, with
      // finished-run.json (FinishedRunManifests.afterRun).
      return new Result(manifest.runId(), tables.size(), files, bytes);
    } catch (IOException e) {
      throw new UserFacingException(
          Code.WAREHOUSE,
          "The restore into "
              + warehouse.root()
              + " stopped ("
              + e.getClass().getSimpleName()
              + ": "
              + e.getMessage()
              + "). Check that the warehouse's disk is writable and has room for the backup ("
              + manifest.tables().stream().mapToLong(BackupManifest.Table::bytes).sum()
              + " bytes), then restore again.",
          e);
    }
  }

  /** Copies a table into the staging folder, checking every file against the manifest again. */
  private static void stage(
      FileSystem fromFs, Path backup, FileSystem fs, Path staging, BackupManifest.Table t)
      throws IOException {
    Path from = t.folder(backup);
    Path to = t.folder(staging);
    for (BackupManifest.FileEntry f : t.files()) {
      BackupManifest.FileEntry copied =
          BackupFiles.copy(fromFs, new Path(from, f.path()), fs, new Path(to, f.path()), f.path());
      if (!copied.equals(f)) {
        throw BackupManifest.damaged(
            backup,
            t.name().layer()
                + "/"
                + t.name().table()
                + "/"
                + f.path()
                + " changed while it was restored");
      }
    }
  }

  /**
   * Puts the staged copy in the table's place: the old folder is moved aside, the copy renamed in
   * (two renames on one file system), and Delta's cached view of the table dropped.
   */
  private static void replace(
      SparkSession spark, Warehouse warehouse, FileSystem fs, Path staging, BackupManifest.Table t)
      throws IOException {
    TableName name = t.name();
    Path live = new Path(warehouse.pathOf(name));
    Path staged = t.folder(staging);
    Path aside = t.folder(new Path(staging, "replaced"));
    fs.mkdirs(live.getParent());
    if (fs.exists(live)) {
      fs.mkdirs(aside.getParent());
      rename(fs, live, aside);
    }
    rename(fs, staged, live);
    DeltaLog.invalidateCache(spark, live);
  }

  private static void rename(FileSystem fs, Path from, Path to) throws IOException {
    if (!fs.rename(from, to)) {
      throw new IOException("cannot rename " + from + " to " + to);
    }
  }
}
