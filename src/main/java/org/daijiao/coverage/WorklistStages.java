package org.daijiao.coverage;

import static org.apache.spark.sql.functions.array_contains;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;
import static org.daijiao.coverage.CoverageStages.UNKNOWN;
import static org.daijiao.coverage.CoverageStages.masked;

import java.time.LocalDate;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.daijiao.decide.GoldColumns;
import org.daijiao.eligibility.Reason;
import org.daijiao.ingest.clean.CleanColumns;
import org.daijiao.ledger.Status;
import org.daijiao.repair.RepairColumns;
import org.daijiao.spark.ColumnNames;
import org.daijiao.spark.ScalaSeqs;

/**
 * The township work lists (§3 清单管理、销号管理, docs/rules.md#work-lists): one row per open action of a
 * person, and per roster row without a usable ID. Pure stages over the year's gold rows.
 */
public final class WorklistStages {
  private WorklistStages() {}

  /**
   * {@code gold.worklist}: per township and village, every person with an open action — enrol
   * (ENROL), pay their own part (PAY_SELF_PART), receive a refund (REFUND), have their enrolment
   * moved from another county (TRANSFER_FOLLOW_UP), or claim the pension (REACHES_PENSION_AGE,
   * 达龄一个，发放一个); and every roster row without a usable ID number, to be checked on the ID card
   * (FIX_ID, docs/inputs.md#id-repair). IDs are masked. A person who reached pension age and
   * already receives the county's resident pension has nothing left to do
   * (docs/decisions.md#pension-claimed).
   *
   * @param unresolved {@link #unresolvedRosterRows}
   * @param receiving {@link HistoryStages#receivingPension}
   */
  public static Dataset<Row> worklist(
      Dataset<Row> eligibility,
      Dataset<Row> ledger,
      Dataset<Row> reachingPensionAge,
      Dataset<Row> receiving,
      Dataset<Row> unresolved,
      int policyYear,
      LocalDate asOf) {
    return CoverageColumns.WORKLIST.select(
        worklistWithIds(
            eligibility, ledger, reachingPensionAge, receiving, unresolved, policyYear, asOf));
  }

  /**
   * The rows of {@link #worklist} with the person's full ID number beside the masked one ({@code
   * gold.worklist_history}, docs/rules.md#month-by-month).
   */
  public static Dataset<Row> worklistWithIds(
      Dataset<Row> eligibility,
      Dataset<Row> ledger,
      Dataset<Row> reachingPensionAge,
      Dataset<Row> receiving,
      Dataset<Row> unresolved,
      int policyYear,
      LocalDate asOf) {
    Column due = col(GoldColumns.SELF_PAY_AMOUNT).minus(col(GoldColumns.SELF_PAID_AMOUNT));
    Column status = col(ColumnNames.STATUS);
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
                        col(ColumnNames.SUBSIDY_AMOUNT))
                    .otherwise(when(due.gt(0), due).otherwise(lit(0))),
                col(ColumnNames.DEADLINE))
            .filter(col(ColumnNames.ACTION).isNotNull());
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
            reachingPensionAge.join(receiving, ScalaSeqs.of(ColumnNames.ID_NUMBER), "left_anti"),
            lit(WorklistAction.REACHES_PENSION_AGE.name()),
            lit(null),
            col(ColumnNames.PENSION_AGE_DATE));
    Dataset<Row> ofPersons =
        fromLedger
            .unionByName(transfers)
            .unionByName(pensions)
            .withColumn(HistoryColumns.PERSON_ID_NUMBER, col(ColumnNames.ID_NUMBER))
            .withColumn(ColumnNames.ID_NUMBER, masked(col(ColumnNames.ID_NUMBER)))
            .withColumn(ColumnNames.DEPARTMENT, lit(null).cast(DataTypes.StringType))
            .withColumn(ColumnNames.CANDIDATE_ID_NUMBER, lit(null).cast(DataTypes.StringType))
            .withColumn(ColumnNames.SOURCE_FILE, lit(null).cast(DataTypes.StringType))
            .withColumn(ColumnNames.LINE, lit(null).cast(DataTypes.LongType));
    // The value exported is masked already; a category the policy does not know is UNKNOWN.
    Dataset<Row> fixIds =
        unresolved.select(
            col(ColumnNames.TOWNSHIP),
            col(ColumnNames.TOWNSHIP_CODE),
            col(ColumnNames.VILLAGE),
            col(ColumnNames.VILLAGE_CODE),
            col(RepairColumns.ID_NUMBER_AS_WRITTEN).as(ColumnNames.ID_NUMBER),
            col(ColumnNames.NAME),
            coalesce(col(ColumnNames.CATEGORY), lit(UNKNOWN)).as(ColumnNames.CATEGORY),
            lit(WorklistAction.FIX_ID.name()).as(ColumnNames.ACTION),
            lit(null).cast(CleanColumns.MONEY).as(ColumnNames.AMOUNT),
            lit(null).cast(DataTypes.DateType).as(ColumnNames.DEADLINE),
            col(ColumnNames.DEPARTMENT),
            col(ColumnNames.CANDIDATE_ID_NUMBER),
            col(ColumnNames.SOURCE_FILE),
            col(ColumnNames.LINE),
            lit(null).cast(DataTypes.StringType).as(HistoryColumns.PERSON_ID_NUMBER));
    return HistoryColumns.WORKLIST_HISTORY.select(
        ofPersons
            .unionByName(fixIds)
            .withColumn(ColumnNames.POLICY_YEAR, lit(policyYear))
            .withColumn(ColumnNames.TOWNSHIP, CoverageStages.placed(ColumnNames.TOWNSHIP))
            .withColumn(ColumnNames.VILLAGE, CoverageStages.placed(ColumnNames.VILLAGE))
            .withColumn(ColumnNames.AS_OF, lit(asOf)));
  }

  /** One work-list row per input row: who, where, which action, how much, by when. */
  private static Dataset<Row> actions(
      Dataset<Row> persons, Column action, Column amount, Column deadline) {
    return persons.select(
        col(ColumnNames.TOWNSHIP),
        col(ColumnNames.TOWNSHIP_CODE),
        col(ColumnNames.VILLAGE),
        col(ColumnNames.VILLAGE_CODE),
        col(ColumnNames.ID_NUMBER),
        col(ColumnNames.NAME),
        col(ColumnNames.CATEGORY),
        action.as(ColumnNames.ACTION),
        amount.cast(CleanColumns.MONEY).as(ColumnNames.AMOUNT),
        deadline.cast("date").as(ColumnNames.DEADLINE));
  }
}
