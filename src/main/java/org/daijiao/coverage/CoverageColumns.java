package org.daijiao.coverage;

import static org.apache.spark.sql.types.DataTypes.DateType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.daijiao.spark.ColumnSpec.optional;
import static org.daijiao.spark.ColumnSpec.required;

import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DecimalType;
import org.daijiao.decide.GoldColumns;
import org.daijiao.ingest.clean.CleanColumns;
import org.daijiao.spark.TableContract;
import org.daijiao.spark.Tables;

/**
 * The contracts of the gold tables written from the decisions of a year (SPEC §2.6, §5): coverage
 * statistics and funding requests hold counts and sums only; the work list holds masked IDs.
 * Columns carried from the decision tables keep their names.
 */
public final class CoverageColumns {
  public static final String POLICY_YEAR = GoldColumns.POLICY_YEAR;
  public static final String LEVEL = "level";
  public static final String TOWNSHIP = GoldColumns.TOWNSHIP;
  public static final String TOWNSHIP_CODE = GoldColumns.TOWNSHIP_CODE;
  public static final String VILLAGE = GoldColumns.VILLAGE;
  public static final String VILLAGE_CODE = GoldColumns.VILLAGE_CODE;
  public static final String CATEGORY = GoldColumns.CATEGORY;
  public static final String TARGET_PERSONS = "target_persons";
  public static final String INSURED_PERSONS = "insured_persons";
  public static final String INSURED_RATE = "insured_rate";
  public static final String ELIGIBLE_PERSONS = "eligible_persons";
  public static final String PAID_PERSONS = "paid_persons";
  public static final String PAID_RATE = "paid_rate";
  public static final String SUBSIDY_AMOUNT = GoldColumns.SUBSIDY_AMOUNT;
  public static final String DEPARTMENT = GoldColumns.DEPARTMENT;
  public static final String FUNDING_SOURCE = GoldColumns.FUNDING_SOURCE;
  public static final String BATCH = GoldColumns.BATCH;
  public static final String MODE = GoldColumns.MODE;
  public static final String PERSONS = "persons";
  public static final String ID_NUMBER = GoldColumns.ID_NUMBER;
  public static final String NAME = GoldColumns.NAME;
  public static final String ACTION = "action";
  public static final String AMOUNT = "amount";
  public static final String DEADLINE = GoldColumns.DEADLINE;
  public static final String AS_OF = GoldColumns.AS_OF;

  /** Issue 12: roster rows without a usable ID number, so that a 100 % rate cannot hide them. */
  public static final String UNRESOLVED_ROSTER_ROWS = "unresolved_roster_rows";

  /**
   * Issue 12, FIX_ID rows of the work list: which department's row, the masked candidate, where.
   */
  public static final String CANDIDATE_ID_NUMBER = "candidate_id_number";

  public static final String SOURCE_FILE = "source_file";
  public static final String LINE = "line";

  /** Rates are fractions with 4 decimals (0.9732). */
  public static final DecimalType RATE = DataTypes.createDecimalType(7, 4);

  /** {@code gold.coverage_stats}: 参保率 by level and category (SPEC §2.6). */
  public static final TableContract COVERAGE_STATS =
      TableContract.of(
          Tables.COVERAGE_STATS,
          required(POLICY_YEAR, IntegerType, "the policy year Y"),
          required(LEVEL, StringType, "COUNTY, TOWNSHIP or VILLAGE"),
          optional(TOWNSHIP, StringType, "the township (UNKNOWN when missing); null for COUNTY"),
          optional(VILLAGE, StringType, "the village (UNKNOWN when missing); null above VILLAGE"),
          required(
              CATEGORY, StringType, "the person's category (resolved or highest held), or ALL"),
          required(TARGET_PERSONS, LongType, "persons in the coverage target"),
          required(INSURED_PERSONS, LongType, "of them, insured in any scheme and region"),
          optional(INSURED_RATE, RATE, "insured / target; null when the target is empty"),
          required(ELIGIBLE_PERSONS, LongType, "of them, eligible for the subsidy"),
          required(PAID_PERSONS, LongType, "of them, eligible with the year fully paid"),
          optional(PAID_RATE, RATE, "paid / target; null when the target is empty"),
          required(SUBSIDY_AMOUNT, CleanColumns.MONEY, "the subsidies of the ledger rows, yuan"),
          required(AS_OF, DateType, "the as_of of the decisions"),
          required(
              UNRESOLVED_ROSTER_ROWS,
              LongType,
              "roster rows of the place (and category) with no usable ID number, not in the target"
                  + " (their persons are unknown until the ID is fixed: work-list action FIX_ID)"));

  /** {@code gold.department_funding}: what each department asks the finance bureau for. */
  public static final TableContract DEPARTMENT_FUNDING =
      TableContract.of(
          Tables.DEPARTMENT_FUNDING,
          required(POLICY_YEAR, IntegerType, "the policy year Y"),
          required(DEPARTMENT, StringType, "the certifying department (§2(二))"),
          required(FUNDING_SOURCE, StringType, "where its money comes from"),
          required(BATCH, StringType, "REGULAR or DYNAMIC"),
          required(MODE, StringType, "DIRECT or POST_HOC_REFUND"),
          required(PERSONS, LongType, "ledger rows"),
          required(SUBSIDY_AMOUNT, CleanColumns.MONEY, "their subsidies, yuan"),
          required(AS_OF, DateType, "the as_of of the decisions"));

  /**
   * {@code gold.worklist}: per township and village, every person with an open action, and every
   * roster row whose ID number must be checked on the ID card (FIX_ID).
   */
  public static final TableContract WORKLIST =
      TableContract.of(
          Tables.WORKLIST,
          required(POLICY_YEAR, IntegerType, "the policy year Y"),
          required(TOWNSHIP, StringType, "the person's township (UNKNOWN when missing)"),
          optional(TOWNSHIP_CODE, StringType, "its official code; null if unmatched"),
          required(VILLAGE, StringType, "the person's village (UNKNOWN when missing)"),
          optional(VILLAGE_CODE, StringType, "its official code; null if unmatched"),
          required(ID_NUMBER, StringType, "the masked ID (500243********123X)"),
          optional(NAME, StringType, "the name, so that the village clerk finds the person"),
          required(CATEGORY, StringType, "the person's category"),
          required(ACTION, StringType, "the open action (WorklistAction)"),
          optional(AMOUNT, CleanColumns.MONEY, "yuan still to pay or to refund; null otherwise"),
          optional(DEADLINE, DateType, "by when; null for a transfer follow-up"),
          required(AS_OF, DateType, "the as_of of the decisions"),
          optional(
              DEPARTMENT,
              StringType,
              "FIX_ID: the department whose roster row has no usable ID; null for other actions"),
          optional(
              CANDIDATE_ID_NUMBER,
              StringType,
              "FIX_ID: the masked repair candidate, when there is one; null otherwise"),
          optional(SOURCE_FILE, StringType, "FIX_ID: the export of the row; null otherwise"),
          optional(LINE, LongType, "FIX_ID: its line or row; null otherwise"));

  private CoverageColumns() {}
}
