package org.daijiao.coverage;

import static org.apache.spark.sql.functions.lit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.daijiao.DataFrames.assertSameRows;
import static org.daijiao.DataFrames.frame;
import static org.daijiao.DataFrames.row;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.daijiao.TestSpark;
import org.daijiao.decide.GoldColumns;
import org.daijiao.identity.Divisions;
import org.daijiao.person.PersonBuilder;
import org.daijiao.repair.RepairColumns;
import org.daijiao.spark.ColumnNames;
import org.junit.jupiter.api.Test;

/**
 * SPEC §2.6 coverage statistics, §2(二) funding requests and §3 work lists, on a few gold rows of
 * 2022: every level and category, places left empty counted under UNKNOWN, every work-list action,
 * masked IDs.
 */
class CoverageStagesTest {
  private static final int YEAR = 2022;
  private static final LocalDate AS_OF = LocalDate.of(2022, 12, 31);
  private static final LocalDate REGULAR_DEADLINE = LocalDate.of(2022, 8, 31);
  private static final String TOWNSHIP = "汉葭街道";
  private static final String TOWNSHIP_CODE = "500243001";
  private static final String VILLAGE = "鼓楼社区";
  private static final String VILLAGE_CODE = "500243001001";

  private static String id(int n) {
    return PersonBuilder.syntheticId(LocalDate.of(1980, 1, n), String.format("%03d", n));
  }

  private static String masked(int n) {
    String id = id(n);
    return id.substring(0, 6) + "********" + id.substring(14);
  }

  private static BigDecimal yuan(String amount) {
    return new BigDecimal(amount);
  }

  /** A gold.eligibility row; a null township is a roster that left the place empty. */
  private static Row eligibility(
      int n,
      String township,
      String category,
      boolean eligible,
      List<String> reasons,
      boolean target,
      boolean insured,
      boolean paid) {
    return row(
        YEAR,
        id(n),
        "某" + n,
        township,
        VILLAGE,
        category == null ? List.of() : List.of(category),
        eligible,
        category,
        reasons,
        eligible ? LocalDate.of(2022, 1, 1) : null,
        target,
        insured,
        paid,
        AS_OF,
        township == null ? null : TOWNSHIP_CODE,
        VILLAGE_CODE);
  }

  /** A gold.subsidy_ledger row. */
  private static Row ledger(
      int n,
      String township,
      String village,
      String category,
      String department,
      String subsidy,
      String selfPay,
      String selfPaid,
      String mode,
      String batch,
      String status) {
    return row(
        YEAR,
        id(n),
        "某" + n,
        township,
        village,
        category,
        department,
        department.equals("CIVIL_AFFAIRS") ? "COUNTY_FINANCE" : "MUNICIPAL_COUNTY_SETTLEMENT",
        yuan(subsidy).add(yuan(selfPay)),
        yuan(subsidy),
        yuan(selfPay),
        yuan(selfPaid),
        yuan("0.00"),
        mode,
        batch,
        LocalDate.of(2022, 1, 1),
        REGULAR_DEADLINE,
        status,
        List.of(),
        AS_OF,
        township == null ? null : TOWNSHIP_CODE,
        village == null ? null : VILLAGE_CODE);
  }

  private static Row stats(
      String level,
      String township,
      String village,
      String category,
      long target,
      long insured,
      String insuredRate,
      long eligible,
      long paid,
      String paidRate,
      String subsidy) {
    return stats(
        level,
        township,
        village,
        category,
        target,
        insured,
        insuredRate,
        eligible,
        paid,
        paidRate,
        subsidy,
        0);
  }

  /** A gold.coverage_stats row with roster rows that have no usable ID (issue 12). */
  private static Row stats(
      String level,
      String township,
      String village,
      String category,
      long target,
      long insured,
      String insuredRate,
      long eligible,
      long paid,
      String paidRate,
      String subsidy,
      long unresolved) {
    return row(
        YEAR,
        level,
        township,
        village,
        category,
        target,
        insured,
        insuredRate == null ? null : yuan(insuredRate),
        eligible,
        paid,
        paidRate == null ? null : yuan(paidRate),
        yuan(subsidy),
        AS_OF,
        unresolved);
  }

