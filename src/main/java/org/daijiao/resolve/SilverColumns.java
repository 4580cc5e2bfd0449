package org.daijiao.resolve;

import static org.apache.spark.sql.types.DataTypes.BooleanType;
import static org.apache.spark.sql.types.DataTypes.DateType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.createArrayType;
import static org.daijiao.spark.ColumnSpec.optional;
import static org.daijiao.spark.ColumnSpec.required;

import org.daijiao.ingest.clean.CleanColumns;
import org.daijiao.repair.RepairColumns;
import org.daijiao.spark.ColumnNames;
import org.daijiao.spark.TableContract;
import org.daijiao.spark.Tables;

/**
 * The contracts of the silver tables (docs/development.md#table-contracts): one row per person or
 * per merged period, keyed by the normalised ID number. Columns that carry a parsed value unchanged
 * keep its name from {@link CleanColumns}.
 */
public final class SilverColumns {

  public static final String LOCATION_FLAGS = "location_flags";

  /** The start date of the record a merged period's place, file and line come from. */
  public static final String LATEST_RECORD_START = "latest_record_start";

  public static final String RECORDS = "records";

  /**
   * A person's roster rows that were read with a confirmed repair of their ID
   * (docs/inputs.md#id-repair).
   */
  public static final String ID_REPAIRS = "id_repairs";

  /** {@code silver.persons}: one row per valid ID on any roster. */
  public static final TableContract PERSONS =
      TableContract.of(
          Tables.PERSONS,
          "人员",
          "one row per valid ID number on any roster: name, birth date, sex and where the person lives (Decision 9)",
          required(
              ColumnNames.ID_NUMBER,
              StringType,
              "身份证号码",
              "normalised 18-character ID number: the person's key"),
          optional(
              ColumnNames.NAME,
              StringType,
              "姓名",
              "normalised name on the record that places the person"),
          required(ColumnNames.BIRTH_DATE, DateType, "出生日期", "birth date read from the ID number"),
          required(
              ColumnNames.SEX,
              StringType,
              "性别",
              "M or F, from the parity of the ID's 17th character"),
          optional(
              ColumnNames.TOWNSHIP,
              StringType,
              "乡镇（街道）",
              "township as written, or its official name if matched"),
          optional(
              ColumnNames.TOWNSHIP_CODE,
              StringType,
              "乡镇区划代码",
              "official division code of the township, if matched"),
          optional(
              ColumnNames.VILLAGE,
              StringType,
              "村（社区）",
              "village as written, or its official name if matched"),
          optional(
              ColumnNames.VILLAGE_CODE,
              StringType,
              "村（社区）区划代码",
              "official division code of the village, if matched"),
          required(
              LOCATION_FLAGS,
              createArrayType(StringType, false),
              "住址核查标记",
              "MISSING_TOWNSHIP, UNKNOWN_TOWNSHIP, UNKNOWN_VILLAGE when the place is not matched"),
          required(
              ColumnNames.SOURCES,
              createArrayType(StringType, false),
              "名单来源",
              "the roster sources the person is on, sorted"),
          required(
              ID_REPAIRS,
              createArrayType(RepairColumns.ID_REPAIR, false),
              "身份证号码更正记录",
              "rows read with a confirmed ID repair: source, file, line, the masked value they"
                  + " had (repaired_from) and the file that confirmed it; empty for most persons"));

  /** {@code silver.category_periods}: a person's records of one category, merged (Decision 7). */
  public static final TableContract CATEGORY_PERIODS =
      TableContract.of(
          Tables.CATEGORY_PERIODS,
          "困难类别期间",
          "a person's records of one category from one department, merged into periods (Decision 7)",
          required(ColumnNames.ID_NUMBER, StringType, "身份证号码", "the person's normalised ID number"),
          required(
              ColumnNames.CATEGORY,
              StringType,
              "人员类别",
              "category code: TEKUN, DIBAO, FANPIN, SEVERE_DISABILITY or a known non-target code"),
          required(
              ColumnNames.TARGET,
              BooleanType,
              "是否代缴目标类别",
              "true for the four target categories of docs/rules.md#target-categories"),
          required(
              ColumnNames.SOURCE,
              StringType,
              "认定部门来源",
              "the roster source (department) of the records"),
          required(ColumnNames.START_DATE, DateType, "开始日期", "first day of the merged period"),
          optional(
              ColumnNames.END_DATE,
              DateType,
              "结束日期",
              "last day of the merged period; null while ongoing"),
          optional(
              ColumnNames.TOWNSHIP,
              StringType,
              "乡镇（街道）",
              "township of the latest record existing at as_of"),
          optional(
              ColumnNames.VILLAGE,
              StringType,
              "村（社区）",
              "village of the latest record existing at as_of"),
          optional(ColumnNames.SOURCE_FILE, StringType, "来源文件", "file of that record"),
          optional(ColumnNames.LINE, LongType, "行号", "line or row of that record"),
          optional(
              LATEST_RECORD_START,
              DateType,
              "最新记录开始日期",
              "start of that record; null when every record of the period starts after as_of"),
          required(RECORDS, IntegerType, "合并记录数", "how many input rows the period merges"));

