package org.daijiao.coverage;

import static org.apache.spark.sql.types.DataTypes.BooleanType;
import static org.apache.spark.sql.types.DataTypes.DateType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.daijiao.spark.ColumnSpec.optional;
import static org.daijiao.spark.ColumnSpec.required;

import java.util.ArrayList;
import java.util.List;
import org.daijiao.spark.ColumnNames;
import org.daijiao.spark.ColumnSpec;
import org.daijiao.spark.TableContract;
import org.daijiao.spark.TableName;
import org.daijiao.spark.Tables;

/**
 * The contracts of the month-by-month tables (docs/rules.md#month-by-month): three history tables
 * that keep, for every as_of recorded for a policy year, the rows a run at that as_of wrote, and
 * two tables derived from the history tables alone, so that they are the same whatever order the
 * runs came in. A run replaces only the rows of its own (policy_year, as_of).
 */
public final class HistoryColumns {

  /** worklist_history: the person's full ID number beside the work list's masked one. */
  public static final String PERSON_ID_NUMBER = "person_id_number";

  /** target_history: a county resident pension record in status RECEIVING. */
  public static final String RECEIVING_PENSION = "receiving_pension";

  public static final String OPENED_AS_OF = "opened_as_of";
  public static final String CLOSED_AS_OF = "closed_as_of";
  public static final String RESOLUTION = "resolution";

  public static final String OPEN_ACTIONS = "open_actions";
  public static final String OPENED_ACTIONS = "opened_actions";
  public static final String CLOSED_ACTIONS = "closed_actions";
  public static final String NEW_TARGET_PERSONS = "new_target_persons";
  public static final String NEW_TARGET_INSURED = "new_target_insured";
  public static final String REACHED_60 = "reached_60";
  public static final String REACHED_60_RECEIVING = "reached_60_receiving";

  /** {@code gold.coverage_history}: the rows of gold.coverage_stats, for every recorded as_of. */
  public static final TableContract COVERAGE_HISTORY =
      renamed(
          CoverageColumns.COVERAGE_STATS,
          Tables.COVERAGE_HISTORY,
          "参保率统计（按月）",
          "the rows of gold.coverage_stats for every as_of recorded for the policy year"
              + " (docs/rules.md#month-by-month); counts and sums only",
          List.of());

  /**
   * {@code gold.worklist_history}: the rows of gold.worklist for every recorded as_of, with the
   * person's full ID number.
   */
  public static final TableContract WORKLIST_HISTORY =
      renamed(
          CoverageColumns.WORKLIST,
          Tables.WORKLIST_HISTORY,
          "村级工作清单（按月）",
          "the rows of gold.worklist for every as_of recorded for the policy year, with the"
              + " person's full ID number (docs/rules.md#month-by-month)",
          List.of(
              optional(
                  PERSON_ID_NUMBER,
                  StringType,
                  "身份证号码",
                  "the person's full ID number (as in gold.eligibility); null for FIX_ID")));

  /** {@code gold.target_history}: the coverage target, one row per person and recorded as_of. */
  public static final TableContract TARGET_HISTORY =
      TableContract.of(
          Tables.TARGET_HISTORY,
          "应参保对象（按月）",
          "every person in the coverage target at every as_of recorded for the policy year, where"
              + " they live, insured or not, their 60th birthday and whether they receive the pension"
              + " (docs/rules.md#month-by-month)",
          required(ColumnNames.POLICY_YEAR, IntegerType, "政策年度", "the policy year Y"),
          required(ColumnNames.AS_OF, DateType, "数据截止日期", "the as_of of the run"),
          required(ColumnNames.ID_NUMBER, StringType, "身份证号码", "the person's normalised ID number"),
          optional(ColumnNames.NAME, StringType, "姓名", "the person's name"),
          // The person's place, as the work list writes it.
          CoverageColumns.WORKLIST.column(ColumnNames.TOWNSHIP),
          CoverageColumns.WORKLIST.column(ColumnNames.TOWNSHIP_CODE),
          CoverageColumns.WORKLIST.column(ColumnNames.VILLAGE),
          CoverageColumns.WORKLIST.column(ColumnNames.VILLAGE_CODE),
          optional(
              ColumnNames.CATEGORY,
              StringType,
              "人员类别",
              "the person's category (as in gold.coverage_stats)"),
          required(
              ColumnNames.INSURED,
              BooleanType,
              "是否已参保",
              "as gold.eligibility.insured at that as_of"),
          optional(
              ColumnNames.PENSION_AGE_DATE,
              DateType,
              "年满60周岁日期",
              "the 60th birthday, from the ID number; null when the ID holds no valid date"),
          required(
              RECEIVING_PENSION,
              BooleanType,
              "是否已领取养老金",
              "a county resident pension record in status RECEIVING in that as_of's export"));

