package org.daijiao.decide;

import static org.apache.spark.sql.types.DataTypes.BooleanType;
import static org.apache.spark.sql.types.DataTypes.DateType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.createArrayType;
import static org.daijiao.spark.ColumnSpec.optional;
import static org.daijiao.spark.ColumnSpec.required;

import org.apache.spark.sql.types.DataType;
import org.daijiao.ingest.clean.CleanColumns;
import org.daijiao.resolve.SilverColumns;
import org.daijiao.spark.ColumnSpec;
import org.daijiao.spark.TableContract;
import org.daijiao.spark.Tables;

/**
 * The contracts of the gold tables written from the decisions (SPEC §5): one row per person and
 * policy year, replaced year by year. Columns carried from silver keep their silver names.
 */
public final class GoldColumns {
  public static final String POLICY_YEAR = Tables.POLICY_YEAR;
  public static final String ID_NUMBER = SilverColumns.ID_NUMBER;
  public static final String NAME = SilverColumns.NAME;
  public static final String TOWNSHIP = SilverColumns.TOWNSHIP;
  public static final String VILLAGE = SilverColumns.VILLAGE;
  public static final String TOWNSHIP_CODE = SilverColumns.TOWNSHIP_CODE;
  public static final String VILLAGE_CODE = SilverColumns.VILLAGE_CODE;
  public static final String BIRTH_DATE = SilverColumns.BIRTH_DATE;
  public static final String HELD_CATEGORIES = "held_categories";
  public static final String ELIGIBLE = "eligible";
  public static final String CATEGORY = SilverColumns.CATEGORY;
  public static final String REASONS = "reasons";
  public static final String FIRST_ELIGIBLE_DATE = "first_eligible_date";
  public static final String IN_COVERAGE_TARGET = "in_coverage_target";
  public static final String INSURED = "insured";
  public static final String PAID = "paid";
  public static final String DEPARTMENT = "department";
  public static final String FUNDING_SOURCE = "funding_source";
  public static final String TIER = "tier";
  public static final String SUBSIDY_AMOUNT = "subsidy_amount";
  public static final String SELF_PAY_AMOUNT = "self_pay_amount";
  public static final String SELF_PAID_AMOUNT = "self_paid_amount";
  public static final String GOVERNMENT_PAID_AMOUNT = "government_paid_amount";
  public static final String MODE = "mode";
  public static final String BATCH = "batch";
  public static final String DEADLINE = "deadline";
  public static final String STATUS = "status";
  public static final String FLAGS = "flags";
  public static final String PENSION_AGE_DATE = "pension_age_date";
  public static final String REACHES_PENSION_AGE = "reaches_pension_age";
  public static final String AS_OF = "as_of";

  /** Text codes in an array, none null. */
  public static final DataType CODES = createArrayType(StringType, false);

  private static final ColumnSpec POLICY_YEAR_COLUMN =
      required(POLICY_YEAR, IntegerType, "the policy year Y decided (SPEC §2)");
  private static final ColumnSpec ID_NUMBER_COLUMN =
      required(ID_NUMBER, StringType, "the person's normalised ID number");
  private static final ColumnSpec NAME_COLUMN =
      optional(NAME, StringType, "the person's name (silver.persons)");
  private static final ColumnSpec TOWNSHIP_COLUMN =
      optional(TOWNSHIP, StringType, "where the person lives (Decision 9): township");
  private static final ColumnSpec VILLAGE_COLUMN =
      optional(VILLAGE, StringType, "where the person lives (Decision 9): village");
  private static final ColumnSpec AS_OF_COLUMN =
      required(AS_OF, DateType, "the run's reference date: W ends on min(Y-12-31, as_of)");
  private static final ColumnSpec TOWNSHIP_CODE_COLUMN =
      optional(TOWNSHIP_CODE, StringType, "official code of the township; null if unmatched");
  private static final ColumnSpec VILLAGE_CODE_COLUMN =
      optional(VILLAGE_CODE, StringType, "official code of the village; null if unmatched");