  /** {@code silver.exclusion_periods}: §1 student, military and prison periods, merged. */
  public static final TableContract EXCLUSION_PERIODS =
      TableContract.of(
          Tables.EXCLUSION_PERIODS,
          "排除期间",
          "student, military and prison periods (§1), merged",
          required(ColumnNames.ID_NUMBER, StringType, "身份证号码", "the person's normalised ID number"),
          required(ColumnNames.REASON, StringType, "排除类型", "STUDENT, MILITARY or PRISONER (§1)"),
          required(ColumnNames.START_DATE, DateType, "开始日期", "first day of the merged period"),
          optional(
              ColumnNames.END_DATE,
              DateType,
              "结束日期",
              "last day of the merged period; null while ongoing"),
          required(RECORDS, IntegerType, "合并记录数", "how many input rows the period merges"));

  /** {@code silver.enrollments}: the enrolment snapshot, one row per accepted record. */
  public static final TableContract ENROLLMENTS =
      TableContract.of(
          Tables.ENROLLMENTS,
          "参保登记",
          "the pension enrolment snapshot: one row per accepted record",
          required(ColumnNames.ID_NUMBER, StringType, "身份证号码", "the person's normalised ID number"),
          optional(ColumnNames.NAME, StringType, "姓名", "normalised name as exported"),
          required(ColumnNames.SCHEME, StringType, "险种", "RESIDENT or EMPLOYEE pension"),
          required(
              ColumnNames.REGION_CODE,
              StringType,
              "参保地区划代码",
              "6-digit division code of the place of enrolment"),
          required(
              ColumnNames.STATUS, StringType, "参保状态", "ACTIVE, SUSPENDED, TERMINATED or RECEIVING"),
          optional(
              ColumnNames.TIER,
              CleanColumns.MONEY,
              "缴费档次",
              "chosen tier in yuan; null when missing or unreadable"),
          optional(ColumnNames.TIER_RAW, StringType, "缴费档次（原值）", "the tier cell as exported"),
          optional(
              ColumnNames.PERSON_NUMBER,
              StringType,
              "个人编号",
              "the insurance centre's person number, as exported"),
          required(
              ColumnNames.SOURCE_FILE, StringType, "来源文件", "<source>/<file name> of the export"),
          required(ColumnNames.LINE, LongType, "行号", "line or row in that file"));

  /** {@code silver.payments}: the tax bureau's contributions, each payment once. */
  public static final TableContract PAYMENTS =
      TableContract.of(
          Tables.PAYMENTS,
          "缴费记录",
          "the tax bureau's contributions, each payment once (Decision 8)",
          required(ColumnNames.ID_NUMBER, StringType, "身份证号码", "the person's normalised ID number"),
          optional(ColumnNames.NAME, StringType, "姓名", "normalised name as exported"),
          required(
              ColumnNames.PAYMENT_YEAR,
              IntegerType,
              "费款所属期",
              "the year the payment is for (费款所属期)"),
          required(ColumnNames.AMOUNT, CleanColumns.MONEY, "缴费金额", "yuan; negative for a refund"),
          required(ColumnNames.PAID_DATE, DateType, "缴费日期", "the day it was paid"),
          required(
              ColumnNames.PAYER_TYPE,
              StringType,
              "缴费类型",
              "SELF (the person) or GOVERNMENT (a department)"),
          required(
              ColumnNames.SOURCE_FILE, StringType, "来源文件", "<source>/<file name> of the export"),
          required(ColumnNames.LINE, LongType, "行号", "line or row in that file"));

  private SilverColumns() {}
}
