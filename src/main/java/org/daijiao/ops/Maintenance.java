package org.daijiao.ops;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.daijiao.UserFacingException;
import org.daijiao.UserFacingException.Code;
import org.daijiao.spark.Progress;
import org.daijiao.spark.TableName;
import org.daijiao.spark.Tables;
import org.daijiao.spark.Warehouse;

/**
 * Table maintenance ({@code daijiao maintain}): OPTIMIZE compacts each table's small files, VACUUM
 * deletes data files that left the table longer ago than the retention — never less than the audit
 * horizon of the policy file, so that every run of the horizon can still be read with {@code sql
 * --run}. Delta's own safety check (VACUUM never below the table's {@code
 * deletedFileRetentionDuration}) stays on.
 */
public final class Maintenance {
  private static final String METRICS = "metrics";
  private static final String FILES_REMOVED = "numFilesRemoved";
  private static final String FILES_ADDED = "numFilesAdded";
  private static final String LISTING_PARALLELISM =
      "spark.sql.sources.parallelPartitionDiscovery.parallelism";

  /** What maintenance did to one table. */
  public record TableResult(
      TableName table,
      boolean retentionRaised,
      long filesCompacted,
      long filesWritten,
      long filesVacuumed) {}

  private Maintenance() {}

  /**
   * Refuses a retention shorter than the audit horizon: deleting history an auditor may still ask
   * for is not a maintenance decision.
   */
  public static void requireRetention(int retainYears, int horizonYears, String horizonSource) {
    if (retainYears < horizonYears) {
      throw new UserFacingException(
          Code.WAREHOUSE,
          "--retain-years "
              + retainYears
              + " is shorter than the audit horizon of "
              + horizonYears
              + " years ("
              + horizonSource
              + "): maintain keeps at least the horizon, so that every run of those years can be"
              + " read again (sql --run, diff). Change audit_horizon_years in the policy file if"
              + " the county decided a shorter one.");
    }
  }

  /** Maintains every table of the warehouse, keeping {@code retainYears} of history. */
  public static List<TableResult> run(
      SparkSession spark, Warehouse warehouse, int retainYears, Progress progress) {
    requireFinishedTables(spark, warehouse);
    // VACUUM lists a table's files in as many Spark tasks as this setting (default 10,000): on one
    // machine that is a minute or more of empty tasks per table, for a county's few hundred files.
    String listing = spark.conf().get(LISTING_PARALLELISM, null);
    spark.conf().set(LISTING_PARALLELISM, spark.sparkContext().defaultParallelism());
    try {
      return maintain(spark, warehouse, retainYears, progress);
    } finally {
      if (listing == null) {
        spark.conf().unset(LISTING_PARALLELISM);
      } else {
        spark.conf().set(LISTING_PARALLELISM, listing);
      }
    }
  }

  /**
   * Refuses a warehouse whose latest versions hold a run that did not finish: maintain is recorded
   * as a finished run, so readers would take that run's half-written tables for a finished state
   * (docs/operations.md#maintain).
   */
  private static void requireFinishedTables(SparkSession spark, Warehouse warehouse) {
    if (!warehouse.exists(spark, Tables.RUNS)) {
      return;
    }
    RunHistory history = RunHistory.read(spark, warehouse);
    List<TableName> changed = RunTables.changedSinceLastFinishedRun(spark, warehouse, history);
    if (!changed.isEmpty()) {
      String run =
          history
              .unfinishedChanges()
              .map(r -> "Run " + r.runId() + " (" + r.command() + ", " + r.outcome() + ")")
              .orElse("A run that did not finish");
      throw new UserFacingException(
          Code.WAREHOUSE,
          run
              + " changed "
              + changed.size()
              + (changed.size() == 1 ? " table" : " tables")
              + " after the last finished run ("
              + changed.get(0)
              + (changed.size() > 1 ? ", …" : "")
              + "). Run the pipeline again (bin/daijiao run), then maintain: maintain is recorded"
              + " as a finished run and would make readers take those tables for finished ones."
              + " Nothing was changed.");
    }
  }

  private static List<TableResult> maintain(
      SparkSession spark, Warehouse warehouse, int retainYears, Progress progress) {
    List<TableResult> results = new ArrayList<>();
    for (TableName t : warehouse.tables(spark)) {
      boolean raised = Retention.ensure(spark, warehouse, t, retainYears);
      String path = warehouse.pathOf(t).replace("`", "``");
      Row optimized =
          spark.sql("OPTIMIZE delta.`" + path + "`").select(METRICS).first().getStruct(0);
      long removed = optimized.getLong(optimized.fieldIndex(FILES_REMOVED));
      long added = optimized.getLong(optimized.fieldIndex(FILES_ADDED));
      // VACUUM below the table's own retention is refused by Delta; a longer one set by hand wins.
      Map<String, String> properties = Retention.properties(spark, warehouse, t);
      Duration retention =
          max(
              Duration.ofDays(Retention.days(retainYears)),
              Retention.duration(properties.get(Retention.DELETED_FILE_RETENTION), Duration.ZERO));
      String vacuum = "VACUUM delta.`" + path + "` RETAIN " + retention.toHours() + " HOURS";
      // A dry run first: VACUUM itself logs two commits in the table's history even when it
      // deletes nothing, which for years to come is every time.
      long stale = spark.sql(vacuum + " DRY RUN").count();
      if (stale > 0) {
        spark.sql(vacuum).count();
      }
      results.add(new TableResult(t, raised, removed, added, stale));
      progress.step(
          "maintain",
          String.format(
              "%-32s %s%d files compacted into %d, %d files older than %d days deleted",
              t, raised ? "retention raised; " : "", removed, added, stale, retention.toDays()));
    }
    return results;
  }

  private static Duration max(Duration a, Duration b) {
    return a.compareTo(b) >= 0 ? a : b;
  }
}