  /** A row of quality.id_repair_candidates (issue 12). */
  private static Row candidate(
      int line,
      String candidate,
      List<String> evidence,
      String confidence,
      String confirmedIn,
      String township,
      String village,
      String category) {
    return row(
        "civil_affairs",
        "civil_affairs/a.csv",
        (long) line,
        "ID_INVALID_CHECKSUM",
        candidate,
        candidate == null ? null : "SUBSTITUTION",
        evidence,
        confidence,
        candidate == null ? List.of() : List.of("pension_enrollment"),
        confirmedIn,
        "某" + line,
        township,
        village,
        category,
        "500243********" + String.format("%04d", line));
  }

  /** No roster row without a usable ID. */
  private static Dataset<Row> noUnresolved() {
    return unresolved();
  }

  private static Dataset<Row> unresolved(Row... candidates) {
    return CoverageStages.unresolvedRosterRows(
        frame(RepairColumns.ID_REPAIR_CANDIDATES.schema(), candidates),
        Divisions.townships(TestSpark.session()),
        Divisions.villages(TestSpark.session()));
  }

  @Test
  void coverageIsCountedPerLevelAndCategoryOverTheTargetAPlaceLeftEmptyIsUnknown() {
    Dataset<Row> eligibility =
        frame(
            GoldColumns.ELIGIBILITY.schema(),
            eligibility(1, TOWNSHIP, "DIBAO", true, List.of(), true, true, true),
            eligibility(2, TOWNSHIP, "TEKUN", true, List.of(), true, true, false),
            // a village without its township: counted under UNKNOWN
            eligibility(
                3,
                null,
                "DIBAO",
                false,
                List.of("RESIDENT_PENSION_OTHER_COUNTY"),
                true,
                true,
                false),
            // not in the coverage target: not counted
            eligibility(4, TOWNSHIP, "DIBAO", false, List.of("STUDENT"), false, false, false));
    Dataset<Row> ledger =
        frame(
            GoldColumns.SUBSIDY_LEDGER.schema(),
            ledger(
                1,
                TOWNSHIP,
                VILLAGE,
                "DIBAO",
                "CIVIL_AFFAIRS",
                "70.00",
                "30.00",
                "30.00",
                "DIRECT",
                "REGULAR",
                "SETTLED"),
            ledger(
                2,
                TOWNSHIP,
                VILLAGE,
                "TEKUN",
                "CIVIL_AFFAIRS",
                "100.00",
                "0.00",
                "0.00",
                "DIRECT",
                "REGULAR",
                "AWAITING_GOVERNMENT_PAYMENT"));
    String unknown = CoverageStages.UNKNOWN;
    String all = CoverageStages.ALL;
    assertSameRows(
        frame(
            CoverageColumns.COVERAGE_STATS.schema(),
            stats("COUNTY", null, null, all, 3, 3, "1.0000", 2, 1, "0.3333", "170.00"),
            stats("COUNTY", null, null, "DIBAO", 2, 2, "1.0000", 1, 1, "0.5000", "70.00"),
            stats("COUNTY", null, null, "TEKUN", 1, 1, "1.0000", 1, 0, "0.0000", "100.00"),
            stats("TOWNSHIP", TOWNSHIP, null, all, 2, 2, "1.0000", 2, 1, "0.5000", "170.00"),
            stats("TOWNSHIP", TOWNSHIP, null, "DIBAO", 1, 1, "1.0000", 1, 1, "1.0000", "70.00"),
            stats("TOWNSHIP", TOWNSHIP, null, "TEKUN", 1, 1, "1.0000", 1, 0, "0.0000", "100.00"),
            stats("TOWNSHIP", unknown, null, all, 1, 1, "1.0000", 0, 0, "0.0000", "0.00"),
            stats("TOWNSHIP", unknown, null, "DIBAO", 1, 1, "1.0000", 0, 0, "0.0000", "0.00"),
            stats("VILLAGE", TOWNSHIP, VILLAGE, all, 2, 2, "1.0000", 2, 1, "0.5000", "170.00"),
            stats("VILLAGE", TOWNSHIP, VILLAGE, "DIBAO", 1, 1, "1.0000", 1, 1, "1.0000", "70.00"),
            stats("VILLAGE", TOWNSHIP, VILLAGE, "TEKUN", 1, 1, "1.0000", 1, 0, "0.0000", "100.00"),
            stats("VILLAGE", unknown, VILLAGE, all, 1, 1, "1.0000", 0, 0, "0.0000", "0.00"),
            stats("VILLAGE", unknown, VILLAGE, "DIBAO", 1, 1, "1.0000", 0, 0, "0.0000", "0.00")),
        CoverageStages.coverageStats(eligibility, ledger, noUnresolved(), YEAR, AS_OF));
  }

