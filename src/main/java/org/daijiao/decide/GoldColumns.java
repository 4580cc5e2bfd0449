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
import org.daijiao.spark.ColumnNames;
import org.daijiao.spark.ColumnSpec;
import org.daijiao.spark.TableContract;
import org.daijiao.spark.Tables;

/**
 * The contracts of the gold tables written from the decisions
 * (docs/development.md#table-contracts): one row per person and policy year, replaced year by year.
 * Columns carried from silver keep their silver names.
 */
public final class GoldColumns {
  public static final String HELD_CATEGORIES = "held_categories";
  public static final String ELIGIBLE = "eligible";
  public static final String REASONS = "reasons";
  public static final String FIRST_ELIGIBLE_DATE = "first_eligible_date";
  public static final String IN_COVERAGE_TARGET = "in_coverage_target";
  public static final String PAID = "paid";
  public static final String SELF_PAY_AMOUNT = "self_pay_amount";
  public static final String SELF_PAID_AMOUNT = "self_paid_amount";
  public static final String GOVERNMENT_PAID_AMOUNT = "government_paid_amount";
  public static final String FLAGS = "flags";
  public static final String REACHES_PENSION_AGE = "reaches_pension_age";

  /** Text codes in an array, none null. */
  public static final DataType CODES = createArrayType(StringType, false);

  private static final ColumnSpec POLICY_YEAR_COLUMN =
      required(
          ColumnNames.POLICY_YEAR,
          IntegerType,
          "政策年度",
          "the policy year Y decided (docs/rules.md#window)");
  private static final ColumnSpec ID_NUMBER_COLUMN =
      required(ColumnNames.ID_NUMBER, StringType, "身份证号码", "the person's normalised ID number");
  private static final ColumnSpec NAME_COLUMN =
      optional(ColumnNames.NAME, StringType, "姓名", "the person's name (silver.persons)");
  private static final ColumnSpec TOWNSHIP_COLUMN =
      optional(
          ColumnNames.TOWNSHIP,
          StringType,
          "乡镇（街道）",
          "where the person lives (Decision 9): township");
  private static final ColumnSpec VILLAGE_COLUMN =
      optional(
          ColumnNames.VILLAGE, StringType, "村（社区）", "where the person lives (Decision 9): village");
  private static final ColumnSpec AS_OF_COLUMN =
      required(
          ColumnNames.AS_OF,
          DateType,
          "数据截止日期",
          "the run's reference date: W ends on min(Y-12-31, as_of)");
  private static final ColumnSpec TOWNSHIP_CODE_COLUMN =
      optional(
          ColumnNames.TOWNSHIP_CODE,
          StringType,
          "乡镇区划代码",
          "official code of the township; null if unmatched");
  private static final ColumnSpec VILLAGE_CODE_COLUMN =
      optional(
          ColumnNames.VILLAGE_CODE,
          StringType,
          "村（社区）区划代码",
          "official code of the village; null if unmatched");

  /** {@code gold.eligibility}: one row per (policy_year, id_number) on any roster. */
  public static final TableContract ELIGIBILITY =
      TableContract.of(
          Tables.ELIGIBILITY,
          "代缴资格认定",
          "one row per person on any roster and policy year: eligible or not, and why (docs/rules.md#reason-codes)",
          POLICY_YEAR_COLUMN,
          ID_NUMBER_COLUMN,
          NAME_COLUMN,
          TOWNSHIP_COLUMN,
          VILLAGE_COLUMN,
          required(
              HELD_CATEGORIES,
              CODES,
              "持有的困难类别",
              "target categories held on some day of W, by priority"),
          required(
              ELIGIBLE,
              BooleanType,
              "是否代缴对象",
              "代缴对象: qualifying days and no exclusion (docs/rules.md#qualifying-days)"),
          optional(
              ColumnNames.CATEGORY,
              StringType,
              "认定类别",
              "resolved category (§2(一)); if not eligible the highest held; null when none"),
          required(
              REASONS,
              CODES,
              "不予代缴原因",
              "why not eligible, in the order of docs/rules.md#reason-codes; empty if eligible"),
          optional(
              FIRST_ELIGIBLE_DATE,
              DateType,
              "首次符合条件日期",
              "first qualifying day; null if not eligible"),
          required(
              IN_COVERAGE_TARGET,
              BooleanType,
              "是否应参保对象",
              "has a qualifying day (docs/rules.md#coverage-target)"),
          required(
              ColumnNames.INSURED,
              BooleanType,
              "是否已参保",
              "an ACTIVE, SUSPENDED or RECEIVING record (docs/rules.md#coverage-target)"),
          required(PAID, BooleanType, "是否已缴足", "eligible and self_paid + government_paid ≥ tier"),
          AS_OF_COLUMN,
          TOWNSHIP_CODE_COLUMN,
          VILLAGE_CODE_COLUMN);

