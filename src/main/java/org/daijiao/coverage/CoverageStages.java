package org.daijiao.coverage;

import static org.apache.spark.sql.functions.array_contains;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.count_if;
import static org.apache.spark.sql.functions.grouping;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.substring;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.time.LocalDate;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.daijiao.decide.GoldColumns;
import org.daijiao.eligibility.Reason;
import org.daijiao.ingest.clean.CleanColumns;
import org.daijiao.ledger.Status;
import org.daijiao.spark.ScalaSeqs;

/**
 * Coverage statistics (参保率, SPEC §2.6), the departments' funding requests (§2(二)) and the township
 * work lists (§3 清单管理、销号管理). Pure stages over {@code gold.eligibility} and {@code
 * gold.subsidy_ledger} of one policy year. Statistics hold counts and sums only: no ID number, no
 * name.
 */
public final class CoverageStages {
  /**
   * Stands for a township or village the roster left empty, so that its persons are still counted.
   */
  public static final String UNKNOWN = "UNKNOWN";

  public static final String ALL = "ALL";

  // Working columns, dropped before the result.
  private static final String TOWNSHIP_OR_UNKNOWN = "_township";
  private static final String VILLAGE_OR_UNKNOWN = "_village";
  private static final String BY_TOWNSHIP = "g_township";
  private static final String BY_VILLAGE = "g_village";
  private static final String BY_CATEGORY = "g_category";
  private static final String SUBSIDY_SUM = "subsidy_sum";

  private CoverageStages() {}

  /**
   * {@code gold.coverage_stats}: COUNTY, TOWNSHIP and VILLAGE levels, each by category and for ALL.
   * The population is the coverage target; a person's category is the resolved one (or the highest
   * held).
   */
  public static Dataset<Row> coverageStats(
      Dataset<Row> eligibility, Dataset<Row> ledger, int policyYear, LocalDate asOf) {
    // The ledger has one row per eligible person: the left join keeps one row per person.
    Dataset<Row> target =
        eligibility
            .filter(col(GoldColumns.IN_COVERAGE_TARGET))
            .join(
                ledger.select(col(GoldColumns.ID_NUMBER), col(GoldColumns.SUBSIDY_AMOUNT)),
                ScalaSeqs.of(GoldColumns.ID_NUMBER),
                "left_outer")
            .withColumn(TOWNSHIP_OR_UNKNOWN, coalesce(col(GoldColumns.TOWNSHIP), lit(UNKNOWN)))
            .withColumn(VILLAGE_OR_UNKNOWN, coalesce(col(GoldColumns.VILLAGE), lit(UNKNOWN)));
    // cube() yields every combination; a village without its township is not a level, so it is
    // dropped.
    Dataset<Row> grouped =
        target
            .cube(col(TOWNSHIP_OR_UNKNOWN), col(VILLAGE_OR_UNKNOWN), col(GoldColumns.CATEGORY))
            .agg(
                grouping(col(TOWNSHIP_OR_UNKNOWN)).as(BY_TOWNSHIP),
                grouping(col(VILLAGE_OR_UNKNOWN)).as(BY_VILLAGE),
                grouping(col(GoldColumns.CATEGORY)).as(BY_CATEGORY),
                count(lit(1)).as(CoverageColumns.TARGET_PERSONS),
                count_if(col(GoldColumns.INSURED)).as(CoverageColumns.INSURED_PERSONS),
                count_if(col(GoldColumns.ELIGIBLE)).as(CoverageColumns.ELIGIBLE_PERSONS),
                count_if(col(GoldColumns.PAID)).as(CoverageColumns.PAID_PERSONS),
                sum(coalesce(col(GoldColumns.SUBSIDY_AMOUNT), lit(0))).as(SUBSIDY_SUM))
            .filter(col(BY_TOWNSHIP).equalTo(0).or(col(BY_VILLAGE).equalTo(1)));
    Column level =
        when(col(BY_TOWNSHIP).equalTo(1), Level.COUNTY.name())
            .when(col(BY_VILLAGE).equalTo(1), Level.TOWNSHIP.name())
            .otherwise(Level.VILLAGE.name());
    Column targetPersons = col(CoverageColumns.TARGET_PERSONS);
    return CoverageColumns.COVERAGE_STATS.select(
        grouped.select(
            lit(policyYear).as(CoverageColumns.POLICY_YEAR),
            level.as(CoverageColumns.LEVEL),
            when(col(BY_TOWNSHIP).equalTo(0), col(TOWNSHIP_OR_UNKNOWN))
                .as(CoverageColumns.TOWNSHIP),
            when(col(BY_VILLAGE).equalTo(0), col(VILLAGE_OR_UNKNOWN)).as(CoverageColumns.VILLAGE),
            when(col(BY_CATEGORY).equalTo(1), lit(ALL))
                .otherwise(col(GoldColumns.CATEGORY))
                .as(CoverageColumns.CATEGORY),
            targetPersons,
            col(CoverageColumns.INSURED_PERSONS),
            rate(col(CoverageColumns.INSURED_PERSONS), targetPersons)
                .as(CoverageColumns.INSURED_RATE),
            col(CoverageColumns.ELIGIBLE_PERSONS),
            col(CoverageColumns.PAID_PERSONS),
            rate(col(CoverageColumns.PAID_PERSONS), targetPersons).as(CoverageColumns.PAID_RATE),
            col(SUBSIDY_SUM).cast(CleanColumns.MONEY).as(CoverageColumns.SUBSIDY_AMOUNT),
            lit(asOf).as(CoverageColumns.AS_OF)));
  }