  @Test
  void anEmptyTargetGivesNoStatisticsAndItsRateIsNull() {
    Dataset<Row> nobodyInTheTarget =
        frame(
            GoldColumns.ELIGIBILITY.schema(),
            eligibility(4, TOWNSHIP, "DIBAO", false, List.of("STUDENT"), false, false, false));
    assertSameRows(
        frame(CoverageColumns.COVERAGE_STATS.schema()),
        CoverageStages.coverageStats(
            nobodyInTheTarget,
            frame(GoldColumns.SUBSIDY_LEDGER.schema()),
            noUnresolved(),
            YEAR,
            AS_OF));
    Row rates =
        TestSpark.session()
            .range(1)
            .select(CoverageStages.rate(lit(0L), lit(0L)), CoverageStages.rate(lit(1L), lit(3L)))
            .first();
    assertThat(rates.isNullAt(0)).as("a rate over an empty target").isTrue();
    assertThat(rates.getDecimal(1)).isEqualTo(yuan("0.3333"));
  }

  @Test
  void rosterRowsWithoutAUsableIdAreCountedByPlaceBesideTheTargetNeverInIt() {
    Dataset<Row> eligibility =
        frame(
            GoldColumns.ELIGIBILITY.schema(),
            eligibility(
                1, TOWNSHIP, "DIBAO", false, List.of("EMPLOYEE_PENSION"), true, true, false));
    String all = CoverageStages.ALL;
    String shizui = "石嘴社区";
    assertSameRows(
        frame(
            CoverageColumns.COVERAGE_STATS.schema(),
            stats("COUNTY", null, null, all, 1, 1, "1.0000", 0, 0, "0.0000", "0.00", 3),
            stats("COUNTY", null, null, "DIBAO", 1, 1, "1.0000", 0, 0, "0.0000", "0.00", 1),
            stats("TOWNSHIP", TOWNSHIP, null, all, 1, 1, "1.0000", 0, 0, "0.0000", "0.00", 3),
            stats("TOWNSHIP", TOWNSHIP, null, "DIBAO", 1, 1, "1.0000", 0, 0, "0.0000", "0.00", 1),
            // the DIBAO row and the row of a non-target category are both in the village's ALL
            stats("VILLAGE", TOWNSHIP, VILLAGE, all, 1, 1, "1.0000", 0, 0, "0.0000", "0.00", 2),
            stats("VILLAGE", TOWNSHIP, VILLAGE, "DIBAO", 1, 1, "1.0000", 0, 0, "0.0000", "0.00", 1),
            // a village whose only roster row has no usable ID still gets its row: rate unknown
            stats("VILLAGE", TOWNSHIP, shizui, all, 0, 0, null, 0, 0, null, "0.00", 1)),
        CoverageStages.coverageStats(
            eligibility,
            frame(GoldColumns.SUBSIDY_LEDGER.schema()),
            unresolved(
                candidate(11, null, List.of(), "NONE", null, "汉葭", "鼓楼", "DIBAO"),
                candidate(12, null, List.of(), "NONE", null, "汉葭街道", "鼓楼社区", "MARGINAL_POVERTY"),
                candidate(13, null, List.of(), "NONE", null, "汉葭", "石嘴", null),
                // confirmed: read with its candidate, so no longer unresolved
                candidate(14, id(14), List.of("NAME"), "UNIQUE", "ok.csv", "汉葭", "鼓楼", "DIBAO")),
            YEAR,
            AS_OF));
  }

