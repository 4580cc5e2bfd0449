package org.daijiao.ops;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.TableIdentifier;
import org.apache.spark.sql.catalyst.catalog.CatalogTableType;
import org.apache.spark.sql.catalyst.catalog.SessionCatalog;
import org.daijiao.UserFacingException;
import org.daijiao.UserFacingException.Code;
import org.daijiao.spark.TableName;
import org.daijiao.spark.Tables;
import org.daijiao.spark.Warehouse;

/**
 * The tables as a recorded run left them. A run replaces each table in one Delta commit, so a
 * reader of one table sees a year whole or not at all; across tables, a run in progress or one that
 * was killed between two tables has replaced some and not others. The last run that finished is the
 * run marker: by default a query reads each table at the version that run left wherever a later,
 * unfinished run has written a newer one (a note on stderr says so); {@code sql --run RUN_ID} reads
 * every table at the version a chosen run left. A table read at an earlier version is registered as
 * a view over Delta's time travel ({@code VERSION AS OF}), under its usual name.
 */
public final class RunTables {
  private RunTables() {}

  /**
   * Registers the tables {@code query} names (every table when it names none): at the versions run
   * {@code runId} left, or, with {@code runId} null, at the last finished run's where a later
   * unfinished run wrote. A warehouse without run records is registered as it is.
   *
   * @throws UserFacingException when the run is not recorded, a table did not exist when it ended,
   *     or a version is no longer readable
   */
  public static void registerNamedIn(
      SparkSession spark, Warehouse warehouse, String query, String runId, PrintStream notes) {
    if (runId == null && !warehouse.exists(spark, Tables.RUNS)) {
      warehouse.registerNamedIn(spark, query);
      return;
    }
    List<TableName> named = warehouse.namedIn(spark, query);
    if (runId == null) {
      List<TableName> tables = named.isEmpty() ? warehouse.tables(spark) : named;
      if (atFinishedRunVersions(spark, warehouse, tables)) {
        tables.forEach(t -> warehouse.register(spark, t));
        return;
      }
    }
    RunHistory history = RunHistory.read(spark, warehouse);
    if (runId != null) {
      RunRecord run = history.require(runId, "--run");
      List<TableName> tables =
          named.isEmpty()
              ? warehouse.tables(spark).stream()
                  .filter(t -> run.versionOf(t.qualified()) != null)
                  .toList()
              : named;
      for (TableName t : tables) {
        if (t.equals(Tables.RUNS)) {
          warehouse.register(spark, t);
          continue;
        }
        Long version = run.versionOf(t.qualified());
        if (version == null) {
          throw new UserFacingException(
              Code.WAREHOUSE,
              "Table "
                  + t
                  + " did not exist yet when run "
                  + runId
                  + " ended: it cannot be read as that run left it.");
        }
        registerAt(spark, warehouse, t, version, runId);
      }
      return;
    }
    Optional<RunRecord> committed = history.lastSucceeded();
    LockHolder writer = WarehouseLock.current(spark, warehouse);
    String later =
        writer != null && WarehouseLock.isHeld(spark, warehouse)
            ? "run " + writer.runId() + ", in progress, has written version "
            : "a later run that did not finish (killed or failed: `bin/daijiao runs`; run the"
                + " pipeline again) wrote version ";
    for (TableName t : named.isEmpty() ? warehouse.tables(spark) : named) {
      Long version = finishedVersionIfBehind(spark, warehouse, committed, t);
      if (version != null) {
        long latest = warehouse.latestVersion(spark, t);
        registerAt(spark, warehouse, t, version, committed.get().runId());
        notes.println(
            "daijiao: "
                + t
                + " is read at version "
                + version
                + ", as the last finished run ("
                + committed.get().runId()
                + ") left it; "
                + later
                + latest
                + ".");
      } else {
        warehouse.register(spark, t);
      }
    }
  }

  /**
   * The tables a run that did not finish changed after the last finished run (killed, failed or
   * still writing): their latest version is newer than the one the last finished run recorded.
   * Empty when no run finished yet. {@code history}: the warehouse's run records, read once by the
   * caller.
   */
  public static List<TableName> changedSinceLastFinishedRun(
      SparkSession spark, Warehouse warehouse, RunHistory history) {
    Optional<RunRecord> committed = history.lastSucceeded();
    return warehouse.tables(spark).stream()
        .filter(t -> finishedVersionIfBehind(spark, warehouse, committed, t) != null)
        .toList();
  }

