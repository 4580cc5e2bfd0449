package org.daijiao.ops;

import static org.daijiao.DataFrames.assertSameRows;
import static org.daijiao.DataFrames.frame;
import static org.daijiao.DataFrames.row;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.daijiao.coverage.CoverageColumns;
import org.daijiao.decide.GoldColumns;
import org.daijiao.person.PersonBuilder;
import org.junit.jupiter.api.Test;

/**
 * {@code daijiao diff} on a few gold rows of 2022 (即进立保 / 动态清零 follow-up): who entered or left the
 * ledger and why, whose category, status, subsidy or batch changed, nobody else; the county's and
 * each township's coverage in both runs, also for a township found in one run only.
 */
class RunDiffTest {
  private static final int YEAR = 2022;
  private static final LocalDate JUNE = LocalDate.of(2022, 6, 30);
  private static final LocalDate DECEMBER = LocalDate.of(2022, 12, 31);
  private static final String HANJIA = "汉葭街道";
  private static final String YUSHAN = "郁山镇";
  private static final String GAOGU = "高谷镇";

  private static String id(int n) {
    return PersonBuilder.syntheticId(LocalDate.of(1980, 1, n), String.format("%03d", n));
  }

  private static BigDecimal yuan(String amount) {
    return new BigDecimal(amount);
  }

  /** A gold.subsidy_ledger row with the compared columns given, the rest plausible. */
  private static Row ledger(
      int n, String township, String category, String subsidy, String batch, String status) {
    return row(
        YEAR,
        id(n),
        "某" + n,
        township,
        "某村",
        category,
        "CIVIL_AFFAIRS",
        "COUNTY_FINANCE",
        yuan("100.00"),
        yuan(subsidy),
        yuan("100.00").subtract(yuan(subsidy)),
        yuan("0.00"),
        yuan("0.00"),
        "DIRECT",
        batch,
        LocalDate.of(2022, 1, 1),
        LocalDate.of(2022, 8, 31),
        status,
        List.of(),
        DECEMBER,
        null,
        null);
  }

  private static Row eligibility(int n, List<String> reasons) {
    return row(
        YEAR,
        id(n),
        "某" + n,
        HANJIA,
        "某村",
        List.of("DIBAO"),
        reasons.isEmpty(),
        "DIBAO",
        reasons,
        reasons.isEmpty() ? LocalDate.of(2022, 1, 1) : null,
        true,
        true,
        false,
        DECEMBER,
        null,
        null);
  }

  private static Dataset<Row> ledger(Row... rows) {
    return frame(GoldColumns.SUBSIDY_LEDGER.schema(), rows);
  }

  @Test
  void ledgerChangesNameWhoEnteredLeftOrChangedAndNobodyElse() {
    Dataset<Row> june =
        ledger(
            ledger(1, HANJIA, "DIBAO", "70.00", "REGULAR", "SETTLED"),
            ledger(3, HANJIA, "DIBAO", "70.00", "REGULAR", "SETTLED"),
            ledger(4, YUSHAN, "FANPIN", "70.00", "REGULAR", "AWAITING_SELF_PAYMENT"),
            ledger(5, HANJIA, "TEKUN", "100.00", "REGULAR", "AWAITING_ENROLLMENT"),
            ledger(6, YUSHAN, "DIBAO", "70.00", "REGULAR", "AWAITING_GOVERNMENT_PAYMENT"));
    Dataset<Row> december =
        ledger(
            // P1 unchanged; P2 new (即进立保); P3 and P4 gone; P5 enrolled and moved; P6 now 特困.
            ledger(1, HANJIA, "DIBAO", "70.00", "REGULAR", "SETTLED"),
            ledger(2, GAOGU, "DIBAO", "70.00", "DYNAMIC", "AWAITING_ENROLLMENT"),
            ledger(5, GAOGU, "TEKUN", "100.00", "REGULAR", "SETTLED"),
            ledger(6, YUSHAN, "TEKUN", "100.00", "DYNAMIC", "AWAITING_GOVERNMENT_PAYMENT"));
    // P3 turned 60; P4 is on no roster any more (no decision row at all).
    Dataset<Row> decisions =
        frame(
            GoldColumns.ELIGIBILITY.schema(),
            eligibility(1, List.of()),
            eligibility(2, List.of()),
            eligibility(3, List.of("AGE_60_OR_OVER")),
            eligibility(5, List.of()),
            eligibility(6, List.of()));

    assertSameRows(
        frame(
            DiffColumns.LEDGER_CHANGES,
            row(
                "ENTERED",
                id(2),
                "某2",
                GAOGU,
                "某村",
                List.of(),
                null,
                "DIBAO",
                null,
                "AWAITING_ENROLLMENT",
                null,
                yuan("70.00"),
                null,
                "DYNAMIC",
                null),
            row(
                "LEFT",
                id(3),
                "某3",
                HANJIA,
                "某村",
                List.of(),
                "DIBAO",
                null,
                "SETTLED",
                null,
                yuan("70.00"),
                null,
                "REGULAR",
                null,
                List.of("AGE_60_OR_OVER")),
            row(
                "LEFT",
                id(4),
                "某4",
                YUSHAN,
                "某村",
                List.of(),
                "FANPIN",
                null,
                "AWAITING_SELF_PAYMENT",
                null,
                yuan("70.00"),
                null,
                "REGULAR",
                null,
                null),
            row(
                "CHANGED",
                id(5),
                "某5",
                GAOGU,
                "某村",
                List.of("status"),
                "TEKUN",
                "TEKUN",
                "AWAITING_ENROLLMENT",
                "SETTLED",
                yuan("100.00"),
                yuan("100.00"),
                "REGULAR",
                "REGULAR",
                null),
            row(
                "CHANGED",
                id(6),
                "某6",
                YUSHAN,
                "某村",
                List.of("category", "subsidy_amount", "batch"),
                "DIBAO",
                "TEKUN",
                "AWAITING_GOVERNMENT_PAYMENT",
                "AWAITING_GOVERNMENT_PAYMENT",
                yuan("70.00"),
                yuan("100.00"),
                "REGULAR",
                "DYNAMIC",
                null)),
        RunDiff.ledgerChanges(june, december, decisions));
  }