  /** {@code gold.department_funding}: what each department asks the finance bureau for (§2(二)). */
  public static Dataset<Row> departmentFunding(
      Dataset<Row> ledger, int policyYear, LocalDate asOf) {
    return CoverageColumns.DEPARTMENT_FUNDING.select(
        ledger
            .groupBy(
                col(GoldColumns.DEPARTMENT),
                col(GoldColumns.FUNDING_SOURCE),
                col(GoldColumns.BATCH),
                col(GoldColumns.MODE))
            .agg(
                count(lit(1)).as(CoverageColumns.PERSONS),
                sum(col(GoldColumns.SUBSIDY_AMOUNT))
                    .cast(CleanColumns.MONEY)
                    .as(CoverageColumns.SUBSIDY_AMOUNT))
            .withColumn(CoverageColumns.POLICY_YEAR, lit(policyYear))
            .withColumn(CoverageColumns.AS_OF, lit(asOf)));
  }

  /**
   * {@code gold.worklist}: per township and village, every person with an open action — enrol
   * (ENROL), pay their own part (PAY_SELF_PART), receive a refund (REFUND), have their enrolment
   * moved from another county (TRANSFER_FOLLOW_UP), or claim the pension (REACHES_PENSION_AGE,
   * 达龄一个，发放一个). IDs are masked.
   */
  public static Dataset<Row> worklist(
      Dataset<Row> eligibility,
      Dataset<Row> ledger,
      Dataset<Row> reachingPensionAge,
      int policyYear,
      LocalDate asOf) {
    Column due = col(GoldColumns.SELF_PAY_AMOUNT).minus(col(GoldColumns.SELF_PAID_AMOUNT));
    Column status = col(GoldColumns.STATUS);
    Column ledgerAction =
        when(status.equalTo(Status.AWAITING_ENROLLMENT.name()), WorklistAction.ENROL.name())
            .when(
                status.equalTo(Status.AWAITING_SELF_PAYMENT.name()),
                WorklistAction.PAY_SELF_PART.name())
            .when(status.equalTo(Status.REFUND_DUE.name()), WorklistAction.REFUND.name());
    Dataset<Row> fromLedger =
        actions(
                ledger,
                ledgerAction,
                when(
                        ledgerAction.equalTo(WorklistAction.REFUND.name()),
                        col(GoldColumns.SUBSIDY_AMOUNT))
                    .otherwise(when(due.gt(0), due).otherwise(lit(0))),
                col(GoldColumns.DEADLINE))
            .filter(col(CoverageColumns.ACTION).isNotNull());
    Dataset<Row> transfers =
        actions(
            eligibility.filter(
                col(GoldColumns.IN_COVERAGE_TARGET)
                    .and(
                        array_contains(
                            col(GoldColumns.REASONS),
                            Reason.RESIDENT_PENSION_OTHER_COUNTY.name()))),
            lit(WorklistAction.TRANSFER_FOLLOW_UP.name()),
            lit(null),
            lit(null));
    Dataset<Row> pensions =
        actions(
            reachingPensionAge,
            lit(WorklistAction.REACHES_PENSION_AGE.name()),
            lit(null),
            col(GoldColumns.PENSION_AGE_DATE));
    return CoverageColumns.WORKLIST.select(
        fromLedger
            .unionByName(transfers)
            .unionByName(pensions)
            .withColumn(CoverageColumns.POLICY_YEAR, lit(policyYear))
            .withColumn(CoverageColumns.TOWNSHIP, coalesce(col(GoldColumns.TOWNSHIP), lit(UNKNOWN)))
            .withColumn(CoverageColumns.VILLAGE, coalesce(col(GoldColumns.VILLAGE), lit(UNKNOWN)))
            .withColumn(CoverageColumns.ID_NUMBER, masked(col(GoldColumns.ID_NUMBER)))
            .withColumn(CoverageColumns.AS_OF, lit(asOf)));
  }

  /** One work-list row per input row: who, where, which action, how much, by when. */
  private static Dataset<Row> actions(
      Dataset<Row> persons, Column action, Column amount, Column deadline) {
    return persons.select(
        col(GoldColumns.TOWNSHIP),
        col(GoldColumns.TOWNSHIP_CODE),
        col(GoldColumns.VILLAGE),
        col(GoldColumns.VILLAGE_CODE),
        col(GoldColumns.ID_NUMBER),
        col(GoldColumns.NAME),
        col(GoldColumns.CATEGORY),
        action.as(CoverageColumns.ACTION),
        amount.cast(CleanColumns.MONEY).as(CoverageColumns.AMOUNT),
        deadline.cast("date").as(CoverageColumns.DEADLINE));
  }

  /**
   * {@code 500243********123X}: the area code and the last four characters only (SPEC §7) — the
   * column form of {@link org.daijiao.identity.IdNumber#mask}, which explain and reports use.
   */
  public static Column masked(Column id) {
    return concat(substring(id, 1, 6), lit("********"), substring(id, 15, 4));
  }

  /**
   * {@code part / whole} with 4 decimals; null when {@code whole} is 0 (an empty target). Public so
   * that a report's total row derives its rate exactly as the statistics do.
   */
  public static Column rate(Column part, Column whole) {
    return when(whole.gt(0), part.cast("decimal(20,4)").divide(whole).cast("decimal(7,4)"));
  }
}
