package org.daijiao.spark;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The one place that writes Delta tables. Every write is atomic per table (one Delta commit) and
 * idempotent: running the same inputs again gives the same rows, so a crashed run is simply run
 * again.
 */
public final class TableWriter {
  private final SparkSession spark;
  private final Warehouse warehouse;

  public TableWriter(SparkSession spark, Warehouse warehouse) {
    this.spark = spark;
    this.warehouse = warehouse;
  }

  /**
   * Replaces the whole table with {@code rows}: used for snapshots (bronze, quality, silver), where
   * each run reads the departments' full current exports. Earlier snapshots stay readable through
   * Delta time travel.
   *
   * @return the table's Delta version after the write
   * @throws IllegalStateException when the rows do not have the contract's columns and types
   */
  public long replace(TableContract contract, Dataset<Row> rows) {
    TableName table = conforming(contract, rows);
    rows.write()
        .format("delta")
        .mode("overwrite")
        .option("overwriteSchema", "true")
        .save(warehouse.pathOf(table));
    return committed(table);
  }

  /**
   * Replaces only one policy year's rows ({@code policy_year = year}); other years stay as they
   * are. Every row of {@code rows} must belong to that year: Delta's replaceWhere constraint check
   * refuses the commit otherwise.
   *
   * @throws IllegalStateException when the rows do not have the contract's columns and types
   */
  public long replaceYear(TableContract contract, Dataset<Row> rows, int year) {
    TableName table = conforming(contract, rows);
    if (!warehouse.exists(spark, table)) {
      rows.write().format("delta").mode("overwrite").save(warehouse.pathOf(table));
    } else {
      rows.write()
          .format("delta")
          .mode("overwrite")
          .option("replaceWhere", Tables.POLICY_YEAR + " = " + year)
          .save(warehouse.pathOf(table));
    }
    return committed(table);
  }

  /**
   * Appends {@code rows} to the table (created by the first append): for records that accumulate,
   * such as {@code ops.runs}. One Delta commit.
   *
   * @return the table's Delta version after the write
   * @throws IllegalStateException when the rows do not have the contract's columns and types
   */
  public long append(TableContract contract, Dataset<Row> rows) {
    TableName table = conforming(contract, rows);
    rows.write().format("delta").mode("append").save(warehouse.pathOf(table));
    return committed(table);
  }

  /** The version just committed; a crash point of the crash check ({@link KillSwitch}). */
  private long committed(TableName table) {
    long version = warehouse.latestVersion(spark, table);
    KillSwitch.reached("committed " + table);
    return version;
  }

  /** The contract's table, once the rows are known to fit it (a schema check, not a Spark job). */
  private static TableName conforming(TableContract contract, Dataset<Row> rows) {
    List<String> differences = contract.differences(rows.schema());
    if (!differences.isEmpty()) {
      throw new IllegalStateException(
          "rows for "
              + contract.table()
              + " do not match its contract: "
              + String.join("; ", differences));
    }
    return contract.table();
  }
}
