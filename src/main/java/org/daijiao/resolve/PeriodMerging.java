package org.daijiao.resolve;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.date_add;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.max_by;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.daijiao.spark.ColumnNames;

/**
 * Merges a person's periods of the same kind (one category, or one exclusion reason) that overlap,
 * repeat or touch (one ends the day before the next starts) into one period. An empty end date
 * means ongoing.
 */
public final class PeriodMerging {
  /** Stands for an open end while merging; never written. */
  private static final LocalDate OPEN_END = LocalDate.of(9999, 12, 31);

  // Working columns, dropped before the result.
  private static final String END = "_end";
  private static final String REACH_BEFORE = "_reach_before";
  private static final String STARTS_PERIOD = "_starts_period";
  private static final String PERIOD = "_period";

  private PeriodMerging() {}

  /**
   * {@code silver.category_periods}: a person's roster records of one category and source merged,
   * each period with the place, file and line of its latest record existing at as_of.
   *
   * @param roster accepted rows of the three roster sources (clean roster schema + lineage)
   */
  public static Dataset<Row> categoryPeriods(Dataset<Row> roster, LocalDate asOf) {
    return SilverColumns.CATEGORY_PERIODS.select(
        mergePeriods(
            roster,
            List.of(
                ColumnNames.ID_NUMBER,
                ColumnNames.CATEGORY,
                ColumnNames.TARGET,
                ColumnNames.SOURCE),
            List.of(
                ColumnNames.TOWNSHIP,
                ColumnNames.VILLAGE,
                ColumnNames.SOURCE_FILE,
                ColumnNames.LINE),
            asOf));
  }

  /** {@code silver.exclusion_periods}: a person's §1 exclusion records of one reason, merged. */
  public static Dataset<Row> exclusionPeriods(Dataset<Row> exclusions, LocalDate asOf) {
    return SilverColumns.EXCLUSION_PERIODS.select(
        mergePeriods(
            exclusions, List.of(ColumnNames.ID_NUMBER, ColumnNames.REASON), List.of(), asOf));
  }

  /**
   * @param periods rows with {@code start_date}, {@code end_date}, {@code source_file}, {@code
   *     line} and the key columns
   * @param keys the columns that identify one kind of period of one person
   * @param latest columns whose value is taken from the latest-starting record of each merged
   *     period that starts on or before {@code latestUpTo} (ties: the last in file and line order)
   * @param latestUpTo as_of: a record that starts later does not exist for the run
   *     (docs/rules.md#location), so it lends no value to the latest columns, though it may extend
   *     the period past as_of
   * @return one row per merged period: the keys, {@code start_date}, {@code end_date}, the latest
   *     columns with {@code latest_record_start} (the start of the record they come from; null when
   *     every record starts after {@code latestUpTo}) when there are latest columns, and {@code
   *     records} (how many input rows it merges)
   */
  public static Dataset<Row> mergePeriods(
      Dataset<Row> periods, List<String> keys, List<String> latest, LocalDate latestUpTo) {
    Column[] keyCols = keys.stream().map(c -> col(c)).toArray(Column[]::new);
    WindowSpec byStart =
        Window.partitionBy(keyCols)
            .orderBy(
                col(ColumnNames.START_DATE),
                col(END),
                col(ColumnNames.SOURCE_FILE),
                col(ColumnNames.LINE));
    Dataset<Row> marked =
        periods
            .withColumn(END, coalesce(col(ColumnNames.END_DATE), lit(OPEN_END)))
            .withColumn(
                REACH_BEFORE,
                max(col(END)).over(byStart.rowsBetween(Window.unboundedPreceding(), -1)))
            // A new period starts when this one begins after everything before it has ended (plus
            // one day).
            .withColumn(
                STARTS_PERIOD,
                when(
                        col(REACH_BEFORE)
                            .isNull()
                            .or(col(ColumnNames.START_DATE).gt(date_add(col(REACH_BEFORE), 1))),
                        1)
                    .otherwise(0))
            .withColumn(
                PERIOD,
                sum(col(STARTS_PERIOD)).over(byStart.rowsBetween(Window.unboundedPreceding(), 0)));
    List<Column> groupBy = new ArrayList<>(List.of(keyCols));
    groupBy.add(col(PERIOD));
    // max_by skips rows whose ordering is null: records that start after as_of.
    Column existing = col(ColumnNames.START_DATE).leq(lit(latestUpTo));
    Column recency =
        when(
            existing,
            struct(
                col(ColumnNames.START_DATE), col(ColumnNames.SOURCE_FILE), col(ColumnNames.LINE)));
    List<Column> aggregates = new ArrayList<>();
    aggregates.add(max(col(END)).as(END));
    for (String c : latest) {
      aggregates.add(max_by(col(c), recency).as(c));
    }
    if (!latest.isEmpty()) {
      aggregates.add(
          max(when(existing, col(ColumnNames.START_DATE))).as(SilverColumns.LATEST_RECORD_START));
    }
    aggregates.add(count(lit(1)).cast("int").as(SilverColumns.RECORDS));
    Dataset<Row> merged =
        marked
            .groupBy(groupBy.toArray(new Column[0]))
            .agg(
                min(col(ColumnNames.START_DATE)).as(ColumnNames.START_DATE),
                aggregates.toArray(new Column[0]));
    List<Column> out = new ArrayList<>(List.of(keyCols));
    out.add(col(ColumnNames.START_DATE));
    out.add(
        when(col(END).equalTo(lit(OPEN_END)), lit(null).cast("date"))
            .otherwise(col(END))
            .as(ColumnNames.END_DATE));
    for (String c : latest) {
      out.add(col(c));
    }
    if (!latest.isEmpty()) {
      out.add(col(SilverColumns.LATEST_RECORD_START));
    }
    out.add(col(SilverColumns.RECORDS));
    return merged.select(out.toArray(new Column[0]));
  }
}
