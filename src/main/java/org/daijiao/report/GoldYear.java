package org.daijiao.report;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.max;

import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.daijiao.UserFacingException;
import org.daijiao.UserFacingException.Code;
import org.daijiao.spark.ColumnNames;
import org.daijiao.spark.Tables;
import org.daijiao.spark.Warehouse;

/**
 * Whether a warehouse holds the gold tables of a policy year, and their as_of: what the report
 * commands check before they read anything else. The statistics are the last tables a run writes,
 * so a year is there when {@code gold.coverage_stats} has it.
 */
public final class GoldYear {
  private GoldYear() {}

  /**
   * The as_of of the year's statistics.
   *
   * @throws UserFacingException naming the year and the command to run first when the folder is not
   *     a warehouse or has no gold tables for the year
   */
  public static LocalDate asOf(SparkSession spark, Warehouse warehouse, int year) {
    String runFirst = "`bin/daijiao run --warehouse " + warehouse.root() + " --year " + year + "`";
    if (!warehouse.exists(spark, Tables.COVERAGE_STATS)) {
      boolean anyGold = warehouse.tables(spark).stream().anyMatch(t -> t.layer().equals("gold"));
      throw new UserFacingException(
          Code.MISSING_TABLE,
          anyGold
              ? "Warehouse "
                  + warehouse.root()
                  + " has no "
                  + Tables.COVERAGE_STATS
                  + " yet, so no figures for "
                  + year
                  + ": run "
                  + runFirst
                  + " (or `bin/daijiao stats`) first."
              : warehouse.root()
                  + " is not a daijiao warehouse (it has no gold tables), so there is nothing for "
                  + year
                  + ": run "
                  + runFirst
                  + " first, or pass the warehouse with --warehouse DIR.");
    }
    Map<Integer, LocalDate> years = new TreeMap<>();
    for (Row r :
        warehouse
            .read(spark, Tables.COVERAGE_STATS)
            .groupBy(col(ColumnNames.POLICY_YEAR))
            .agg(max(col(ColumnNames.AS_OF)).as(ColumnNames.AS_OF))
            .collectAsList()) {
      years.put(r.<Integer>getAs(ColumnNames.POLICY_YEAR), r.getAs(ColumnNames.AS_OF));
    }
    LocalDate asOf = years.get(year);
    if (asOf == null) {
      throw new UserFacingException(
          Code.MISSING_TABLE,
          "Warehouse "
              + warehouse.root()
              + " has no gold tables for "
              + year
              + (years.isEmpty() ? "" : " (it has " + years.keySet() + ")")
              + ": run "
              + runFirst
              + " first.");
    }
    return asOf;
  }
}
