package org.daijiao.gold;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.daijiao.PipelineFixture;
import org.daijiao.policy.PolicyLoader;
import org.daijiao.spark.TableName;
import org.daijiao.spark.Tables;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * SPEC §2 with an as_of before the year ends, on the fixture county ({@code fixture-county.md}): W
 * = [2022-01-01, as_of]; records that start after as_of and payments dated after it do not exist
 * for the run. 2022-08-31 is the September funding run (§2(二): the REGULAR batch's actual subsidy
 * data); 2022-06-30 a mid-year monthly run.
 */
class AsOfBeforeYearEndTest {
  private static final LocalDate FUNDING_RUN = LocalDate.of(2022, 8, 31);
  private static final LocalDate MID_YEAR = LocalDate.of(2022, 6, 30);

  private static final String TIAN_YI = "50024319820315011X"; // P01
  private static final String TIAN_SI = "500243197002020445"; // P04
  private static final String TIAN_QI = "500243200611100779"; // P07
  private static final String TIAN_BA = "500243199204120881"; // P08
  private static final String TIAN_JIU = "50024320020101099X"; // P09
  private static final String LI_YI = "500243200303031118"; // P11
  private static final String WANG_YI = "500243196206102114"; // P21
  private static final String WANG_LIU = "500243197303032618"; // P26
  private static final String WANG_JIU = "500243199101012917"; // P29

  private static PipelineFixture.Run funding;
  private static PipelineFixture.Run midYear;

  @BeforeAll
  static void runTwice() {
    funding = PipelineFixture.run(GoldTables.FIXTURE, PolicyLoader.bundled(), FUNDING_RUN);
    midYear = PipelineFixture.run(GoldTables.FIXTURE, PolicyLoader.bundled(), MID_YEAR);
  }

  private static Map<String, Row> byId(PipelineFixture.Run run, TableName table) {
    return run.table(table).collectAsList().stream()
        .collect(Collectors.toMap(r -> r.<String>getAs("id_number"), r -> r));
  }

  @Test
  void everyGoldRowCarriesTheRunsAsOf() {
    for (PipelineFixture.Run run : List.of(funding, midYear)) {
      for (TableName table : GoldTables.ALL) {
        assertThat(run.table(table).select("as_of").distinct().collectAsList())
            .as("%s as of %s", table, run.asOf())
            .extracting(r -> r.get(0))
            .containsExactly(run.asOf());
      }
    }
  }

  @Test
  void tianBaWhoseDibaoStartsOn15SeptemberIsNotInTheFundingRun() {
    // P08: a record that starts after as_of does not exist for the run (SPEC §2).
    assertThat(byId(funding, Tables.ELIGIBILITY)).doesNotContainKey(TIAN_BA);
  }

  @Test
  void wangJiuIsFanpinUntilHisTekunRecordOfOctoberExists() {
    // P29: 返贫致贫 Jan–Mar; 特困 from 2022-10-01 is after as_of → resolved FANPIN, 70 (§2(一)).
    Row fanpin = byId(funding, Tables.SUBSIDY_LEDGER).get(WANG_JIU);
    assertThat((String) fanpin.getAs("category")).isEqualTo("FANPIN");
    assertThat((BigDecimal) fanpin.getAs("subsidy_amount")).isEqualByComparingTo("70");
    assertThat((String) fanpin.getAs("department")).isEqualTo("RURAL_REVITALIZATION");
    Row e = byId(funding, Tables.ELIGIBILITY).get(WANG_JIU);
    assertThat(e.getList(e.fieldIndex("held_categories"))).containsExactly("FANPIN");
  }

  @Test
  void tianQiWhoTurns16InNovemberIsUnder16AllOfW() {
    // P07: W ends at as_of, so no day of W has him aged 16 (§2(二) 年满16周岁).
    Row e = byId(funding, Tables.ELIGIBILITY).get(TIAN_QI);
    assertThat((Boolean) e.getAs("eligible")).isFalse();
    assertThat(e.getList(e.fieldIndex("reasons"))).containsExactly("AGE_UNDER_16");
    assertThat((Boolean) e.getAs("in_coverage_target")).isFalse();
  }

