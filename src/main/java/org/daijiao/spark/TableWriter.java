package org.daijiao.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.connector.catalog.TableCatalog;
import org.apache.spark.sql.delta.DeltaLog;
import org.apache.spark.sql.delta.actions.Metadata;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import scala.Option;

/**
 * The one place that writes Delta tables. Every write is atomic per table (one Delta commit) and
 * idempotent: running the same inputs again gives the same rows, so a crashed run is simply run
 * again. Every write also carries the contract's comments (the table's and each column's Chinese
 * term and English meaning, shown by {@code DESCRIBE}): a new table is created with them in its one
 * commit; an existing table gets one more commit only when its contract's texts changed.
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
    Dataset<Row> commented = contract.withComments(rows);
    if (!warehouse.exists(spark, table)) {
      writeNew(contract, commented);
    } else {
      commented
          .write()
          .format("delta")
          .mode("overwrite")
          .option("overwriteSchema", "true")
          .save(warehouse.pathOf(table));
      keepCommentsCurrent(contract);
    }
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
    return replaceWhere(contract, rows, ColumnNames.POLICY_YEAR + " = " + year);
  }

  /**
   * Replaces only the rows of one policy year and as_of ({@code policy_year = year AND as_of =
   * asOf}): the history tables keep every as_of of a year (docs/rules.md#month-by-month). Every row
   * of {@code rows} must belong to that year and as_of.
   *
   * @throws IllegalStateException when the rows do not have the contract's columns and types
   */
  public long replaceAsOf(TableContract contract, Dataset<Row> rows, int year, LocalDate asOf) {
    return replaceWhere(
        contract,
        rows,
        ColumnNames.POLICY_YEAR
            + " = "
            + year
            + " AND "
            + ColumnNames.AS_OF
            + " = DATE'"
            + asOf
            + "'");
  }

  /** The rows matching {@code predicate} replaced by {@code rows}; the table created if new. */
  private long replaceWhere(TableContract contract, Dataset<Row> rows, String predicate) {
    TableName table = conforming(contract, rows);
    Dataset<Row> commented = contract.withComments(rows);
    if (!warehouse.exists(spark, table)) {
      writeNew(contract, commented);
    } else {
      commented
          .write()
          .format("delta")
          .mode("overwrite")
          .option("replaceWhere", predicate)
          .save(warehouse.pathOf(table));
      keepCommentsCurrent(contract);
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
    Dataset<Row> commented = contract.withComments(rows);
    if (!warehouse.exists(spark, table)) {
      writeNew(contract, commented);
    } else {
      commented.write().format("delta").mode("append").save(warehouse.pathOf(table));
    }
    return committed(table);
  }

  /** The version just committed; a crash point of the crash check ({@link KillSwitch}). */
  private long committed(TableName table) {
    long version = warehouse.latestVersion(spark, table);
    KillSwitch.reached("committed " + table);
    return version;
  }

  /**
   * A new table in one commit (CREATE TABLE AS SELECT) that carries the table's comment, and the
   * columns' comments from the rows' field metadata: no separate commit for the comments. Where a
   * first write crashed and left data files but no log, Delta refuses to create a table; an
   * overwrite takes the place as before, and the table's comment follows in a second commit.
   */
  private void writeNew(TableContract contract, Dataset<Row> commented) {
    if (holdsFiles(contract.table())) {
      commented.write().format("delta").mode("overwrite").save(warehouse.pathOf(contract.table()));
      keepCommentsCurrent(contract);
      return;
    }
    try {
      commented
          .writeTo(pathIdentifier(contract.table()))
          .using("delta")
          .tableProperty(TableCatalog.PROP_COMMENT, contract.comment())
          .create();
    } catch (Exception e) {
      // Declared by Scala without `throws`: the table appeared since exists() looked.
      throw e instanceof RuntimeException r ? r : new IllegalStateException(e);
    }
  }

  /**
   * After a write to an existing table: the table's comment and its columns' comments as the
   * contract says them now. The overwrite of a snapshot table stores the columns' comments itself;
   * a year's replaceWhere keeps the table's. A table written before the contracts had comments, or
   * whose contract's texts were edited since, gets one metadata commit for each kind that differs
   * (measured: about 0.3 s each, once); otherwise nothing is written. Compared on Delta's snapshot
   * of the table that the write just left in memory (about 1 ms; DESCRIBE DETAIL, the public way,
   * took 0.1–4 s a table).
   */
  private void keepCommentsCurrent(TableContract contract) {
    String path = warehouse.pathOf(contract.table());
    Metadata metadata = DeltaLog.forTable(spark, path).unsafeVolatileSnapshot().metadata();
    if (!contract.comment().equals(metadata.description())) {
      spark.sql(
          "ALTER TABLE "
              + pathIdentifier(contract.table())
              + " SET TBLPROPERTIES ('"
              + TableCatalog.PROP_COMMENT
              + "' = '"
              + contract.comment().replace("\\", "\\\\").replace("'", "\\'")
              + "')");
    }
    StructType schema = metadata.schema();
    List<String> columns = new ArrayList<>();
    boolean changed = false;
    for (StructField field : schema.fields()) {
      String comment = contract.column(field.name()).comment();
      changed |= !field.getComment().equals(Option.apply(comment));
      columns.add(field.withComment(comment).toDDL());
    }
    if (changed) {
      // Same columns and types, new comments: one commit for all of them.
      spark.sql(
          "ALTER TABLE "
              + pathIdentifier(contract.table())
              + " REPLACE COLUMNS ("
              + String.join(", ", columns)
              + ")");
    }
  }

  private boolean holdsFiles(TableName table) {
    try {
      Path path = new Path(warehouse.pathOf(table));
      FileSystem fs = SparkSessions.fileSystem(spark, path);
      return fs.exists(path) && fs.listStatus(path).length > 0;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code delta.`<path>`}: the table by its location, as SQL and the catalog API name it. */
  private String pathIdentifier(TableName table) {
    return "delta.`" + warehouse.pathOf(table).replace("`", "``") + "`";
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