  private static Row stats(
      String level, String township, String category, long target, long insured) {
    return row(
        YEAR,
        level,
        township,
        null,
        category,
        target,
        insured,
        new BigDecimal(insured).divide(new BigDecimal(target), 4, java.math.RoundingMode.HALF_UP),
        target,
        0L,
        yuan("0.0000"),
        yuan("0.00"),
        JUNE);
  }

  private static Row change(String kind, String township) {
    return row(
        kind, id(9), "某9", township, "某村", List.of(), null, null, null, null, null, null, null,
        null, null);
  }

  @Test
  void coverageOfTheCountyAndEachTownshipInBothRunsWithWhoEnteredAndLeftThere() {
    Dataset<Row> june =
        frame(
            CoverageColumns.COVERAGE_STATS.schema(),
            stats("COUNTY", null, "ALL", 10, 8),
            stats("TOWNSHIP", HANJIA, "ALL", 6, 5),
            stats("TOWNSHIP", YUSHAN, "ALL", 4, 3),
            // Other categories and the village level are not compared.
            stats("TOWNSHIP", HANJIA, "DIBAO", 6, 5),
            stats("COUNTY", null, "DIBAO", 6, 5));
    Dataset<Row> december =
        frame(
            CoverageColumns.COVERAGE_STATS.schema(),
            stats("COUNTY", null, "ALL", 11, 10),
            stats("TOWNSHIP", HANJIA, "ALL", 6, 6),
            stats("TOWNSHIP", GAOGU, "ALL", 5, 4));
    Dataset<Row> changes =
        frame(
            DiffColumns.LEDGER_CHANGES,
            change("ENTERED", HANJIA),
            change("CHANGED", HANJIA),
            change("LEFT", YUSHAN),
            // A ledger row without a township counts under UNKNOWN, which has no statistics row
            // here.
            change("LEFT", null));

    assertSameRows(
        frame(
            DiffColumns.TOWNSHIP_COVERAGE,
            row(
                "COUNTY",
                null,
                10L,
                11L,
                8L,
                10L,
                rate("0.8000"),
                rate("0.9091"),
                rate("0.1091"),
                1L,
                2L),
            row(
                "TOWNSHIP",
                HANJIA,
                6L,
                6L,
                5L,
                6L,
                rate("0.8333"),
                rate("1.0000"),
                rate("0.1667"),
                1L,
                0L),
            row("TOWNSHIP", YUSHAN, 4L, null, 3L, null, rate("0.7500"), null, null, 0L, 1L),
            row("TOWNSHIP", GAOGU, null, 5L, null, 4L, null, rate("0.8000"), null, 0L, 0L)),
        RunDiff.townshipCoverage(june, december, changes));
  }

  private static BigDecimal rate(String value) {
    return new BigDecimal(value);
  }
}