  @Test
  void anUnresolvedRowShowsItsUniqueOrOnlyCandidateAndIsPlacedOfficially() {
    List<String> nameAndSex = List.of("NAME", "SEX");
    assertSameRows(
        frame(
            unresolved().schema(),
            row(
                TOWNSHIP,
                TOWNSHIP_CODE,
                VILLAGE,
                VILLAGE_CODE,
                "500243********0011",
                "某11",
                "DIBAO",
                "CIVIL_AFFAIRS",
                masked(11),
                "civil_affairs/a.csv",
                11L),
            row(
                TOWNSHIP,
                TOWNSHIP_CODE,
                VILLAGE,
                VILLAGE_CODE,
                "500243********0012",
                "某12",
                "DIBAO",
                "CIVIL_AFFAIRS",
                masked(12),
                "civil_affairs/a.csv",
                12L),
            row(
                TOWNSHIP,
                TOWNSHIP_CODE,
                VILLAGE,
                VILLAGE_CODE,
                "500243********0013",
                "某13",
                "DIBAO",
                "CIVIL_AFFAIRS",
                null,
                "civil_affairs/a.csv",
                13L),
            row(
                "火星乡",
                null,
                "红旗村",
                null,
                "500243********0014",
                "某14",
                null,
                "CIVIL_AFFAIRS",
                null,
                "civil_affairs/a.csv",
                14L)),
        unresolved(
            // UNIQUE: the candidate with the name, not the other one
            candidate(11, id(11), nameAndSex, "UNIQUE", null, "汉葭", "鼓楼", "DIBAO"),
            candidate(11, id(21), List.of("SEX"), "UNIQUE", null, "汉葭", "鼓楼", "DIBAO"),
            // WEAK with one candidate: that one
            candidate(12, id(12), List.of(), "WEAK", null, "汉葭", "鼓楼", "DIBAO"),
            // AMBIGUOUS: none to show, the clerk reads the card
            candidate(13, id(13), nameAndSex, "AMBIGUOUS", null, "汉葭", "鼓楼", "DIBAO"),
            candidate(13, id(23), nameAndSex, "AMBIGUOUS", null, "汉葭", "鼓楼", "DIBAO"),
            // NONE, in a township that is not Pengshui's: kept as written
            candidate(14, null, List.of(), "NONE", null, "火星乡", "红旗村", null),
            // confirmed: not unresolved any more
            candidate(15, id(15), nameAndSex, "UNIQUE", "ok.csv", "汉葭", "鼓楼", "DIBAO")));
  }

