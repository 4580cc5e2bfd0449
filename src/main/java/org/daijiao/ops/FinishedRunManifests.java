package org.daijiao.ops;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.catalog.ExternalCatalogUtils;
import org.daijiao.UserFacingException;
import org.daijiao.UserFacingException.Code;
import org.daijiao.spark.Progress;
import org.daijiao.spark.SparkSessions;
import org.daijiao.spark.TableName;
import org.daijiao.spark.Tables;
import org.daijiao.spark.Warehouse;

/**
 * The last finished run, for readers without Spark (docs/analysts.md, "Without Spark"): every
 * table's data files at the version that run left, in Delta's symlink manifest format ({@code
 * <table>/_symlink_format_manifest/manifest}, one fully qualified file per line, as Delta writes it
 * and Hive-style engines read it), and one file of DuckDB views over the same files, {@code
 * _daijiao/duckdb-views.sql} ({@link DuckViews}). Written when a run finishes, after its record in
 * {@code ops.runs} and its marker: a run in progress, killed or failed changes neither, so readers
 * see one run whole, as {@code daijiao sql} does. The views file is replaced whole or not at all;
 * each manifest too, table by table, before the views file. Delta's own {@code GENERATE
 * symlink_format_manifest} is not used: it lists a table's latest version, which may be a later
 * unfinished run's.
 */
public final class FinishedRunManifests {
  private static final String MANIFEST_DIR = "_symlink_format_manifest";
  private static final String MANIFEST = "manifest";
  private static final String STEP = "run";

  /**
   * What was written.
   *
   * @param runId the run the views and manifests show
   * @param tables the tables (each has a manifest and a view)
   * @param files the data files they list
   * @param viewsFile the views file
   */
  public record Written(String runId, int tables, long files, String viewsFile) {}

  private FinishedRunManifests() {}

  /** Writes the manifests and views of {@code run}'s table versions (a restore calls this). */
  public static Written write(SparkSession spark, Warehouse warehouse, RunRecord run) {
    return write(spark, warehouse, run.runId(), run.tableVersions());
  }