  /** {@code gold.action_log}: 销号 — each work-list action, when it opened and when it closed. */
  public static final TableContract ACTION_LOG =
      TableContract.of(
          Tables.ACTION_LOG,
          "销号台账",
          "one row per person, action, place and unbroken stretch of recorded as_ofs in which the"
              + " action stood on the work list: when it opened, when it closed and how"
              + " (docs/rules.md#month-by-month); derived from the history tables alone",
          required(ColumnNames.POLICY_YEAR, IntegerType, "政策年度", "the policy year Y"),
          required(
              ColumnNames.ID_NUMBER,
              StringType,
              "身份证号码",
              "the person's full ID number; FIX_ID: the value as exported (masked)"),
          optional(
              ColumnNames.NAME, StringType, "姓名", "the name at the last as_of the action was open"),
          required(ColumnNames.TOWNSHIP, StringType, "乡镇（街道）", "the township of the work list row"),
          required(ColumnNames.VILLAGE, StringType, "村（社区）", "the village of the work list row"),
          required(
              ColumnNames.CATEGORY,
              StringType,
              "人员类别",
              "the category at the last as_of it was open"),
          required(ColumnNames.ACTION, StringType, "待办事项", "the action (WorklistAction)"),
          optional(
              ColumnNames.DEPARTMENT,
              StringType,
              "名单来源部门",
              "FIX_ID: the department whose roster row has no usable ID; null otherwise"),
          required(
              OPENED_AS_OF,
              DateType,
              "立项日期",
              "the first recorded as_of of the unbroken stretch in which the action was open"),
          optional(
              CLOSED_AS_OF,
              DateType,
              "销号日期",
              "the first later recorded as_of at which it is no longer open; null while open"),
          optional(
              RESOLUTION,
              StringType,
              "销号结果",
              "DONE (still in the coverage target there) or NO_LONGER_DUE; null while open"));

  /** {@code gold.monthly_progress}: 动态清零 month by month, per place. */
  public static final TableContract MONTHLY_PROGRESS =
      TableContract.of(
          Tables.MONTHLY_PROGRESS,
          "月度进展",
          "per recorded as_of and county, township and village: the target, the insured, the work"
              + " list's open, opened and closed actions, the new target persons and those who"
              + " reached 60 (docs/rules.md#month-by-month); counts only",
          required(ColumnNames.POLICY_YEAR, IntegerType, "政策年度", "the policy year Y"),
          required(ColumnNames.AS_OF, DateType, "数据截止日期", "the recorded as_of"),
          required(ColumnNames.LEVEL, StringType, "统计层级", "COUNTY, TOWNSHIP or VILLAGE"),
          optional(ColumnNames.TOWNSHIP, StringType, "乡镇（街道）", "the township; null for COUNTY"),
          optional(ColumnNames.VILLAGE, StringType, "村（社区）", "the village; null above VILLAGE"),
          required(ColumnNames.TARGET_PERSONS, LongType, "应参保人数", "persons in the coverage target"),
          required(ColumnNames.INSURED_PERSONS, LongType, "已参保人数", "of them, insured"),
          optional(
              ColumnNames.INSURED_RATE,
              CoverageColumns.RATE,
              "参保率",
              "insured / target; null when empty"),
          required(OPEN_ACTIONS, LongType, "待办事项数", "actions on the work list at as_of"),
          optional(
              OPENED_ACTIONS,
              LongType,
              "新增事项数",
              "actions opened since the previous recorded as_of; null at the first"),
          optional(
              CLOSED_ACTIONS,
              LongType,
              "销号事项数",
              "actions closed since the previous recorded as_of; null at the first"),
          optional(
              NEW_TARGET_PERSONS,
              LongType,
              "新增应参保人数",
              "in the target at as_of, not at the previous recorded as_of; null at the first"),
          optional(
              NEW_TARGET_INSURED,
              LongType,
              "新增已参保人数",
              "of them, insured at as_of; null at the first"),
          required(
              REACHED_60,
              LongType,
              "新达龄人数",
              "target persons whose 60th birthday falls after the previous recorded as_of (the"
                  + " first: since the year began) and on or before as_of"),
          required(
              REACHED_60_RECEIVING,
              LongType,
              "新达龄已领取人数",
              "of them, with a county resident pension record in status RECEIVING"));

  private HistoryColumns() {}

  /** Another table with the columns of {@code of}, and {@code extra} after them. */
  private static TableContract renamed(
      TableContract of, TableName table, String term, String meaning, List<ColumnSpec> extra) {
    List<ColumnSpec> columns = new ArrayList<>(of.columns());
    columns.addAll(extra);
    return new TableContract(table, term, meaning, columns);
  }
}