  /** {@code gold.subsidy_ledger}: one row per eligible person (docs/rules.md#money). */
  public static final TableContract SUBSIDY_LEDGER =
      TableContract.of(
          Tables.SUBSIDY_LEDGER,
          "代缴台账",
          "one row per eligible person and policy year: amounts, department, mode, batch, status (docs/rules.md#money)",
          POLICY_YEAR_COLUMN,
          ID_NUMBER_COLUMN,
          NAME_COLUMN,
          TOWNSHIP_COLUMN,
          VILLAGE_COLUMN,
          required(ColumnNames.CATEGORY, StringType, "代缴类别", "the resolved category (§2(一))"),
          required(
              ColumnNames.DEPARTMENT,
              StringType,
              "认定部门",
              "the certifying department that pays (§2(二))"),
          required(
              ColumnNames.FUNDING_SOURCE,
              StringType,
              "资金来源",
              "where the department's money comes from"),
          required(
              ColumnNames.TIER,
              CleanColumns.MONEY,
              "缴费档次",
              "T: the tier the person chose, or L (docs/rules.md#chosen-tier)"),
          required(
              ColumnNames.SUBSIDY_AMOUNT,
              CleanColumns.MONEY,
              "代缴补助金额",
              "paid on the person's behalf: L or 70 % of L"),
          required(
              SELF_PAY_AMOUNT, CleanColumns.MONEY, "个人应缴金额", "the person's own part: T − subsidy"),
          required(
              SELF_PAID_AMOUNT, CleanColumns.MONEY, "个人已缴金额", "SELF payments for Y dated ≤ as_of"),
          required(
              GOVERNMENT_PAID_AMOUNT,
              CleanColumns.MONEY,
              "政府已代缴金额",
              "GOVERNMENT payments for Y, ≤ as_of"),
          required(ColumnNames.MODE, StringType, "代缴方式", "DIRECT (代缴) or POST_HOC_REFUND (事后补助)"),
          required(
              ColumnNames.BATCH,
              StringType,
              "代缴批次",
              "REGULAR (first qualifying day by the cut-off) or DYNAMIC"),
          required(FIRST_ELIGIBLE_DATE, DateType, "首次符合条件日期", "the first qualifying day"),
          required(
              ColumnNames.DEADLINE, DateType, "办结时限", "by when the subsidy is settled (§2(二))"),
          required(
              ColumnNames.STATUS,
              StringType,
              "办理状态（销号）",
              "the first open step of the 销号 checklist (docs/rules.md#status)"),
          required(
              FLAGS, CODES, "核查标记", "TIER_DEFAULTED, TIER_CONFLICT: what a clerk should check"),
          AS_OF_COLUMN,
          TOWNSHIP_CODE_COLUMN,
          VILLAGE_CODE_COLUMN);

  /** {@code gold.reaching_pension_age}: §3(一) 达龄一个，发放一个. */
  public static final TableContract REACHING_PENSION_AGE =
      TableContract.of(
          Tables.REACHING_PENSION_AGE,
          "达龄人员",
          "persons of a target category whose 60th birthday falls in the policy year: 达龄一个，发放一个 (§3(一))",
          POLICY_YEAR_COLUMN,
          ID_NUMBER_COLUMN,
          NAME_COLUMN,
          TOWNSHIP_COLUMN,
          VILLAGE_COLUMN,
          required(
              ColumnNames.CATEGORY, StringType, "困难类别", "resolved or highest held target category"),
          required(ColumnNames.BIRTH_DATE, DateType, "出生日期", "birth date read from the ID number"),
          required(
              ColumnNames.PENSION_AGE_DATE,
              DateType,
              "年满60周岁日期",
              "the 60th birthday, which falls in W"),
          AS_OF_COLUMN,
          TOWNSHIP_CODE_COLUMN,
          VILLAGE_CODE_COLUMN);

  private GoldColumns() {}
}