  @Test
  void eachDepartmentAsksForItsSubsidiesByFundingSourceBatchAndMode() {
    Dataset<Row> ledger =
        frame(
            GoldColumns.SUBSIDY_LEDGER.schema(),
            ledger(
                1,
                TOWNSHIP,
                VILLAGE,
                "DIBAO",
                "CIVIL_AFFAIRS",
                "70.00",
                "30.00",
                "0.00",
                "DIRECT",
                "REGULAR",
                "AWAITING_SELF_PAYMENT"),
            ledger(
                2,
                TOWNSHIP,
                VILLAGE,
                "TEKUN",
                "CIVIL_AFFAIRS",
                "100.00",
                "0.00",
                "0.00",
                "DIRECT",
                "REGULAR",
                "SETTLED"),
            ledger(
                3,
                TOWNSHIP,
                VILLAGE,
                "DIBAO",
                "CIVIL_AFFAIRS",
                "70.00",
                "30.00",
                "0.00",
                "DIRECT",
                "DYNAMIC",
                "AWAITING_SELF_PAYMENT"),
            ledger(
                4,
                TOWNSHIP,
                VILLAGE,
                "SEVERE_DISABILITY",
                "DISABLED_PERSONS_FEDERATION",
                "100.00",
                "0.00",
                "100.00",
                "POST_HOC_REFUND",
                "REGULAR",
                "REFUND_DUE"));
    assertSameRows(
        frame(
            CoverageColumns.DEPARTMENT_FUNDING.schema(),
            row(
                YEAR,
                "CIVIL_AFFAIRS",
                "COUNTY_FINANCE",
                "REGULAR",
                "DIRECT",
                2L,
                yuan("170.00"),
                AS_OF),
            row(
                YEAR,
                "CIVIL_AFFAIRS",
                "COUNTY_FINANCE",
                "DYNAMIC",
                "DIRECT",
                1L,
                yuan("70.00"),
                AS_OF),
            row(
                YEAR,
                "DISABLED_PERSONS_FEDERATION",
                "MUNICIPAL_COUNTY_SETTLEMENT",
                "REGULAR",
                "POST_HOC_REFUND",
                1L,
                yuan("100.00"),
                AS_OF)),
        CoverageStages.departmentFunding(ledger, YEAR, AS_OF));
  }