  /**
   * Writes the manifests and views of run {@code runId}, which left the tables at {@code versions}
   * ({@code layer.table} → Delta version). {@code ops.runs} is read at its latest version. A table
   * the run did not know (a later, unfinished run created it) is left out.
   *
   * @throws UserFacingException when a version can no longer be read or a table uses a Delta
   *     feature a Parquet reader would miss
   */
  public static Written write(
      SparkSession spark, Warehouse warehouse, String runId, Map<String, Long> versions) {
    List<TableFiles> tables = new ArrayList<>();
    List<TableName> names = new ArrayList<>(warehouse.tables(spark));
    // Layer by layer, as the warehouse lists them; within a layer by name, so that the file of the
    // same run is the same text.
    names.sort(
        Comparator.comparing((TableName t) -> Warehouse.LAYERS.indexOf(t.layer()))
            .thenComparing(TableName::table));
    for (TableName t : names) {
      Long version =
          t.equals(Tables.RUNS)
              ? (Long) warehouse.latestVersion(spark, t)
              : versions.get(t.qualified());
      if (version != null && version >= 0) {
        tables.add(TableFiles.at(spark, warehouse, t, version));
      }
    }
    try {
      for (TableFiles t : tables) {
        writeManifests(spark, warehouse, t);
      }
      WarehouseFormat.replace(
          spark, viewsFile(warehouse), DuckViews.text(runId, warehouse.root(), tables));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new Written(
        runId,
        tables.size(),
        tables.stream().mapToLong(t -> t.files().size()).sum(),
        viewsFile(warehouse).toString());
  }

  /**
   * After a run succeeded and was recorded: its manifests and views. Never fails the run (its
   * tables and record are written); on failure the views file is removed, so that no reader takes
   * an earlier run's views for the last one, and a note says how to write them again.
   */
  static void afterRun(
      SparkSession spark,
      Warehouse warehouse,
      String runId,
      Map<String, Long> versions,
      Progress progress) {
    long start = System.nanoTime();
    try {
      Written w = write(spark, warehouse, runId, versions);
      progress.step(
          STEP,
          String.format(
              "manifests of %d tables and their DuckDB views written in %.1f s: %s"
                  + " (docs/analysts.md)",
              w.tables(), (System.nanoTime() - start) / 1e9, w.viewsFile()));
    } catch (RuntimeException e) {
      try {
        Path file = viewsFile(warehouse);
        SparkSessions.fileSystem(spark, file).delete(file, false);
      } catch (IOException | RuntimeException ignored) {
        // The note below tells the operator what to run; a views file left is named by its run.
      }
      progress.step(
          STEP,
          "note: the DuckDB views of this run could not be written ("
              + (e instanceof UserFacingException ? e.getMessage() : e.getClass().getSimpleName())
              + "); `bin/daijiao duckdb-views` writes them again");
    }
  }

  /**
   * Writes the manifests and views of the last run that finished, as {@code ops.runs} records it:
   * for a warehouse written before they existed, or moved. Takes no lock: a run that finishes
   * meanwhile writes its own views after its record, and this one writes again if its run is no
   * longer the last when it is done.
   *
   * @throws UserFacingException when the warehouse records no run that finished
   */
  public static Written rewrite(SparkSession spark, Warehouse warehouse) {
    Written written = null;
    for (int attempt = 0; attempt < 3; attempt++) {
      Optional<RunRecord> last = RunHistory.read(spark, warehouse).lastSucceeded();
      if (written != null && last.map(RunRecord::runId).equals(Optional.of(written.runId()))) {
        return written;
      }
      RunRecord run =
          last.orElseThrow(
              () ->
                  new UserFacingException(
                      Code.WAREHOUSE,
                      "Warehouse "
                          + warehouse.root()
                          + " records no run that finished, so there is nothing for the DuckDB"
                          + " views to show: run `bin/daijiao run --warehouse "
                          + warehouse.root()
                          + "` first (it writes them when it finishes)."));
      written = write(spark, warehouse, run);
    }
    return written;
  }

  /** {@code <warehouse>/_daijiao/duckdb-views.sql}. */
  public static Path viewsFile(Warehouse warehouse) {
    return new Path(WarehouseFormat.opsDirectory(warehouse), DuckViews.FILE);
  }

  /**
   * The table's manifests: one for an unpartitioned table, one per partition folder ({@code
   * col=value/manifest}) for a partitioned one, as Delta lays them out; manifests of partitions the
   * version no longer has are deleted.
   */
  private static void writeManifests(SparkSession spark, Warehouse warehouse, TableFiles t)
      throws IOException {
    Path dir = new Path(warehouse.pathOf(t.table()), MANIFEST_DIR);
    Map<Path, StringBuilder> manifests = new LinkedHashMap<>();
    if (t.partitionColumns().isEmpty()) {
      manifests.put(new Path(dir, MANIFEST), new StringBuilder());
    }
    for (TableFiles.DataFile f : t.files()) {
      Path folder = dir;
      for (String c : t.partitionColumns()) {
        String value = f.partitionValues().get(c);
        folder =
            new Path(
                folder,
                ExternalCatalogUtils.getPartitionPathString(
                    c, value == null ? ExternalCatalogUtils.DEFAULT_PARTITION_NAME() : value));
      }
      manifests
          .computeIfAbsent(new Path(folder, MANIFEST), k -> new StringBuilder())
          .append(f.qualified())
          .append('\n');
    }
    FileSystem fs = SparkSessions.fileSystem(spark, dir);
    for (Map.Entry<Path, StringBuilder> m : manifests.entrySet()) {
      WarehouseFormat.replace(spark, m.getKey(), m.getValue().toString());
    }
    Set<Path> written = new HashSet<>();
    manifests.keySet().forEach(p -> written.add(fs.makeQualified(p)));
    List<Path> stale = new ArrayList<>();
    RemoteIterator<LocatedFileStatus> all = fs.listFiles(dir, true);
    while (all.hasNext()) {
      Path p = fs.makeQualified(all.next().getPath());
      if (p.getName().equals(MANIFEST) && !written.contains(p)) {
        stale.add(p);
      }
    }
    for (Path p : stale) {
      fs.delete(p, false);
    }
  }
}
