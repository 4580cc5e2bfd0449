package org.daijiao.resolve;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.daijiao.repair.RepairColumns;
import org.daijiao.spark.Kept;
import org.daijiao.spark.Tables;
import org.daijiao.spark.Warehouse;

/**
 * What the decisions are made from: the silver tables and the roster rows without a usable ID
 * ({@code quality.id_repair_candidates}). Within a run, the resolve job hands them on in memory
 * (the rows it has just written, kept); a stage run alone reads them from the warehouse.
 */
public record Silver(
    Dataset<Row> persons,
    Dataset<Row> categoryPeriods,
    Dataset<Row> exclusionPeriods,
    Dataset<Row> enrollments,
    Dataset<Row> payments,
    Dataset<Row> repairCandidates,
    List<Dataset<Row>> kept) {

  /** The silver tables as the warehouse holds them now. */
  public static Silver fromWarehouse(SparkSession spark, Warehouse warehouse) {
    return new Silver(
        warehouse.read(spark, Tables.PERSONS),
        warehouse.read(spark, Tables.CATEGORY_PERIODS),
        warehouse.read(spark, Tables.EXCLUSION_PERIODS),
        warehouse.read(spark, Tables.ENROLLMENTS),
        warehouse.read(spark, Tables.PAYMENTS),
        repairCandidates(spark, warehouse),
        List.of());
  }

  /**
   * The roster rows without a usable ID of the latest resolve run; none for a warehouse resolved
   * before the repair candidates existed (its next resolve writes them).
   */
  public static Dataset<Row> repairCandidates(SparkSession spark, Warehouse warehouse) {
    if (!warehouse.exists(spark, Tables.ID_REPAIR_CANDIDATES)) {
      return spark.createDataFrame(List.of(), RepairColumns.ID_REPAIR_CANDIDATES.schema());
    }
    return warehouse.read(spark, Tables.ID_REPAIR_CANDIDATES);
  }

  /** Releases the rows kept in memory. */
  public void release() {
    kept.forEach(Kept::release);
  }
}
