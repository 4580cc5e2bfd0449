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

  private CoverageStages() {}

  /**
   * {@code gold.coverage_stats}: COUNTY, TOWNSHIP and VILLAGE levels, each by category and for ALL.
   * The population is the coverage target; a person's category is the resolved one (or the highest
   * held).
   */
  public static Dataset<Row> coverageStats(
      Dataset<Row> eligibility, Dataset<Row> ledger, int policyYear, LocalDate asOf) {
    Dataset<Row> target =
        eligibility
            .filter(col("in_coverage_target"))
            .join(
                ledger.select("id_number", "subsidy_amount"),
                ScalaSeqs.of("id_number"),
                "left_outer")
            .withColumn("_township", coalesce(col("township"), lit(UNKNOWN)))
            .withColumn("_village", coalesce(col("village"), lit(UNKNOWN)));
    // cube() yields every combination; a village without its township is not a level, so it is
    // dropped.
    Dataset<Row> grouped =
        target
            .cube(col("_township"), col("_village"), col("category"))
            .agg(
                grouping(col("_township")).as("g_township"),
                grouping(col("_village")).as("g_village"),
                grouping(col("category")).as("g_category"),
                count(lit(1)).as("target_persons"),
                count_if(col("insured")).as("insured_persons"),
                count_if(col("eligible")).as("eligible_persons"),
                count_if(col("paid")).as("paid_persons"),
                sum(coalesce(col("subsidy_amount"), lit(0))).as("subsidy_sum"))
            .filter(col("g_township").equalTo(0).or(col("g_village").equalTo(1)));
    Column level =
        when(col("g_township").equalTo(1), "COUNTY")
            .when(col("g_village").equalTo(1), "TOWNSHIP")
            .otherwise("VILLAGE");
    return grouped.select(
        lit(policyYear).as("policy_year"),
        level.as("level"),
        when(col("g_township").equalTo(0), col("_township")).as("township"),
        when(col("g_village").equalTo(0), col("_village")).as("village"),
        when(col("g_category").equalTo(1), lit(ALL)).otherwise(col("category")).as("category"),
        col("target_persons"),
        col("insured_persons"),
        rate(col("insured_persons"), col("target_persons")).as("insured_rate"),
        col("eligible_persons"),
        col("paid_persons"),
        rate(col("paid_persons"), col("target_persons")).as("paid_rate"),
        col("subsidy_sum").cast(CleanColumns.MONEY).as("subsidy_amount"),
        lit(asOf).as("as_of"));
  }

  /** {@code gold.department_funding}: what each department asks the finance bureau for (§2(二)). */
  public static Dataset<Row> departmentFunding(
      Dataset<Row> ledger, int policyYear, LocalDate asOf) {
    return ledger
        .groupBy(col("department"), col("funding_source"), col("batch"), col("mode"))
        .agg(
            count(lit(1)).as("persons"),
            sum(col("subsidy_amount")).cast(CleanColumns.MONEY).as("subsidy_amount"))
        .select(
            lit(policyYear).as("policy_year"),
            col("department"),
            col("funding_source"),
            col("batch"),
            col("mode"),
            col("persons"),
            col("subsidy_amount"),
            lit(asOf).as("as_of"));
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
    Column due = col("self_pay_amount").minus(col("self_paid_amount"));
    Column ledgerAction =
        when(col("status").equalTo(Status.AWAITING_ENROLLMENT.name()), "ENROL")
            .when(col("status").equalTo(Status.AWAITING_SELF_PAYMENT.name()), "PAY_SELF_PART")
            .when(col("status").equalTo(Status.REFUND_DUE.name()), "REFUND");
    Dataset<Row> fromLedger =
        actions(
                ledger,
                ledgerAction,
                when(ledgerAction.equalTo("REFUND"), col("subsidy_amount"))
                    .otherwise(when(due.gt(0), due).otherwise(lit(0))),
                col("deadline"))
            .filter(col("action").isNotNull());
    Dataset<Row> transfers =
        actions(
            eligibility.filter(
                col("in_coverage_target")
                    .and(
                        array_contains(
                            col("reasons"), Reason.RESIDENT_PENSION_OTHER_COUNTY.name()))),
            lit("TRANSFER_FOLLOW_UP"),
            lit(null),
            lit(null));
    Dataset<Row> pensions =
        actions(reachingPensionAge, lit("REACHES_PENSION_AGE"), lit(null), col("pension_age_date"));
    return fromLedger
        .unionByName(transfers)
        .unionByName(pensions)
        .select(
            lit(policyYear).as("policy_year"),
            coalesce(col("township"), lit(UNKNOWN)).as("township"),
            col("township_code"),
            coalesce(col("village"), lit(UNKNOWN)).as("village"),
            col("village_code"),
            masked(col("id_number")).as("id_number"),
            col("name"),
            col("category"),
            col("action"),
            col("amount"),
            col("deadline"),
            lit(asOf).as("as_of"));
  }

  /** One work-list row per input row: who, where, which action, how much, by when. */
  private static Dataset<Row> actions(
      Dataset<Row> persons, Column action, Column amount, Column deadline) {
    return persons.select(
        col("township"),
        col("township_code"),
        col("village"),
        col("village_code"),
        col("id_number"),
        col("name"),
        col("category"),
        action.as("action"),
        amount.cast(CleanColumns.MONEY).as("amount"),
        deadline.cast("date").as("deadline"));
  }

  /**
   * {@code 500243********123X}: the area code and the last four characters only (SPEC §7) — the
   * column form of {@link org.daijiao.identity.IdNumber#mask}, which explain and reports use.
   */
  public static Column masked(Column id) {
    return concat(substring(id, 1, 6), lit("********"), substring(id, 15, 4));
  }

  private static Column rate(Column part, Column whole) {
    return when(whole.gt(0), part.cast("decimal(20,4)").divide(whole).cast("decimal(7,4)"));
  }
}
