package org.daijiao.ops;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;
import org.daijiao.spark.SparkSessions;
import org.daijiao.spark.TableCheck;
import org.daijiao.spark.TableDamage;
import org.daijiao.spark.TableName;
import org.daijiao.spark.Tables;
import org.daijiao.spark.Warehouse;

/**
 * The warehouse's tables checked from their files ({@link TableCheck}): before a command writes,
 * and by {@code bin/daijiao maintain --check}, every table at the versions the last finished run
 * left (docs/operations.md, "A damaged table, a full disk").
 */
public final class WarehouseCheck {
  private WarehouseCheck() {}

  /** One table's verdict: its damage, or none. */
  public record Verdict(TableName table, long version, Optional<TableDamage> damage) {}

  /**
   * Before a command writes: every one of {@code tables} that was written (its folder is there) is
   * checked at its latest version, the version the command reads or replaces. Nothing has been
   * changed when this throws.
   *
   * @throws TableCheck.DamagedTableException naming the first damaged table and the way out
   */
  public static void checkBeforeWriting(
      SparkSession spark, Warehouse warehouse, Collection<TableName> tables) {
    Map<TableName, Long> latest = new LinkedHashMap<>();
    for (TableName t : tables) {
      latest.put(t, -1L);
    }
    TableCheck.require(spark, warehouse, latest);
  }

  /**
   * Before a command writes: every table of the warehouse at its latest version, the folders of a
   * layer whose log is gone included.
   *
   * @throws TableCheck.DamagedTableException naming the first damaged table and the way out
   */
  public static void checkEveryTableBeforeWriting(SparkSession spark, Warehouse warehouse) {
    List<TableName> all = new ArrayList<>(warehouse.tables(spark));
    all.addAll(foldersWithoutLog(spark, warehouse));
    // A table no finished run wrote and whose log holds no commit was never written: a run killed
    // in its first write left its folder (the next write takes the place; docs/operations.md,
    // "After a crash"). It is damaged only when a finished run recorded a version of it.
    Map<String, Long> finished = finishedRunVersions(spark, warehouse);
    all.removeIf(t -> !finished.containsKey(t.qualified()) && neverCommitted(spark, warehouse, t));
    checkBeforeWriting(spark, warehouse, all);
  }

  /** True when the table's log holds no commit (or there is no log); false when it cannot tell. */
  private static boolean neverCommitted(SparkSession spark, Warehouse warehouse, TableName t) {
    try {
      return warehouse.latestVersion(spark, t) < 0;
    } catch (RuntimeException e) {
      return false;
    }
  }

  /**
   * Every table at the version the last finished run left (the latest where no run finished).
   *
   * @throws TableCheck.DamagedTableException naming the first damaged table and the way out
   */
  public static void checkFinishedRun(SparkSession spark, Warehouse warehouse) {
    Map<TableName, Long> versions = new LinkedHashMap<>();
    for (Verdict v : plan(spark, warehouse)) {
      versions.put(v.table(), v.version());
    }
    TableCheck.require(spark, warehouse, versions);
  }

  /**
   * The verdict on every table, at the last finished run's versions: what {@code maintain --check}
   * prints, one line per table. {@code ops.runs} is checked at its latest version, first.
   */
  public static List<Verdict> verdicts(SparkSession spark, Warehouse warehouse) {
    List<Verdict> out = new ArrayList<>();
    for (Verdict v : plan(spark, warehouse)) {
      out.add(
          new Verdict(
              v.table(), v.version(), TableCheck.check(spark, warehouse, v.table(), v.version())));
    }
    return out;
  }

  /** The tables to check and their versions (negative: the latest), ops.runs first. */
  private static List<Verdict> plan(SparkSession spark, Warehouse warehouse) {
    Map<TableName, Long> versions = new TreeMap<>(WarehouseCheck::byLayer);
    for (TableName t : warehouse.tables(spark)) {
      versions.put(t, -1L);
    }
    for (TableName t : foldersWithoutLog(spark, warehouse)) {
      versions.put(t, -1L);
    }
    finishedRunVersions(spark, warehouse)
        .forEach(
            (name, v) -> {
              int dot = name.indexOf('.');
              if (dot > 0) {
                versions.put(new TableName(name.substring(0, dot), name.substring(dot + 1)), v);
              }
            });
    versions.put(Tables.RUNS, -1L);
    List<Verdict> plan = new ArrayList<>();
    versions.forEach((t, v) -> plan.add(new Verdict(t, v, Optional.empty())));
    plan.removeIf(
        v ->
            v.table().equals(Tables.RUNS)
                && !warehouse.exists(spark, Tables.RUNS)
                && !TableCheck.folderWithoutLog(spark, warehouse, Tables.RUNS));
    return plan;
  }

  /**
   * The versions of the last finished run: its marker, else its record in {@code ops.runs} when
   * that table is sound; empty when no run finished (then every table is checked at its latest).
   */
  private static Map<String, Long> finishedRunVersions(SparkSession spark, Warehouse warehouse) {
    Optional<FinishedRunMarker> marker = FinishedRunMarker.read(spark, warehouse);
    if (marker.isPresent()) {
      return marker.get().versions();
    }
    if (!warehouse.exists(spark, Tables.RUNS)
        || TableCheck.check(spark, warehouse, Tables.RUNS, -1).isPresent()) {
      return Map.of();
    }
    return RunHistory.read(spark, warehouse)
        .lastSucceeded()
        .map(RunRecord::tableVersions)
        .orElse(Map.of());
  }

  /** Folders of a layer that hold files but no Delta log: tables whose log is gone. */
  private static List<TableName> foldersWithoutLog(SparkSession spark, Warehouse warehouse) {
    List<TableName> found = new ArrayList<>();
    try {
      Path root = new Path(warehouse.root());
      FileSystem fs = SparkSessions.fileSystem(spark, root);
      for (String layer : Warehouse.LAYERS) {
        Path dir = new Path(root, layer);
        if (!fs.exists(dir)) {
          continue;
        }
        for (FileStatus s : fs.listStatus(dir)) {
          TableName t = new TableName(layer, s.getPath().getName());
          if (s.isDirectory()
              && !s.getPath().getName().startsWith("_")
              && !s.getPath().getName().startsWith(".")
              && TableCheck.folderWithoutLog(spark, warehouse, t)) {
            found.add(t);
          }
        }
      }
    } catch (IOException e) {
      // The layer folders themselves cannot be listed: each table's check says why.
    }
    return found;
  }

  private static int byLayer(TableName a, TableName b) {
    int layer =
        Integer.compare(
            a.equals(Tables.RUNS) ? -1 : Warehouse.LAYERS.indexOf(a.layer()),
            b.equals(Tables.RUNS) ? -1 : Warehouse.LAYERS.indexOf(b.layer()));
    return layer != 0 ? layer : a.table().compareTo(b.table());
  }
}
