package org.daijiao.ops;

import static org.apache.spark.sql.functions.array_contains;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count_if;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.daijiao.ops.DiffColumns.Change;
import org.daijiao.spark.ColumnNames;
import org.daijiao.spark.TableName;
import org.daijiao.spark.Tables;
import org.daijiao.spark.Warehouse;

/**
 * Two recorded runs of a policy year compared ({@code daijiao diff}): the stages of {@link RunDiff}
 * on the gold tables each run left ({@link RunTables#read}), of the year each run decided. The
 * ledger changes are kept (memory, else disk) until {@link #close}: the summary, the printed table
 * and the CSV files all read them.
 */
public final class RunComparison implements AutoCloseable {
  private final Dataset<Row> changes;
  private final Dataset<Row> coverage;

  /** How many persons entered, left or changed, and how many of those changed what. */
  public record Counts(
      long entered,
      long left,
      long changed,
      long category,
      long status,
      long subsidy,
      long batch) {}

  private RunComparison(Dataset<Row> changes, Dataset<Row> coverage) {
    this.changes = changes;
    this.coverage = coverage;
  }

  /**
   * The comparison of run {@code from} with the later run {@code to}; both decided a policy year
   * ({@link RunRecord#policyYear} not null). Lazy but for the kept changes.
   */
  public static RunComparison of(
      SparkSession spark, Warehouse warehouse, RunRecord from, RunRecord to) {
    Dataset<Row> changes =
        RunDiff.ledgerChanges(
                ofYear(spark, warehouse, Tables.SUBSIDY_LEDGER, from),
                ofYear(spark, warehouse, Tables.SUBSIDY_LEDGER, to),
                ofYear(spark, warehouse, Tables.ELIGIBILITY, to))
            .persist(StorageLevel.MEMORY_AND_DISK());
    Dataset<Row> coverage =
        RunDiff.townshipCoverage(
                ofYear(spark, warehouse, Tables.COVERAGE_STATS, from),
                ofYear(spark, warehouse, Tables.COVERAGE_STATS, to),
                changes)
            .orderBy(col(ColumnNames.LEVEL), col(ColumnNames.TOWNSHIP).asc_nulls_first());
    return new RunComparison(changes, coverage);
  }

  /** The ledger changes ({@link DiffColumns#LEDGER_CHANGES}), full IDs and names. */
  public Dataset<Row> changes() {
    return changes;
  }

  /** The ledger changes by township and ID: the data team's CSV. */
  public Dataset<Row> changesByTownship() {
    return changes.orderBy(col(ColumnNames.TOWNSHIP), col(ColumnNames.ID_NUMBER));
  }

  /** The ledger changes as printed ({@link RunDiff#printable}): IDs masked, no names. */
  public Dataset<Row> printableChanges() {
    return RunDiff.printable(changes);
  }

  /** The coverage of the county, then each township ({@link DiffColumns#TOWNSHIP_COVERAGE}). */
  public Dataset<Row> coverage() {
    return coverage;
  }

  /** The counts of the summary line: one Spark job on the kept changes. */
  public Counts counts() {
    Column kind = col(DiffColumns.CHANGE);
    Column what = col(DiffColumns.CHANGED);
    Row n =
        changes
            .agg(
                count_if(kind.equalTo(Change.ENTERED.name())).as(DiffColumns.ENTERED),
                count_if(kind.equalTo(Change.LEFT.name())).as(DiffColumns.LEFT),
                count_if(kind.equalTo(Change.CHANGED.name())).as(DiffColumns.CHANGED),
                count_if(array_contains(what, ColumnNames.CATEGORY)).as(ColumnNames.CATEGORY),
                count_if(array_contains(what, ColumnNames.STATUS)).as(ColumnNames.STATUS),
                count_if(array_contains(what, ColumnNames.SUBSIDY_AMOUNT))
                    .as(ColumnNames.SUBSIDY_AMOUNT),
                count_if(array_contains(what, ColumnNames.BATCH)).as(ColumnNames.BATCH))
            .first();
    return new Counts(
        n.getAs(DiffColumns.ENTERED),
        n.getAs(DiffColumns.LEFT),
        n.getAs(DiffColumns.CHANGED),
        n.getAs(ColumnNames.CATEGORY),
        n.getAs(ColumnNames.STATUS),
        n.getAs(ColumnNames.SUBSIDY_AMOUNT),
        n.getAs(ColumnNames.BATCH));
  }

  /** Lets the kept changes go. */
  @Override
  public void close() {
    changes.unpersist();
  }

  /** A gold table as the run left it, the rows of the year the run decided. */
  private static Dataset<Row> ofYear(
      SparkSession spark, Warehouse warehouse, TableName table, RunRecord run) {
    return RunTables.read(spark, warehouse, table, run)
        .filter(col(ColumnNames.POLICY_YEAR).equalTo(run.policyYear()));
  }
}
