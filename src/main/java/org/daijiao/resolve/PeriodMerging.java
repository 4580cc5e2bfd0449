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

/**
 * Merges a person's periods of the same kind (one category, or one exclusion reason) that overlap,
 * repeat or touch (one ends the day before the next starts) into one period. An empty end date
 * means ongoing.
 */
public final class PeriodMerging {
  /** The start date of the record a merged period's latest columns come from. */
  public static final String LATEST_RECORD_START = "latest_record_start";

  /** Stands for an open end while merging; never written. */
  private static final LocalDate OPEN_END = LocalDate.of(9999, 12, 31);

  private PeriodMerging() {}

  /**
   * @param periods rows with {@code start_date}, {@code end_date}, {@code source_file}, {@code
   *     line} and the key columns
   * @param keys the columns that identify one kind of period of one person
   * @param latest columns whose value is taken from the latest-starting record of each merged
   *     period that starts on or before {@code latestUpTo} (ties: the last in file and line order)
   * @param latestUpTo as_of: a record that starts later does not exist for the run (SPEC §3), so it
   *     lends no value to the latest columns, though it may extend the period past as_of
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
            .orderBy(col("start_date"), col("_end"), col("source_file"), col("line"));
    Dataset<Row> marked =
        periods
            .withColumn("_end", coalesce(col("end_date"), lit(OPEN_END)))
            .withColumn(
                "_reach_before",
                max(col("_end")).over(byStart.rowsBetween(Window.unboundedPreceding(), -1)))
            // A new period starts when this one begins after everything before it has ended (plus
            // one day).
            .withColumn(
                "_starts_period",
                when(
                        col("_reach_before")
                            .isNull()
                            .or(col("start_date").gt(date_add(col("_reach_before"), 1))),
                        1)
                    .otherwise(0))
            .withColumn(
                "_period",
                sum(col("_starts_period"))
                    .over(byStart.rowsBetween(Window.unboundedPreceding(), 0)));
    List<Column> groupBy = new ArrayList<>(List.of(keyCols));
    groupBy.add(col("_period"));
    // max_by skips rows whose ordering is null: records that start after as_of.
    Column existing = col("start_date").leq(lit(latestUpTo));
    Column recency = when(existing, struct(col("start_date"), col("source_file"), col("line")));
    List<Column> aggregates = new ArrayList<>();
    aggregates.add(max(col("_end")).as("_end"));
    for (String c : latest) {
      aggregates.add(max_by(col(c), recency).as(c));
    }
    if (!latest.isEmpty()) {
      aggregates.add(max(when(existing, col("start_date"))).as(LATEST_RECORD_START));
    }
    aggregates.add(count(lit(1)).cast("int").as("records"));
    Dataset<Row> merged =
        marked
            .groupBy(groupBy.toArray(new Column[0]))
            .agg(min(col("start_date")).as("start_date"), aggregates.toArray(new Column[0]));
    List<Column> out = new ArrayList<>(List.of(keyCols));
    out.add(col("start_date"));
    out.add(
        when(col("_end").equalTo(lit(OPEN_END)), lit(null).cast("date"))
            .otherwise(col("_end"))
            .as("end_date"));
    for (String c : latest) {
      out.add(col(c));
    }
    if (!latest.isEmpty()) {
      out.add(col(LATEST_RECORD_START));
    }
    out.add(col("records"));
    return merged.select(out.toArray(new Column[0]));
  }
}
