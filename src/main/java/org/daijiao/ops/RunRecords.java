package org.daijiao.ops;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.SparkSession;
import org.daijiao.spark.TableName;
import org.daijiao.spark.TableWriter;
import org.daijiao.spark.Tables;
import org.daijiao.spark.Warehouse;

/**
 * The rows a recorded run writes to {@code ops.runs}: its own when it ends, and that of a run it
 * found killed (from the lock file that run left). Each append is one Delta commit.
 */
final class RunRecords {
  private RunRecords() {}

  /** Appends run records to {@code ops.runs}: one commit. */
  static void append(SparkSession spark, Warehouse warehouse, List<RunRecord> rows) {
    new TableWriter(spark, warehouse)
        .append(
            RunColumns.RUNS,
            spark.createDataFrame(
                rows.stream().map(RunRecord::toRow).toList(), RunColumns.RUNS.schema()));
  }

  /** Every table's latest Delta version ({@code layer.table} → version), ops.runs aside. */
  static Map<String, Long> versions(SparkSession spark, Warehouse warehouse) {
    Map<String, Long> out = new TreeMap<>();
    for (TableName t : warehouse.tables(spark)) {
      if (!t.equals(Tables.RUNS)) {
        out.put(t.qualified(), warehouse.latestVersion(spark, t));
      }
    }
    return out;
  }

  /**
   * The record of a run that ends now.
   *
   * @param holder the run's lock text: its names, policy, input folder and versions at the start
   * @param policy the policy it applied, or null
   */
  static RunRecord finished(
      LockHolder holder,
      RunPolicy policy,
      RunFacts facts,
      Map<String, Long> end,
      Instant startedAt,
      RunRecord.Outcome outcome,
      Throwable error) {
    return new RunRecord(
        holder.runId(),
        holder.command(),
        holder.arguments(),
        WarehouseFormat.DAIJIAO_VERSION,
        WarehouseFormat.CURRENT,
        holder.policyFile(),
        holder.policySha256(),
        policy == null ? null : policy.year(),
        policy == null ? null : policy.asOf(),
        holder.inputDir(),
        facts.inputFiles(),
        facts.sourceList(),
        written(holder.versionsAtStart(), end),
        end,
        startedAt,
        Instant.now(),
        outcome,
        error == null ? null : error.getClass().getName());
  }

  /** The record of a run that was killed, as its lock file left it. */
  static RunRecord left(LockHolder killed, Map<String, Long> now) {
    Instant started;
    try {
      started = Instant.parse(killed.startedAt());
    } catch (DateTimeException e) {
      started = Instant.EPOCH;
    }
    return new RunRecord(
        killed.runId(),
        killed.command(),
        killed.arguments() == null ? List.of() : killed.arguments(),
        WarehouseFormat.DAIJIAO_VERSION,
        WarehouseFormat.CURRENT,
        killed.policyFile(),
        killed.policySha256(),
        killed.policyYear(),
        killed.asOf() == null ? null : LocalDate.parse(killed.asOf()),
        killed.inputDir(),
        killed.inputFiles(),
        null,
        killed.versionsAtStart() == null || killed.versionsAtStart().isEmpty()
            ? Map.of()
            : written(killed.versionsAtStart(), now),
        now,
        started,
        null,
        LeftRun.outcome(killed),
        killed.failedWith());
  }

  /** The tables whose version moved from {@code start} to {@code end}, at their end version. */
  private static Map<String, Long> written(Map<String, Long> start, Map<String, Long> end) {
    Map<String, Long> out = new TreeMap<>();
    end.forEach(
        (t, v) -> {
          if (start == null || !v.equals(start.get(t))) {
            out.put(t, v);
          }
        });
    return out;
  }
}
