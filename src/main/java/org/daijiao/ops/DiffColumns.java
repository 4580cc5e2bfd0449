package org.daijiao.ops;

import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.createArrayType;
import static org.daijiao.spark.ColumnSpec.optional;
import static org.daijiao.spark.ColumnSpec.required;

import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.daijiao.coverage.CoverageColumns;
import org.daijiao.ingest.clean.CleanColumns;
import org.daijiao.spark.ColumnNames;
import org.daijiao.spark.ColumnSpec;

/**
 * The columns of {@code daijiao diff}'s two results (not tables): the ledger's persons who entered,
 * left or changed between two runs, and each township's coverage in both. The ledger changes hold
 * full IDs and names (the data team's CSV); the printed table masks the ID and leaves the name out.
 */
public final class DiffColumns {
  public static final String CHANGE = "change";
  public static final String CHANGED = "changed";
  public static final String CATEGORY_FROM = "category_from";
  public static final String CATEGORY_TO = "category_to";
  public static final String STATUS_FROM = "status_from";
  public static final String STATUS_TO = "status_to";
  public static final String SUBSIDY_FROM = "subsidy_from";
  public static final String SUBSIDY_TO = "subsidy_to";
  public static final String BATCH_FROM = "batch_from";
  public static final String BATCH_TO = "batch_to";
  public static final String REASONS_TO = "reasons_to";

  public static final String TARGET_FROM = "target_from";
  public static final String TARGET_TO = "target_to";
  public static final String INSURED_FROM = "insured_from";
  public static final String INSURED_TO = "insured_to";
  public static final String RATE_FROM = "insured_rate_from";
  public static final String RATE_TO = "insured_rate_to";
  public static final String RATE_CHANGE = "insured_rate_change";
  public static final String ENTERED = "entered";
  public static final String LEFT = "left";

  /** What happened to a person between the two runs. */
  public enum Change {
    /** In the later ledger only: newly eligible (即进立保: enrol and pay by the deadline). */
    ENTERED,
    /** In the earlier ledger only: no longer eligible (reasons_to says why). */
    LEFT,
    /** In both, with another category, status, subsidy or batch. */
    CHANGED
  }

  /** The ledger's changes, one row per person. */
  public static final StructType LEDGER_CHANGES =
      struct(
          required(CHANGE, StringType, "变动", "ENTERED, LEFT or CHANGED"),
          required(ColumnNames.ID_NUMBER, StringType, "身份证号码", "the person's ID number"),
          optional(
              ColumnNames.NAME,
              StringType,
              "姓名",
              "the person's name (the later ledger's, else the earlier)"),
          optional(
              ColumnNames.TOWNSHIP,
              StringType,
              "乡镇（街道）",
              "township (the later ledger's, else the earlier)"),
          optional(
              ColumnNames.VILLAGE,
              StringType,
              "村（社区）",
              "village (the later ledger's, else the earlier)"),
          required(
              CHANGED,
              createArrayType(StringType, false),
              "变动项",
              "what changed: category, status, subsidy_amount, batch (empty: entered or left)"),
          optional(CATEGORY_FROM, StringType, "原人员类别", "category in the earlier ledger"),
          optional(CATEGORY_TO, StringType, "现人员类别", "category in the later ledger"),
          optional(STATUS_FROM, StringType, "原状态", "status in the earlier ledger"),
          optional(STATUS_TO, StringType, "现状态", "status in the later ledger"),
          optional(SUBSIDY_FROM, CleanColumns.MONEY, "原代缴金额", "subsidy in the earlier ledger"),
          optional(SUBSIDY_TO, CleanColumns.MONEY, "现代缴金额", "subsidy in the later ledger"),
          optional(BATCH_FROM, StringType, "原批次", "batch in the earlier ledger"),
          optional(BATCH_TO, StringType, "现批次", "batch in the later ledger"),
          optional(
              REASONS_TO,
              createArrayType(StringType, false),
              "不符合原因",
              "for LEFT: why not eligible at the later run; null when on no roster any more"));

  /** Coverage of the county and each township in both runs (category ALL). */
  public static final StructType TOWNSHIP_COVERAGE =
      struct(
          required(ColumnNames.LEVEL, StringType, "统计层级", "COUNTY or TOWNSHIP"),
          optional(ColumnNames.TOWNSHIP, StringType, "乡镇（街道）", "the township; null for COUNTY"),
          optional(TARGET_FROM, LongType, "原应参保人数", "coverage target, earlier run"),
          optional(TARGET_TO, LongType, "现应参保人数", "coverage target, later run"),
          optional(INSURED_FROM, LongType, "原已参保人数", "insured, earlier run"),
          optional(INSURED_TO, LongType, "现已参保人数", "insured, later run"),
          optional(RATE_FROM, CoverageColumns.RATE, "原参保率", "insured rate, earlier run"),
          optional(RATE_TO, CoverageColumns.RATE, "现参保率", "insured rate, later run"),
          optional(RATE_CHANGE, CoverageColumns.RATE, "参保率变化", "later − earlier rate"),
          required(ENTERED, LongType, "新增人数", "persons who entered the ledger"),
          required(LEFT, LongType, "退出人数", "persons who left the ledger"));

  private DiffColumns() {}

  private static StructType struct(ColumnSpec... fields) {
    return new StructType(
        java.util.Arrays.stream(fields).map(ColumnSpec::field).toArray(StructField[]::new));
  }
}
