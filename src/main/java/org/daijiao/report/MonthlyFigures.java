package org.daijiao.report;

import static org.apache.spark.sql.functions.col;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.daijiao.coverage.HistoryColumns;
import org.daijiao.coverage.Level;
import org.daijiao.spark.ColumnNames;
import org.daijiao.spark.Tables;
import org.daijiao.spark.Warehouse;

/**
 * 动态清零 month by month (§3(一)), as the county report shows it (docs/reports.md#month-by-month): the
 * county's row of {@code gold.monthly_progress} for every recorded as_of of the year up to the
 * report's, the insured rates of the five townships lowest at the report's as_of, and each
 * township's actions closed (销号) since the previous recorded as_of. A few hundred aggregate rows;
 * no ID number, no name. A warehouse written before the history tables, or holding one as_of only,
 * gives no monthly change: {@link #note} says so in words.
 *
 * @param asOfs the recorded as_ofs of the year up to the report's, oldest first
 * @param county the county's figures, one per as_of of {@code asOfs}
 * @param lowest up to five townships, lowest insured rate at the report's as_of first
 * @param closedByTownship township → actions closed since the previous recorded as_of, at the
 *     report's as_of; empty at the first recorded as_of or without history
 * @param note what the report says instead of a monthly change; null when there are two as_ofs or
 *     more
 */
record MonthlyFigures(
    List<LocalDate> asOfs,
    List<Month> county,
    List<TownshipRates> lowest,
    Map<String, Long> closedByTownship,
    String note) {

  /** How many townships the chart of insured rates by month follows besides the county. */
  static final int LOWEST_TOWNSHIPS = 5;

  /**
   * One row of {@code gold.monthly_progress}; the counts since the previous as_of are null at the
   * first recorded as_of of the year.
   */
  record Month(
      LocalDate asOf,
      long target,
      long insured,
      BigDecimal insuredRate,
      long openActions,
      Long openedActions,
      Long closedActions,
      Long newTarget,
      Long newTargetInsured,
      long reached60,
      long reached60Receiving) {}

  /** A township's insured rate at each as_of of {@link #asOfs} (null where it had no target). */
  record TownshipRates(String township, List<BigDecimal> rates) {}

  /** Whether there is a monthly change to show: two recorded as_ofs or more. */
  boolean hasChange() {
    return note == null;
  }

  /** The figures of a warehouse that has no monthly change to show, and why. */
  static MonthlyFigures without(String note) {
    return new MonthlyFigures(List.of(), List.of(), List.of(), Map.of(), note);
  }

  /**
   * Reads {@code gold.monthly_progress} of {@code year} up to {@code asOf}; {@code
   * officialTownships} are the townships the rate chart may follow (the county's official ones).
   */
  static MonthlyFigures load(
      SparkSession spark,
      Warehouse warehouse,
      int year,
      LocalDate asOf,
      Set<String> officialTownships) {
    if (!warehouse.exists(spark, Tables.MONTHLY_PROGRESS)) {
      return without("本仓库尚无月度进展表（" + Tables.MONTHLY_PROGRESS + "，由较早版本写入），暂无月度变化；下次按月运行后即有。");
    }
    List<Row> rows =
        warehouse
            .read(spark, Tables.MONTHLY_PROGRESS)
            .filter(
                col(ColumnNames.POLICY_YEAR)
                    .equalTo(year)
                    .and(col(ColumnNames.AS_OF).leq(java.sql.Date.valueOf(asOf)))
                    .and(col(ColumnNames.LEVEL).isin(Level.COUNTY.name(), Level.TOWNSHIP.name())))
            .collectAsList();
    return of(rows, asOf, officialTownships);
  }

  /** The figures of COUNTY and TOWNSHIP rows of {@code gold.monthly_progress} (one year). */
  static MonthlyFigures of(List<Row> rows, LocalDate asOf, Set<String> officialTownships) {
    TreeMap<LocalDate, Month> county = new TreeMap<>();
    Map<String, Map<LocalDate, BigDecimal>> townshipRates = new HashMap<>();
    Map<String, Long> closed = new HashMap<>();
    Set<LocalDate> asOfs = new TreeSet<>();
    for (Row r : rows) {
      LocalDate at = date(r.getAs(ColumnNames.AS_OF));
      asOfs.add(at);
      if (Level.COUNTY.name().equals(r.getAs(ColumnNames.LEVEL))) {
        county.put(at, month(r, at));
      } else {
        String township = r.getAs(ColumnNames.TOWNSHIP);
        townshipRates
            .computeIfAbsent(township, t -> new HashMap<>())
            .put(at, r.getAs(ColumnNames.INSURED_RATE));
        Long closedActions = r.getAs(HistoryColumns.CLOSED_ACTIONS);
        if (at.equals(asOf) && closedActions != null) {
          closed.put(township, closedActions);
        }
      }
    }
    if (asOfs.isEmpty()) {
      return without("本年度尚无月度进展记录，暂无月度变化。");
    }
    List<LocalDate> dates = List.copyOf(asOfs);
    LocalDate latest = dates.get(dates.size() - 1);
    List<TownshipRates> lowest =
        townshipRates.entrySet().stream()
            .filter(e -> officialTownships.contains(e.getKey()))
            .filter(e -> e.getValue().get(latest) != null)
            .sorted(
                Comparator.comparing(
                        (Map.Entry<String, Map<LocalDate, BigDecimal>> e) ->
                            e.getValue().get(latest))
                    .thenComparing(Map.Entry::getKey))
            .limit(LOWEST_TOWNSHIPS)
            .map(e -> new TownshipRates(e.getKey(), ratesAt(dates, e.getValue())))
            .toList();
    List<Month> months = new ArrayList<>();
    for (LocalDate d : dates) {
      Month m = county.get(d);
      if (m != null) {
        months.add(m);
      }
    }
    String note =
        dates.size() == 1 ? "只有一个数据截止日期（" + dates.get(0) + "），暂无月度变化；按月运行后，此处逐月列出进展。" : null;
    return new MonthlyFigures(dates, List.copyOf(months), lowest, Map.copyOf(closed), note);
  }

  private static List<BigDecimal> ratesAt(List<LocalDate> dates, Map<LocalDate, BigDecimal> rates) {
    List<BigDecimal> out = new ArrayList<>(dates.size());
    for (LocalDate d : dates) {
      out.add(rates.get(d));
    }
    return java.util.Collections.unmodifiableList(out);
  }

  private static Month month(Row r, LocalDate at) {
    return new Month(
        at,
        r.<Long>getAs(ColumnNames.TARGET_PERSONS),
        r.<Long>getAs(ColumnNames.INSURED_PERSONS),
        r.getAs(ColumnNames.INSURED_RATE),
        r.<Long>getAs(HistoryColumns.OPEN_ACTIONS),
        r.getAs(HistoryColumns.OPENED_ACTIONS),
        r.getAs(HistoryColumns.CLOSED_ACTIONS),
        r.getAs(HistoryColumns.NEW_TARGET_PERSONS),
        r.getAs(HistoryColumns.NEW_TARGET_INSURED),
        r.<Long>getAs(HistoryColumns.REACHED_60),
        r.<Long>getAs(HistoryColumns.REACHED_60_RECEIVING));
  }

  private static LocalDate date(Object value) {
    return value instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) value;
  }
}
