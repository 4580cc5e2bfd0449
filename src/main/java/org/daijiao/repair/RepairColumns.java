package org.daijiao.repair;

import static org.apache.spark.sql.types.DataTypes.BooleanType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.createArrayType;
import static org.daijiao.spark.ColumnSpec.optional;
import static org.daijiao.spark.ColumnSpec.required;

import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.StructType;
import org.daijiao.spark.ColumnNames;
import org.daijiao.spark.TableContract;
import org.daijiao.spark.Tables;

/**
 * The contract of {@code quality.id_repair_candidates} (docs/inputs.md#id-repair) and the rows the
 * repair stages pass between them. The table is the data team's: it holds full candidate ID numbers
 * and names.
 */
public final class RepairColumns {
  public static final String EDIT = "edit";
  public static final String EVIDENCE = "evidence";
  public static final String CONFIDENCE = "confidence";
  public static final String CANDIDATE_SOURCES = "candidate_sources";
  public static final String CONFIRMED_IN = "confirmed_in";
  public static final String ID_NUMBER_AS_WRITTEN = "id_number_as_written";

  /** Working columns of a rejected row: never written to a table. */
  public static final String RAW_ID = "raw_id";

  public static final String SEARCHED = "searched";
  public static final String NAME_KEY = "name_key";
  public static final String CERTIFICATE_ID = "certificate_id";

  /**
   * The source a candidate is known from when a rejected disability row's own certificate number
   * holds it (docs/rules.md#disability-certificate: the certificate is the ID + two digits).
   */
  public static final String CERTIFICATE_SOURCE = "disability_certificate";

  public static final String REPAIRED_FROM = "repaired_from";

  private static final ArrayType CODES = createArrayType(StringType, false);

  /**
   * {@code quality.id_repair_candidates}: one row per repair candidate of every roster row rejected
   * for its ID number, one NONE row for a row without a candidate.
   */
  public static final TableContract ID_REPAIR_CANDIDATES =
      TableContract.of(
          Tables.ID_REPAIR_CANDIDATES,
          "身份证号码更正候选",
          "for every roster row rejected for its ID number, the valid IDs of the run one typing error"
              + " away, with the evidence for each (docs/inputs.md#id-repair); a NONE row when there is none",
          required(
              ColumnNames.SOURCE,
              StringType,
              "名单来源",
              "the roster source of the rejected row (civil_affairs …)"),
          required(
              ColumnNames.SOURCE_FILE, StringType, "来源文件", "<source>/<file name> of the export"),
          required(
              ColumnNames.LINE, LongType, "行号", "line (CSV) or row (XLSX) of the rejected row"),
          required(
              ColumnNames.REASON,
              StringType,
              "拒收原因",
              "its reject reason (ID_…, CERTIFICATE_INVALID)"),
          optional(
              ColumnNames.CANDIDATE_ID_NUMBER,
              StringType,
              "候选身份证号码",
              "a valid ID known to the run one typing error away; null on a NONE row"),
          optional(
              EDIT,
              StringType,
              "差错类型",
              "the error that turns the candidate into what was exported: SUBSTITUTION,"
                  + " TRANSPOSITION, DELETION, INSERTION or CHECK_CHARACTER; null on a NONE row"),
          required(
              EVIDENCE,
              CODES,
              "佐证",
              "what speaks for the candidate: NAME, TOWNSHIP, VILLAGE, SEX, SOURCES"),
          required(
              CONFIDENCE,
              StringType,
              "可信程度",
              "of the rejected row: UNIQUE, AMBIGUOUS, WEAK or NONE"),
          required(
              CANDIDATE_SOURCES,
              CODES,
              "候选号码来源",
              "the sources that know the candidate, sorted; empty if none"),
          optional(
              CONFIRMED_IN,
              StringType,
              "确认依据",
              "the accept-repairs file (or policy setting) that confirmed this candidate; else null"),
          optional(ColumnNames.NAME, StringType, "姓名", "the name as written in the rejected row"),
          optional(ColumnNames.TOWNSHIP, StringType, "乡镇（街道）", "its township as written"),
          optional(ColumnNames.VILLAGE, StringType, "村（社区）", "its village as written"),
          optional(
              ColumnNames.CATEGORY,
              StringType,
              "人员类别",
              "its category code (TEKUN … or a known non-target code); null when not in the policy"),
          required(
              ID_NUMBER_AS_WRITTEN,
              StringType,
              "原填身份证号码（脱敏）",
              "what was exported as the ID, masked (500243*******1234); empty when nothing"));

  /** A roster row rejected for its ID number, with what was written (working rows). */
  public static final StructType UNUSABLE_ROW =
      new StructType()
          .add(ColumnNames.SOURCE, StringType, false)
          .add(ColumnNames.SOURCE_FILE, StringType, false)
          .add(ColumnNames.LINE, LongType, false)
          .add(ColumnNames.REASON, StringType, false)
          .add(RAW_ID, StringType, true)
          .add(SEARCHED, BooleanType, false)
          .add(ColumnNames.NAME, StringType, true)
          .add(NAME_KEY, StringType, true)
          .add(ColumnNames.SEX, StringType, true)
          .add(ColumnNames.TOWNSHIP, StringType, true)
          .add(ColumnNames.VILLAGE, StringType, true)
          .add(ColumnNames.CATEGORY, StringType, true)
          .add(ID_NUMBER_AS_WRITTEN, StringType, false)
          .add(CERTIFICATE_ID, StringType, true);

  /** A valid neighbour of a rejected row's ID (working rows). */
  public static final StructType NEIGHBOUR =
      new StructType()
          .add(ColumnNames.SOURCE, StringType, false)
          .add(ColumnNames.SOURCE_FILE, StringType, false)
          .add(ColumnNames.LINE, LongType, false)
          .add(ColumnNames.CANDIDATE_ID_NUMBER, StringType, false)
          .add(EDIT, StringType, false);

  /** A confirmed repair: the rejected row, its candidate, and what confirmed it. */
  public static final StructType CONFIRMATION =
      new StructType()
          .add(ColumnNames.SOURCE, StringType, false)
          .add(ColumnNames.SOURCE_FILE, StringType, false)
          .add(ColumnNames.LINE, LongType, false)
          .add(ColumnNames.CANDIDATE_ID_NUMBER, StringType, false)
          .add(CONFIRMED_IN, StringType, false);

  /** One repaired roster row of a person, as {@code silver.persons.id_repairs} holds it. */
  public static final StructType ID_REPAIR =
      new StructType()
          .add(ColumnNames.SOURCE, StringType, false)
          .add(ColumnNames.SOURCE_FILE, StringType, false)
          .add(ColumnNames.LINE, LongType, false)
          .add(REPAIRED_FROM, StringType, false)
          .add(CONFIRMED_IN, StringType, false);

  /** The repaired rows of each person: {@link #ID_REPAIR} keyed by the ID it was repaired to. */
  public static final StructType REPAIRED_ROW =
      ID_REPAIR.add(ColumnNames.ID_NUMBER, StringType, false);

  private RepairColumns() {}
}