  @Test
  void theFundingRunHasOnlyTheRegularBatchWithTheAugustDeadline() {
    // §2(二): first qualifying days ≤ as_of ≤ 08-31 are all in the REGULAR batch.
    for (PipelineFixture.Run run : List.of(funding, midYear)) {
      Dataset<Row> ledger = run.table(Tables.SUBSIDY_LEDGER);
      assertThat(ledger.count()).as("ledger rows as of %s", run.asOf()).isPositive();
      assertThat(ledger.select("batch", "deadline").distinct().collectAsList())
          .extracting(r -> r.get(0) + " " + r.get(1))
          .containsExactly("REGULAR 2022-08-31");
      assertThat(run.table(Tables.DEPARTMENT_FUNDING).select("batch").distinct().collectAsList())
          .extracting(r -> r.get(0))
          .containsExactly("REGULAR");
      assertThat(ledger.filter(col("first_eligible_date").gt(run.asOf())).count()).isZero();
    }
  }

  @Test
  void governmentPaymentsOfSeptemberDoNotExistYetForTianYiAndTianSi() {
    // P01 paid 30 himself on 03-01; the government's 70 of 09-08 is after as_of. P04: 100 on 09-10.
    Map<String, Row> ledger = byId(funding, Tables.SUBSIDY_LEDGER);
    Row tianYi = ledger.get(TIAN_YI);
    assertThat((BigDecimal) tianYi.getAs("self_paid_amount")).isEqualByComparingTo("30");
    assertThat((BigDecimal) tianYi.getAs("government_paid_amount")).isEqualByComparingTo("0");
    assertThat((String) tianYi.getAs("status")).isEqualTo("AWAITING_GOVERNMENT_PAYMENT");
    assertThat((String) ledger.get(TIAN_SI).getAs("status"))
        .isEqualTo("AWAITING_GOVERNMENT_PAYMENT");
    assertThat((Boolean) byId(funding, Tables.ELIGIBILITY).get(TIAN_YI).getAs("paid")).isFalse();
  }

  @Test
  void wangLiusOwnPaymentOfJuneCountsInTheMidYearRun() {
    // P26: 130 paid on 2022-06-06 ≤ as_of 2022-06-30 → own part paid.
    Row wangLiu = byId(midYear, Tables.SUBSIDY_LEDGER).get(WANG_LIU);
    assertThat((BigDecimal) wangLiu.getAs("self_paid_amount")).isEqualByComparingTo("130");
    assertThat((String) wangLiu.getAs("status")).isEqualTo("AWAITING_GOVERNMENT_PAYMENT");
  }

  @Test
  void liYiIsAStudentOnEveryDayOfWAsOf30JuneAndEligibleAsOf31August() {
    // P11: student until 2022-06-30 (§1 在校学生).
    Row june = byId(midYear, Tables.ELIGIBILITY).get(LI_YI);
    assertThat(june.getList(june.fieldIndex("reasons"))).containsExactly("STUDENT");
    Row august = byId(funding, Tables.ELIGIBILITY).get(LI_YI);
    assertThat((Boolean) august.getAs("eligible")).isTrue();
    assertThat((Object) august.getAs("first_eligible_date")).isEqualTo(LocalDate.of(2022, 7, 1));
  }

  @Test
  void tianJiuIsOnlyAStudentWhileHisMilitaryServiceOfJulyDoesNotExistYet() {
    // P09: 在校学生 Jan–Jun; 现役军人 from 2022-07-01 starts after as_of 2022-06-30.
    Row june = byId(midYear, Tables.ELIGIBILITY).get(TIAN_JIU);
    assertThat(june.getList(june.fieldIndex("reasons"))).containsExactly("STUDENT");
    Row august = byId(funding, Tables.ELIGIBILITY).get(TIAN_JIU);
    assertThat(august.getList(august.fieldIndex("reasons"))).containsExactly("STUDENT", "MILITARY");
  }

  @Test
  void wangYiWhoTurned60On10JuneReachesPensionAgeInBothRuns() {
    // P21: §3(一) 达龄一个，发放一个 — the 60th birthday 2022-06-10 lies in W for both as_of dates.
    for (PipelineFixture.Run run : List.of(funding, midYear)) {
      assertThat(byId(run, Tables.REACHING_PENSION_AGE)).containsKey(WANG_YI);
      assertThat(
              (Object) byId(run, Tables.SUBSIDY_LEDGER).get(WANG_YI).getAs("first_eligible_date"))
          .isEqualTo(LocalDate.of(2022, 1, 1));
    }
  }
}