  /** {@code gold.eligibility}: one row per (policy_year, id_number) on any roster. */
  public static final TableContract ELIGIBILITY =
      TableContract.of(
          Tables.ELIGIBILITY,
          POLICY_YEAR_COLUMN,
          ID_NUMBER_COLUMN,
          NAME_COLUMN,
          TOWNSHIP_COLUMN,
          VILLAGE_COLUMN,
          required(HELD_CATEGORIES, CODES, "target categories held on some day of W, by priority"),
          required(ELIGIBLE, BooleanType, "代缴对象: qualifying days and no exclusion (SPEC §2.2)"),
          optional(
              CATEGORY,
              StringType,
              "resolved category (§2(一)); if not eligible the highest held; null when none"),
          required(
              REASONS, CODES, "why not eligible, in the order of SPEC §2.2; empty if eligible"),
          optional(FIRST_ELIGIBLE_DATE, DateType, "first qualifying day; null if not eligible"),
          required(IN_COVERAGE_TARGET, BooleanType, "has a qualifying day (SPEC §2.6 target)"),
          required(INSURED, BooleanType, "an ACTIVE, SUSPENDED or RECEIVING record (SPEC §2.6)"),
          required(PAID, BooleanType, "eligible and self_paid + government_paid ≥ tier"),
          AS_OF_COLUMN,
          TOWNSHIP_CODE_COLUMN,
          VILLAGE_CODE_COLUMN);

  /** {@code gold.subsidy_ledger}: one row per eligible person (SPEC §2.4, §2.5). */
  public static final TableContract SUBSIDY_LEDGER =
      TableContract.of(
          Tables.SUBSIDY_LEDGER,
          POLICY_YEAR_COLUMN,
          ID_NUMBER_COLUMN,
          NAME_COLUMN,
          TOWNSHIP_COLUMN,
          VILLAGE_COLUMN,
          required(CATEGORY, StringType, "the resolved category (§2(一))"),
          required(DEPARTMENT, StringType, "the certifying department that pays (§2(二))"),
          required(FUNDING_SOURCE, StringType, "where the department's money comes from"),
          required(TIER, CleanColumns.MONEY, "T: the tier the person chose, or L (SPEC §2.4)"),
          required(
              SUBSIDY_AMOUNT, CleanColumns.MONEY, "paid on the person's behalf: L or 70 % of L"),
          required(SELF_PAY_AMOUNT, CleanColumns.MONEY, "the person's own part: T − subsidy"),
          required(SELF_PAID_AMOUNT, CleanColumns.MONEY, "SELF payments for Y dated ≤ as_of"),
          required(
              GOVERNMENT_PAID_AMOUNT, CleanColumns.MONEY, "GOVERNMENT payments for Y, ≤ as_of"),
          required(MODE, StringType, "DIRECT (代缴) or POST_HOC_REFUND (事后补助)"),
          required(BATCH, StringType, "REGULAR (first qualifying day by the cut-off) or DYNAMIC"),
          required(FIRST_ELIGIBLE_DATE, DateType, "the first qualifying day"),
          required(DEADLINE, DateType, "by when the subsidy is settled (§2(二))"),
          required(STATUS, StringType, "the first open step of the 销号 checklist (SPEC §2.5)"),
          required(FLAGS, CODES, "TIER_DEFAULTED, TIER_CONFLICT: what a clerk should check"),
          AS_OF_COLUMN,
          TOWNSHIP_CODE_COLUMN,
          VILLAGE_CODE_COLUMN);

  /** {@code gold.reaching_pension_age}: §3(一) 达龄一个，发放一个. */
  public static final TableContract REACHING_PENSION_AGE =
      TableContract.of(
          Tables.REACHING_PENSION_AGE,
          POLICY_YEAR_COLUMN,
          ID_NUMBER_COLUMN,
          NAME_COLUMN,
          TOWNSHIP_COLUMN,
          VILLAGE_COLUMN,
          required(CATEGORY, StringType, "resolved or highest held target category"),
          required(BIRTH_DATE, DateType, "birth date read from the ID number"),
          required(PENSION_AGE_DATE, DateType, "the 60th birthday, which falls in W"),
          AS_OF_COLUMN,
          TOWNSHIP_CODE_COLUMN,
          VILLAGE_CODE_COLUMN);

  private GoldColumns() {}
}
