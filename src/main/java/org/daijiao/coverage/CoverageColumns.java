package org.daijiao.coverage;

import static org.apache.spark.sql.types.DataTypes.DateType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.daijiao.spark.ColumnSpec.optional;
import static org.daijiao.spark.ColumnSpec.required;

import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DecimalType;
import org.daijiao.ingest.clean.CleanColumns;
import org.daijiao.spark.ColumnNames;
import org.daijiao.spark.TableContract;
import org.daijiao.spark.Tables;

/**
 * The contracts of the gold tables written from the decisions of a year (docs/rules.md#coverage,
 * docs/development.md#table-contracts): coverage statistics and funding requests hold counts and
 * sums only; the work list holds masked IDs. Columns carried from the decision tables keep their
 * names.
 */
public final class CoverageColumns {
  public static final String ELIGIBLE_PERSONS = "eligible_persons";
  public static final String PAID_PERSONS = "paid_persons";
  public static final String PAID_RATE = "paid_rate";
  public static final String PERSONS = "persons";

  /**
   * docs/inputs.md#id-repair: roster rows without a usable ID number, so that a 100 % rate cannot
   * hide them.
   */
  public static final String UNRESOLVED_ROSTER_ROWS = "unresolved_roster_rows";

  /** Rates are fractions with 4 decimals (0.9732). */
  public static final DecimalType RATE = DataTypes.createDecimalType(7, 4);

  /** {@code gold.coverage_stats}: 参保率 by level and category (docs/rules.md#coverage-statistics). */
  public static final TableContract COVERAGE_STATS =
      TableContract.of(
          Tables.COVERAGE_STATS,
          "参保率统计",
          "persons in the coverage target, insured, eligible and paid, by county, township and village and by category (docs/rules.md#coverage-statistics); counts and sums only",
          required(ColumnNames.POLICY_YEAR, IntegerType, "政策年度", "the policy year Y"),
          required(ColumnNames.LEVEL, StringType, "统计层级", "COUNTY, TOWNSHIP or VILLAGE"),
          optional(
              ColumnNames.TOWNSHIP,
              StringType,
              "乡镇（街道）",
              "the township (UNKNOWN when missing); null for COUNTY"),
          optional(
              ColumnNames.VILLAGE,
              StringType,
              "村（社区）",
              "the village (UNKNOWN when missing); null above VILLAGE"),
          required(
              ColumnNames.CATEGORY,
              StringType,
              "人员类别",
              "the person's category (resolved or highest held), or ALL"),
          required(ColumnNames.TARGET_PERSONS, LongType, "应参保人数", "persons in the coverage target"),
          required(
              ColumnNames.INSURED_PERSONS,
              LongType,
              "已参保人数",
              "of them, insured in any scheme and region"),
          optional(
              ColumnNames.INSURED_RATE,
              RATE,
              "参保率",
              "insured / target; null when the target is empty"),
          required(ELIGIBLE_PERSONS, LongType, "代缴对象人数", "of them, eligible for the subsidy"),
          required(PAID_PERSONS, LongType, "已缴足人数", "of them, eligible with the year fully paid"),
          optional(PAID_RATE, RATE, "缴足率", "paid / target; null when the target is empty"),
          required(
              ColumnNames.SUBSIDY_AMOUNT,
              CleanColumns.MONEY,
              "代缴补助金额",
              "the subsidies of the ledger rows, yuan"),
          required(ColumnNames.AS_OF, DateType, "数据截止日期", "the as_of of the decisions"),
          required(
              UNRESOLVED_ROSTER_ROWS,
              LongType,
              "身份证号码待核实名单行数",
              "roster rows of the place (and category) with no usable ID number, not in the target"
                  + " (their persons are unknown until the ID is fixed: work-list action FIX_ID)"));

  /** {@code gold.department_funding}: what each department asks the finance bureau for. */
  public static final TableContract DEPARTMENT_FUNDING =
      TableContract.of(
          Tables.DEPARTMENT_FUNDING,
          "部门资金申请",
          "what each certifying department asks the finance bureau for, by funding source, batch and mode (§2(二)); counts and sums only",
          required(ColumnNames.POLICY_YEAR, IntegerType, "政策年度", "the policy year Y"),
          required(ColumnNames.DEPARTMENT, StringType, "认定部门", "the certifying department (§2(二))"),
          required(ColumnNames.FUNDING_SOURCE, StringType, "资金来源", "where its money comes from"),
          required(ColumnNames.BATCH, StringType, "代缴批次", "REGULAR or DYNAMIC"),
          required(ColumnNames.MODE, StringType, "代缴方式", "DIRECT or POST_HOC_REFUND"),
          required(PERSONS, LongType, "人数", "ledger rows"),
          required(
              ColumnNames.SUBSIDY_AMOUNT, CleanColumns.MONEY, "代缴补助金额", "their subsidies, yuan"),
          required(ColumnNames.AS_OF, DateType, "数据截止日期", "the as_of of the decisions"));

  /**
   * {@code gold.worklist}: per township and village, every person with an open action, and every
   * roster row whose ID number must be checked on the ID card (FIX_ID).
   */
  public static final TableContract WORKLIST =
      TableContract.of(
          Tables.WORKLIST,
          "村级工作清单（销号管理）",
          "every open action per township and village: enrol, pay, refund, transfer follow-up, reaching pension age (§3), and roster rows whose ID number must be checked (FIX_ID); IDs masked",
          required(ColumnNames.POLICY_YEAR, IntegerType, "政策年度", "the policy year Y"),
          required(
              ColumnNames.TOWNSHIP,
              StringType,
              "乡镇（街道）",
              "the person's township (UNKNOWN when missing)"),
          optional(
              ColumnNames.TOWNSHIP_CODE,
              StringType,
              "乡镇区划代码",
              "its official code; null if unmatched"),
          required(
              ColumnNames.VILLAGE,
              StringType,
              "村（社区）",
              "the person's village (UNKNOWN when missing)"),
          optional(
              ColumnNames.VILLAGE_CODE,
              StringType,
              "村（社区）区划代码",
              "its official code; null if unmatched"),
          required(
              ColumnNames.ID_NUMBER, StringType, "身份证号码（脱敏）", "the masked ID (500243********123X)"),
          optional(
              ColumnNames.NAME,
              StringType,
              "姓名",
              "the name, so that the village clerk finds the person"),
          required(ColumnNames.CATEGORY, StringType, "人员类别", "the person's category"),
          required(ColumnNames.ACTION, StringType, "待办事项", "the open action (WorklistAction)"),
          optional(
              ColumnNames.AMOUNT,
              CleanColumns.MONEY,
              "金额",
              "yuan still to pay or to refund; null otherwise"),
          optional(
              ColumnNames.DEADLINE, DateType, "办结时限", "by when; null for a transfer follow-up"),
          required(ColumnNames.AS_OF, DateType, "数据截止日期", "the as_of of the decisions"),
          optional(
              ColumnNames.DEPARTMENT,
              StringType,
              "名单来源部门",
              "FIX_ID: the department whose roster row has no usable ID; null for other actions"),
          optional(
              ColumnNames.CANDIDATE_ID_NUMBER,
              StringType,
              "候选身份证号码（脱敏）",
              "FIX_ID: the masked repair candidate, when there is one; null otherwise"),
          optional(
              ColumnNames.SOURCE_FILE,
              StringType,
              "来源文件",
              "FIX_ID: the export of the row; null otherwise"),
          optional(ColumnNames.LINE, LongType, "行号", "FIX_ID: its line or row; null otherwise"));

  private CoverageColumns() {}
}
