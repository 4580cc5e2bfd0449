package org.daijiao.coverage;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;
import static org.daijiao.DataFrames.assertSameRows;
import static org.daijiao.DataFrames.frame;
import static org.daijiao.DataFrames.row;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.daijiao.person.PersonBuilder;
import org.daijiao.resolve.SilverColumns;
import org.daijiao.spark.ColumnNames;
import org.junit.jupiter.api.Test;

/**
 * 动态清零 and 销号 (§3(一), §3(二); docs/rules.md#month-by-month) on three month ends of 2022: the log of
 * every action's stretch and how it closed, and the monthly progress with the change since the
 * previous month. Seven persons and one roster row without a usable ID, each named by number.
 */
class HistoryStagesTest {
  private static final int YEAR = 2022;
  private static final LocalDate JAN = LocalDate.of(2022, 1, 31);
  private static final LocalDate FEB = LocalDate.of(2022, 2, 28);
  private static final LocalDate MAR = LocalDate.of(2022, 3, 31);
  private static final String TOWNSHIP = "汉葭街道";
  private static final String V1 = "鼓楼社区";
  private static final String V2 = "石嘴社区";
  private static final String FIX_VALUE = "500243********0011";

  private static String id(int n) {
    return PersonBuilder.syntheticId(LocalDate.of(1980, 1, n), String.format("%03d", n));
  }

  /** A gold.worklist_history row of person {@code n}. */
  private static Row action(LocalDate asOf, int n, String village, String action) {
    return row(
        YEAR, TOWNSHIP, null, village, null, "masked", "某" + n, "DIBAO", action, null, null, asOf,
        null, null, null, null, id(n));
  }

  /** A gold.worklist_history FIX_ID row: the department's row whose ID is unusable. */
  private static Row fixId(LocalDate asOf, String village) {
    return row(
        YEAR,
        TOWNSHIP,
        null,
        village,
        null,
        FIX_VALUE,
        "某11",
        "DIBAO",
        "FIX_ID",
        null,
        null,
        asOf,
        "CIVIL_AFFAIRS",
        null,
        "civil_affairs/a.csv",
        11L,
        null);
  }

  /** A gold.target_history row of person {@code n}. */
  private static Row target(
      LocalDate asOf,
      int n,
      String village,
      boolean insured,
      LocalDate sixtieth,
      boolean receiving) {
    return row(
        YEAR, asOf, id(n), "某" + n, TOWNSHIP, null, village, null, "DIBAO", insured, sixtieth,
        receiving);
  }

  /** gold.coverage_history as the statistics would give it: one village row per place. */
  private static Dataset<Row> coverageHistory() {
    List<Row> rows = new ArrayList<>();
    for (LocalDate asOf : List.of(JAN, FEB, MAR)) {
      rows.add(coverage(asOf, "COUNTY", null, null));
      rows.add(coverage(asOf, "VILLAGE", TOWNSHIP, V1));
      rows.add(coverage(asOf, "VILLAGE", TOWNSHIP, V2));
    }
    return frame(HistoryColumns.COVERAGE_HISTORY.schema(), rows.toArray(Row[]::new));
  }

  private static Row coverage(LocalDate asOf, String level, String township, String village) {
    return row(
        YEAR,
        level,
        township,
        village,
        "ALL",
        0L,
        0L,
        null,
        0L,
        0L,
        null,
        BigDecimal.ZERO.setScale(2),
        asOf,
        0L);
  }