  /**
   * Each of {@code tables} as a reader sees it by default ({@link #registerNamedIn} without a run):
   * at the version the last finished run left where a later, unfinished run wrote a newer one, else
   * at its latest. Every table must exist.
   */
  public static Map<TableName, Dataset<Row>> asReadersSeeThem(
      SparkSession spark, Warehouse warehouse, List<TableName> tables) {
    Optional<RunRecord> committed =
        !warehouse.exists(spark, Tables.RUNS) || atFinishedRunVersions(spark, warehouse, tables)
            ? Optional.empty()
            : RunHistory.read(spark, warehouse).lastSucceeded();
    Map<TableName, Dataset<Row>> out = new LinkedHashMap<>();
    for (TableName t : tables) {
      boolean behind = finishedVersionIfBehind(spark, warehouse, committed, t) != null;
      out.put(t, behind ? read(spark, warehouse, t, committed.get()) : warehouse.read(spark, t));
    }
    return out;
  }

  /**
   * The version of {@code t} the last finished run left, when a later run that did not finish wrote
   * a newer one (readers stay on the finished run's); null when readers read its latest.
   */
  private static Long finishedVersionIfBehind(
      SparkSession spark, Warehouse warehouse, Optional<RunRecord> committed, TableName t) {
    Long version = committed.map(r -> r.versionOf(t.qualified())).orElse(null);
    return version != null && !t.equals(Tables.RUNS) && version < warehouse.latestVersion(spark, t)
        ? version
        : null;
  }

  /**
   * Whether every one of {@code tables} stands at the version the last finished run left, by its
   * marker: then each is read as it is, without opening {@code ops.runs}.
   */
  private static boolean atFinishedRunVersions(
      SparkSession spark, Warehouse warehouse, List<TableName> tables) {
    Optional<FinishedRunMarker> marker = FinishedRunMarker.read(spark, warehouse);
    if (marker.isEmpty()) {
      return false;
    }
    for (TableName t : tables) {
      Long version = marker.get().versions().get(t.qualified());
      if (!t.equals(Tables.RUNS)
          && (version == null || version != warehouse.latestVersion(spark, t))) {
        return false;
      }
    }
    return true;
  }

  /** A table as run {@code run} left it (its version in the run record). */
  public static Dataset<Row> read(
      SparkSession spark, Warehouse warehouse, TableName table, RunRecord run) {
    Long version = run.versionOf(table.qualified());
    if (version == null) {
      throw new UserFacingException(
          Code.WAREHOUSE,
          "Run "
              + run.runId()
              + " ended before "
              + table
              + " existed: compare runs that decided a year (`run`, or `decide` and `stats`).");
    }
    warehouse.requireSound(spark, table, version);
    try {
      Dataset<Row> rows =
          spark.read().format("delta").option("versionAsOf", version).load(warehouse.pathOf(table));
      rows.schema();
      return rows;
    } catch (RuntimeException e) {
      throw unreadable(e, table, version, run.runId());
    }
  }

  private static void registerAt(
      SparkSession spark, Warehouse warehouse, TableName t, long version, String runId) {
    warehouse.requireSound(spark, t, version);
    spark.sql(
        "CREATE DATABASE IF NOT EXISTS "
            + t.layer()
            + " LOCATION '"
            + escape(warehouse.root() + "/" + t.layer())
            + "'");
    SessionCatalog catalog = spark.sessionState().catalog();
    TableIdentifier name = new TableIdentifier(t.table(), scala.Option.apply(t.layer()));
    try {
      if (catalog.tableExists(name)) {
        boolean view = catalog.getTableMetadata(name).tableType() == CatalogTableType.VIEW();
        // An external table's catalog entry only: its data stay where they are.
        spark.sql((view ? "DROP VIEW " : "DROP TABLE ") + t.qualified());
      }
      spark.sql(
          "CREATE VIEW "
              + t.qualified()
              + " AS SELECT * FROM delta.`"
              + warehouse.pathOf(t).replace("`", "``")
              + "` VERSION AS OF "
              + version);
    } catch (RuntimeException e) {
      throw unreadable(e, t, version, runId);
    } catch (Exception e) {
      // Declared by Scala without `throws` (NoSuchTableException, NoSuchDatabaseException).
      throw new IllegalStateException(e);
    }
  }

  private static RuntimeException unreadable(
      RuntimeException e, TableName t, long version, String runId) {
    String text = e.getClass().getName() + " " + e.getMessage();
    if (text.contains("VersionNotFound") || text.contains("time travel")) {
      return new UserFacingException(
          Code.WAREHOUSE,
          "Version "
              + version
              + " of "
              + t
              + ", which run "
              + runId
              + " left, is no longer readable: its history was removed (a retention shorter than"
              + " the audit horizon, or files deleted outside daijiao). Restore the warehouse from a"
              + " backup to read it.",
          e);
    }
    return e;
  }

  private static String escape(String path) {
    return path.replace("\\", "\\\\").replace("'", "\\'");
  }
}
