package org.daijiao.spark;

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
   */
  public long replace(TableName table, Dataset<Row> rows) {
    rows.write()
        .format("delta")
        .mode("overwrite")
        .option("overwriteSchema", "true")
        .save(warehouse.pathOf(table));
    warehouse.register(spark, table);
    return version(table);
  }

  /**
   * Replaces only one policy year's rows ({@code policy_year = year}); other years stay as they
   * are. Every row of {@code rows} must belong to that year: Delta's replaceWhere constraint check
   * refuses the commit otherwise.
   */
  public long replaceYear(TableName table, Dataset<Row> rows, int year) {
    if (!warehouse.exists(spark, table)) {
      rows.write().format("delta").mode("overwrite").save(warehouse.pathOf(table));
    } else {
      rows.write()
          .format("delta")
          .mode("overwrite")
          .option("replaceWhere", "policy_year = " + year)
          .save(warehouse.pathOf(table));
    }
    warehouse.register(spark, table);
    return version(table);
  }

  private long version(TableName table) {
    Row last =
        spark
            .sql("DESCRIBE HISTORY delta.`" + warehouse.pathOf(table) + "` LIMIT 1")
            .select("version")
            .first();
    return last.getLong(0);
  }
}
