package org.daijiao.report;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.min;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.daijiao.coverage.HistoryColumns;
import org.daijiao.report.WorklistBooks.Closed;
import org.daijiao.spark.ColumnNames;
import org.daijiao.spark.JobContext;
import org.daijiao.spark.Tables;
import org.daijiao.spark.Warehouse;

/**
 * 销号 (§3(二) 实行销号管理) as the village work lists show it, from {@code gold.action_log}: which open
 * actions were opened at the work list's as_of (新增) and which were closed then (已销号), per place.
 * Nothing is new at the first recorded as_of of the year (every action opens there), and a
 * warehouse without {@code gold.action_log} (written by an older build) has no changes at all.
 * Masked IDs only: a full ID of the log is masked as it is read.
 *
 * @param opened keys of the actions opened at the as_of ({@link #key})
 * @param closed township → village → the actions closed at the as_of, in the order of names
 */
record ActionChanges(Set<String> opened, Map<String, Map<String, List<Closed>>> closed) {

  static final ActionChanges NONE = new ActionChanges(Set.of(), Map.of());

  static ActionChanges load(JobContext context) {
    return load(context.session(), context.warehouse(), context.policyYear(), context.asOf());
  }

  static ActionChanges load(SparkSession spark, Warehouse warehouse, int year, LocalDate asOf) {
    if (!warehouse.exists(spark, Tables.ACTION_LOG)) {
      return NONE;
    }
    Dataset<Row> log =
        warehouse.read(spark, Tables.ACTION_LOG).filter(col(ColumnNames.POLICY_YEAR).equalTo(year));
    LocalDate first = firstAsOf(spark, warehouse, year, log);
    if (first == null || !asOf.isAfter(first)) {
      return NONE;
    }
    java.sql.Date at = java.sql.Date.valueOf(asOf);
    // The actions of one as_of: a village's handful, a county's few thousand.
    List<Row> rows =
        log.filter(
                col(HistoryColumns.OPENED_AS_OF)
                    .equalTo(at)
                    .or(col(HistoryColumns.CLOSED_AS_OF).equalTo(at)))
            .collectAsList();
    Set<String> opened = new HashSet<>();
    Map<String, Map<String, List<Closed>>> closed = new LinkedHashMap<>();
    for (Row r : rows) {
      String township = r.getAs(ColumnNames.TOWNSHIP);
      String village = r.getAs(ColumnNames.VILLAGE);
      String masked = WorklistBooks.maskedOnce(r.getAs(ColumnNames.ID_NUMBER));
      String name = r.getAs(ColumnNames.NAME);
      String action = r.getAs(ColumnNames.ACTION);
      LocalDate openedAsOf = date(r.getAs(HistoryColumns.OPENED_AS_OF));
      LocalDate closedAsOf = date(r.getAs(HistoryColumns.CLOSED_AS_OF));
      if (asOf.equals(openedAsOf)) {
        opened.add(key(township, village, action, masked, name));
      }
      if (asOf.equals(closedAsOf)) {
        closed
            .computeIfAbsent(township, t -> new LinkedHashMap<>())
            .computeIfAbsent(village, v -> new ArrayList<>())
            .add(
                new Closed(
                    name,
                    masked,
                    r.getAs(ColumnNames.CATEGORY),
                    action,
                    openedAsOf,
                    closedAsOf,
                    r.getAs(HistoryColumns.RESOLUTION)));
      }
    }
    Comparator<Closed> byName =
        Comparator.comparing(
                (Closed c) -> c.name() == null ? "" : c.name(),
                java.text.Collator.getInstance(java.util.Locale.CHINA))
            .thenComparing(Closed::maskedId, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparingInt(c -> ActionLabels.order(c.action()));
    closed.values().forEach(v -> v.values().forEach(list -> list.sort(byName)));
    return new ActionChanges(Set.copyOf(opened), closed);
  }

  /** Whether the open action of the work list row was opened at its as_of (新增). */
  boolean isOpened(String township, String village, String action, String maskedId, String name) {
    return opened.contains(key(township, village, action, maskedId, name));
  }

  /** The actions of a village closed at the as_of, in the order of names. */
  List<Closed> closedIn(String township, String village) {
    return List.copyOf(closed.getOrDefault(township, Map.of()).getOrDefault(village, List.of()));
  }

  /**
   * A work list row as the log names it: place, action, masked ID and name (two persons of one
   * village with one masked ID, one name and one action cannot be told apart on paper either).
   */
  static String key(String township, String village, String action, String maskedId, String name) {
    return String.join("\n", township, village, action, nullToEmpty(maskedId), nullToEmpty(name));
  }

  /**
   * The first as_of recorded for the year: of {@code gold.monthly_progress}, the table the report's
   * 月度进展 reads, when there is one; else the earliest opening in the log.
   */
  private static LocalDate firstAsOf(
      SparkSession spark, Warehouse warehouse, int year, Dataset<Row> log) {
    Dataset<Row> dates =
        warehouse.exists(spark, Tables.MONTHLY_PROGRESS)
            ? warehouse
                .read(spark, Tables.MONTHLY_PROGRESS)
                .filter(col(ColumnNames.POLICY_YEAR).equalTo(year))
                .agg(min(col(ColumnNames.AS_OF)))
            : log.agg(min(col(HistoryColumns.OPENED_AS_OF)));
    Row r = dates.first();
    return r.isNullAt(0) ? null : date(r.get(0));
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }

  private static LocalDate date(Object value) {
    return value instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) value;
  }
}
