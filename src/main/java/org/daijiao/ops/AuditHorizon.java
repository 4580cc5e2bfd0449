package org.daijiao.ops;

import org.apache.spark.sql.SparkSession;
import org.daijiao.policy.PolicyLoader;
import org.daijiao.spark.Progress;
import org.daijiao.spark.TableName;
import org.daijiao.spark.Warehouse;

/**
 * The audit horizon a recorded run keeps on every table ({@link Retention}): the warehouse's,
 * raised by the policy the run applies. Never lowered.
 */
final class AuditHorizon {
  private AuditHorizon() {}

  /**
   * The horizon at the start of a run: the warehouse's marker's, or the bundled policy's for a
   * warehouse that has none yet; applied as {@link #raise} does.
   */
  static int atStart(SparkSession spark, Warehouse warehouse, Progress progress) {
    WarehouseFormat marker = WarehouseFormat.read(spark, warehouse);
    return raise(
        spark,
        warehouse,
        progress,
        0,
        marker != null && marker.auditHorizonYears() > 0
            ? marker.auditHorizonYears()
            : PolicyLoader.bundled().auditHorizonYears());
  }

  /**
   * Keeps at least {@code years} (and at least {@code current}) of history on every table: tables
   * created from now on through the session's defaults; existing tables, once, when the warehouse's
   * marker had a shorter horizon or none (then the marker is raised, after the tables, so that a
   * crash in between repeats it).
   *
   * @return the horizon now kept, in years
   */
  static int raise(
      SparkSession spark, Warehouse warehouse, Progress progress, int current, int years) {
    int target = Math.max(years, current);
    WarehouseFormat marker = WarehouseFormat.read(spark, warehouse);
    boolean upToDate =
        marker != null
            && marker.format() == WarehouseFormat.CURRENT
            && marker.auditHorizonYears() >= target;
    if (!upToDate) {
      int altered = 0;
      for (TableName t : warehouse.tables(spark)) {
        if (Retention.ensure(spark, warehouse, t, target)) {
          altered++;
        }
      }
      if (altered > 0) {
        progress.step(
            RecordedRun.STEP,
            altered
                + " tables now keep their history "
                + target
                + " years (the audit horizon; Delta's defaults: 30 days of log, 7 days of files)");
      }
    }
    int kept = WarehouseFormat.stamp(spark, warehouse, target);
    Retention.setSessionDefaults(spark, kept);
    return kept;
  }
}