  private static Dataset<Row> worklistHistory() {
    return frame(
        HistoryColumns.WORKLIST_HISTORY.schema(),
        // 1: enrols in March, then owes their own part
        action(JAN, 1, V1, "ENROL"),
        action(FEB, 1, V1, "ENROL"),
        action(MAR, 1, V1, "PAY_SELF_PART"),
        // 2: leaves the target in February
        action(JAN, 2, V1, "ENROL"),
        // 3: pays in February, owes again in March: two stretches
        action(JAN, 3, V1, "PAY_SELF_PART"),
        action(MAR, 3, V1, "PAY_SELF_PART"),
        // 4: moves from 鼓楼 to 石嘴 in February, still to enrol
        action(JAN, 4, V1, "ENROL"),
        action(FEB, 4, V2, "ENROL"),
        action(MAR, 4, V2, "ENROL"),
        // 11: the civil affairs bureau fixes the ID in February
        fixId(JAN, V2),
        // 6: turns 60 on 20 January, receives the pension from March
        action(JAN, 6, V1, "REACHES_PENSION_AGE"),
        action(FEB, 6, V1, "REACHES_PENSION_AGE"));
  }

  private static Dataset<Row> targetHistory() {
    LocalDate sixtyIn2030 = LocalDate.of(2030, 1, 1);
    LocalDate sixOn20Jan = LocalDate.of(2022, 1, 20);
    LocalDate fiveOn10Feb = LocalDate.of(2022, 2, 10);
    List<Row> rows = new ArrayList<>();
    for (LocalDate asOf : List.of(JAN, FEB, MAR)) {
      rows.add(target(asOf, 1, V1, asOf.equals(MAR), sixtyIn2030, false));
      rows.add(target(asOf, 3, V1, true, sixtyIn2030, false));
      rows.add(target(asOf, 4, asOf.equals(JAN) ? V1 : V2, false, sixtyIn2030, false));
      rows.add(target(asOf, 6, V1, true, sixOn20Jan, asOf.equals(MAR)));
      if (!asOf.equals(JAN)) {
        // 5: certified in February, insured, turns 60 on 10 February and receives at once
        rows.add(target(asOf, 5, V2, true, fiveOn10Feb, true));
      }
    }
    rows.add(target(JAN, 2, V1, false, sixtyIn2030, false));
    return frame(HistoryColumns.TARGET_HISTORY.schema(), rows.toArray(Row[]::new));
  }

  private static Row logged(
      String idNumber,
      int n,
      String village,
      String action,
      String department,
      LocalDate opened,
      LocalDate closed,
      String resolution) {
    return row(
        YEAR,
        idNumber,
        "某" + n,
        TOWNSHIP,
        village,
        "DIBAO",
        action,
        department,
        opened,
        closed,
        resolution);
  }

  @Test
  void eachActionIsLoggedFromTheMonthItOpenedToTheMonthItClosedAndHow() {
    assertSameRows(
        frame(
            HistoryColumns.ACTION_LOG.schema(),
            logged(id(1), 1, V1, "ENROL", null, JAN, MAR, "DONE"),
            logged(id(1), 1, V1, "PAY_SELF_PART", null, MAR, null, null),
            logged(id(2), 2, V1, "ENROL", null, JAN, FEB, "NO_LONGER_DUE"),
            logged(id(3), 3, V1, "PAY_SELF_PART", null, JAN, FEB, "DONE"),
            logged(id(3), 3, V1, "PAY_SELF_PART", null, MAR, null, null),
            logged(id(4), 4, V1, "ENROL", null, JAN, FEB, "NO_LONGER_DUE"),
            logged(id(4), 4, V2, "ENROL", null, FEB, null, null),
            logged(FIX_VALUE, 11, V2, "FIX_ID", "CIVIL_AFFAIRS", JAN, FEB, "DONE"),
            logged(id(6), 6, V1, "REACHES_PENSION_AGE", null, JAN, MAR, "DONE")),
        HistoryStages.actionLog(worklistHistory(), coverageHistory(), targetHistory(), YEAR));
  }