  @Test
  void everyOpenActionIsOneWorklistRowWithTheIdMasked() {
    Dataset<Row> ledger =
        frame(
            GoldColumns.SUBSIDY_LEDGER.schema(),
            // must enrol; 30 of the own part still open
            ledger(
                1,
                TOWNSHIP,
                VILLAGE,
                "DIBAO",
                "CIVIL_AFFAIRS",
                "70.00",
                "30.00",
                "0.00",
                "DIRECT",
                "REGULAR",
                "AWAITING_ENROLLMENT"),
            // tier 200: 130 to pay, 100 paid
            ledger(
                2,
                TOWNSHIP,
                VILLAGE,
                "DIBAO",
                "CIVIL_AFFAIRS",
                "70.00",
                "130.00",
                "100.00",
                "DIRECT",
                "REGULAR",
                "AWAITING_SELF_PAYMENT"),
            // paid the whole year alone: the subsidy is refunded; the place was left empty
            ledger(
                3,
                null,
                null,
                "TEKUN",
                "CIVIL_AFFAIRS",
                "100.00",
                "0.00",
                "100.00",
                "POST_HOC_REFUND",
                "REGULAR",
                "REFUND_DUE"),
            // nothing open
            ledger(
                4,
                TOWNSHIP,
                VILLAGE,
                "TEKUN",
                "CIVIL_AFFAIRS",
                "100.00",
                "0.00",
                "0.00",
                "DIRECT",
                "REGULAR",
                "SETTLED"),
            ledger(
                5,
                TOWNSHIP,
                VILLAGE,
                "DIBAO",
                "CIVIL_AFFAIRS",
                "70.00",
                "30.00",
                "30.00",
                "DIRECT",
                "REGULAR",
                "AWAITING_GOVERNMENT_PAYMENT"),
            // 特困 must enrol, nothing of their own to pay
            ledger(
                6,
                TOWNSHIP,
                VILLAGE,
                "TEKUN",
                "CIVIL_AFFAIRS",
                "100.00",
                "0.00",
                "0.00",
                "DIRECT",
                "REGULAR",
                "AWAITING_ENROLLMENT"));
    Dataset<Row> eligibility =
        frame(
            GoldColumns.ELIGIBILITY.schema(),
            // enrolled in another county: have the enrolment moved
            eligibility(
                7,
                TOWNSHIP,
                "DIBAO",
                false,
                List.of("RESIDENT_PENSION_OTHER_COUNTY"),
                true,
                true,
                false),
            // the same, outside the coverage target: no action
            eligibility(
                8,
                TOWNSHIP,
                "DIBAO",
                false,
                List.of("AGE_60_OR_OVER", "RESIDENT_PENSION_OTHER_COUNTY"),
                false,
                true,
                false));
    LocalDate birthday = LocalDate.of(2022, 5, 5);
    Dataset<Row> reaching =
        frame(
            GoldColumns.REACHING_PENSION_AGE.schema(),
            row(
                YEAR,
                id(9),
                "某9",
                TOWNSHIP,
                VILLAGE,
                "TEKUN",
                LocalDate.of(1962, 5, 5),
                birthday,
                AS_OF,
                TOWNSHIP_CODE,
                VILLAGE_CODE),
            // 达龄一个，发放一个: already receiving the county's resident pension, nothing to do
            row(
                YEAR,
                id(12),
                "某12",
                TOWNSHIP,
                VILLAGE,
                "TEKUN",
                LocalDate.of(1962, 3, 3),
                LocalDate.of(2022, 3, 3),
                AS_OF,
                TOWNSHIP_CODE,
                VILLAGE_CODE));
    Dataset<Row> receiving =
        frame(
            new org.apache.spark.sql.types.StructType()
                .add(ColumnNames.ID_NUMBER, org.apache.spark.sql.types.DataTypes.StringType),
            row(id(12)));
    String unknown = CoverageStages.UNKNOWN;
    assertSameRows(
        frame(
            CoverageColumns.WORKLIST.schema(),
            row(
                YEAR,
                TOWNSHIP,
                TOWNSHIP_CODE,
                VILLAGE,
                VILLAGE_CODE,
                masked(1),
                "某1",
                "DIBAO",
                "ENROL",
                yuan("30.00"),
                REGULAR_DEADLINE,
                AS_OF,
                null,
                null,
                null,
                null),
            row(
                YEAR,
                TOWNSHIP,
                TOWNSHIP_CODE,
                VILLAGE,
                VILLAGE_CODE,
                masked(2),
                "某2",
                "DIBAO",
                "PAY_SELF_PART",
                yuan("30.00"),
                REGULAR_DEADLINE,
                AS_OF,
                null,
                null,
                null,
                null),
            row(
                YEAR,
                unknown,
                null,
                unknown,
                null,
                masked(3),
                "某3",
                "TEKUN",
                "REFUND",
                yuan("100.00"),
                REGULAR_DEADLINE,
                AS_OF,
                null,
                null,
                null,
                null),
            row(
                YEAR,
                TOWNSHIP,
                TOWNSHIP_CODE,
                VILLAGE,
                VILLAGE_CODE,
                masked(6),
                "某6",
                "TEKUN",
                "ENROL",
                yuan("0.00"),
                REGULAR_DEADLINE,
                AS_OF,
                null,
                null,
                null,
                null),
            row(
                YEAR,
                TOWNSHIP,
                TOWNSHIP_CODE,
                VILLAGE,
                VILLAGE_CODE,
                masked(7),
                "某7",
                "DIBAO",
                "TRANSFER_FOLLOW_UP",
                null,
                null,
                AS_OF,
                null,
                null,
                null,
                null),
            row(
                YEAR,
                TOWNSHIP,
                TOWNSHIP_CODE,
                VILLAGE,
                VILLAGE_CODE,
                masked(9),
                "某9",
                "TEKUN",
                "REACHES_PENSION_AGE",
                null,
                birthday,
                AS_OF,
                null,
                null,
                null,
                null),
            // issue 12: a roster row whose ID is unusable, with its one candidate, masked
            row(
                YEAR,
                TOWNSHIP,
                TOWNSHIP_CODE,
                "石嘴社区",
                "500243001002",
                "500243********0011",
                "某11",
                "DIBAO",
                "FIX_ID",
                null,
                null,
                AS_OF,
                "CIVIL_AFFAIRS",
                masked(11),
                "civil_affairs/a.csv",
                11L)),
        WorklistStages.worklist(
            eligibility,
            ledger,
            reaching,
            receiving,
            unresolved(candidate(11, id(11), List.of("SEX"), "WEAK", null, "汉葭", "石嘴", "DIBAO")),
            YEAR,
            AS_OF));
  }
}