  @Test
  void theCountyMonthByMonthCountsWhatOpenedClosedEnteredAndReached60() {
    Dataset<Row> progress = progress();
    Map<LocalDate, List<Object>> county = new TreeMap<>();
    for (Row r : progress.filter(col(ColumnNames.LEVEL).equalTo("COUNTY")).collectAsList()) {
      county.put(
          r.getAs(ColumnNames.AS_OF),
          List.of(
              r.getAs(ColumnNames.TARGET_PERSONS),
              r.getAs(ColumnNames.INSURED_PERSONS),
              r.getAs(HistoryColumns.OPEN_ACTIONS),
              String.valueOf((Object) r.getAs(HistoryColumns.OPENED_ACTIONS)),
              String.valueOf((Object) r.getAs(HistoryColumns.CLOSED_ACTIONS)),
              String.valueOf((Object) r.getAs(HistoryColumns.NEW_TARGET_PERSONS)),
              String.valueOf((Object) r.getAs(HistoryColumns.NEW_TARGET_INSURED)),
              r.getAs(HistoryColumns.REACHED_60),
              r.getAs(HistoryColumns.REACHED_60_RECEIVING)));
    }
    // target, insured, open, opened, closed, new, new insured, reached 60, of them receiving
    assertThat(county)
        .containsExactly(
            Map.entry(JAN, List.of(5L, 2L, 6L, "null", "null", "null", "null", 1L, 0L)),
            Map.entry(FEB, List.of(5L, 3L, 3L, "1", "4", "1", "1", 1L, 1L)),
            Map.entry(MAR, List.of(5L, 4L, 3L, "2", "2", "0", "0", 0L, 0L)));
  }

  @Test
  void inEveryPlaceWhatIsOpenIsWhatWasOpenPlusWhatOpenedMinusWhatClosed() {
    Dataset<Row> progress = progress();
    Map<String, Long> openBefore = new TreeMap<>();
    List<Row> rows = progress.orderBy(col(ColumnNames.AS_OF)).collectAsList();
    int checked = 0;
    for (Row r : rows) {
      String place =
          r.getAs(ColumnNames.LEVEL)
              + "/"
              + r.getAs(ColumnNames.TOWNSHIP)
              + "/"
              + r.getAs(ColumnNames.VILLAGE);
      long open = r.getAs(HistoryColumns.OPEN_ACTIONS);
      if (!r.getAs(ColumnNames.AS_OF).equals(JAN)) {
        long opened = r.getAs(HistoryColumns.OPENED_ACTIONS);
        long closed = r.getAs(HistoryColumns.CLOSED_ACTIONS);
        assertThat(open).as(place).isEqualTo(openBefore.getOrDefault(place, 0L) + opened - closed);
        checked++;
      }
      openBefore.put(place, open);
    }
    // February and March: the county, the township and its two villages
    assertThat(checked).isEqualTo(8);
  }

  @Test
  void aPersonWhoReceivesTheCountysResidentPensionIsReceiving() {
    Dataset<Row> enrollments =
        frame(
            SilverColumns.ENROLLMENTS.schema(),
            row(id(1), "某1", "RESIDENT", "500243", "RECEIVING", null, null, null, "p/a.csv", 1L),
            // receiving in another county, or from the employees' scheme: not the county's
            row(id(2), "某2", "RESIDENT", "500241", "RECEIVING", null, null, null, "p/a.csv", 2L),
            row(id(3), "某3", "EMPLOYEE", "500243", "RECEIVING", null, null, null, "p/a.csv", 3L),
            row(id(4), "某4", "RESIDENT", "500243", "ACTIVE", null, null, null, "p/a.csv", 4L));
    assertThat(
            HistoryStages.receivingPension(enrollments, "500243")
                .select(ColumnNames.ID_NUMBER)
                .collectAsList())
        .containsExactly(row(id(1)));
  }

  private static Dataset<Row> progress() {
    Dataset<Row> log =
        HistoryStages.actionLog(worklistHistory(), coverageHistory(), targetHistory(), YEAR);
    return MonthlyProgressStages.monthlyProgress(
        coverageHistory(), worklistHistory(), targetHistory(), log, YEAR);
  }
}
