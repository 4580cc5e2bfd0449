package org.daijiao.resolve;

import static org.apache.spark.sql.types.DataTypes.BooleanType;
import static org.apache.spark.sql.types.DataTypes.DateType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.createArrayType;
import static org.daijiao.spark.ColumnSpec.optional;
import static org.daijiao.spark.ColumnSpec.required;

import org.daijiao.identity.Divisions;
import org.daijiao.ingest.clean.CleanColumns;
import org.daijiao.repair.RepairColumns;
import org.daijiao.spark.TableContract;
import org.daijiao.spark.Tables;

/**
 * The contracts of the silver tables (SPEC §5): one row per person or per merged period, keyed by
 * the normalised ID number. Columns that carry a parsed value unchanged keep its name from {@link
 * CleanColumns}.
 */
public final class SilverColumns {
  public static final String ID_NUMBER = CleanColumns.ID_NUMBER;
  public static final String NAME = CleanColumns.NAME;
  public static final String CATEGORY = CleanColumns.CATEGORY;
  public static final String TARGET = CleanColumns.TARGET;
  public static final String SOURCE = CleanColumns.SOURCE;
  public static final String TOWNSHIP = CleanColumns.TOWNSHIP;
  public static final String VILLAGE = CleanColumns.VILLAGE;
  public static final String START_DATE = CleanColumns.START_DATE;
  public static final String END_DATE = CleanColumns.END_DATE;
  public static final String SOURCE_FILE = CleanColumns.SOURCE_FILE;
  public static final String LINE = CleanColumns.LINE;
  public static final String REASON = CleanColumns.REASON;
  public static final String SCHEME = CleanColumns.SCHEME;
  public static final String REGION_CODE = CleanColumns.REGION_CODE;
  public static final String STATUS = CleanColumns.STATUS;
  public static final String TIER = CleanColumns.TIER;
  public static final String TIER_RAW = CleanColumns.TIER_RAW;
  public static final String PERSON_NUMBER = CleanColumns.PERSON_NUMBER;
  public static final String PAYMENT_YEAR = CleanColumns.PAYMENT_YEAR;
  public static final String AMOUNT = CleanColumns.AMOUNT;
  public static final String PAID_DATE = CleanColumns.PAID_DATE;
  public static final String PAYER_TYPE = CleanColumns.PAYER_TYPE;

  public static final String BIRTH_DATE = "birth_date";
  public static final String SEX = "sex";
  public static final String TOWNSHIP_CODE = Divisions.TOWNSHIP_CODE;
  public static final String VILLAGE_CODE = Divisions.VILLAGE_CODE;
  public static final String LOCATION_FLAGS = "location_flags";
  public static final String SOURCES = "sources";

  /** The start date of the record a merged period's place, file and line come from. */
  public static final String LATEST_RECORD_START = "latest_record_start";

  public static final String RECORDS = "records";

  /** A person's roster rows that were read with a confirmed repair of their ID (issue 12). */
  public static final String ID_REPAIRS = "id_repairs";

  /** {@code silver.persons}: one row per valid ID on any roster. */
  public static final TableContract PERSONS =
      TableContract.of(
          Tables.PERSONS,
          required(ID_NUMBER, StringType, "normalised 18-character ID number: the person's key"),
          optional(NAME, StringType, "normalised name on the record that places the person"),
          required(BIRTH_DATE, DateType, "birth date read from the ID number"),
          required(SEX, StringType, "M or F, from the parity of the ID's 17th character"),
          optional(TOWNSHIP, StringType, "township as written, or its official name if matched"),
          optional(TOWNSHIP_CODE, StringType, "official division code of the township, if matched"),
          optional(VILLAGE, StringType, "village as written, or its official name if matched"),
          optional(VILLAGE_CODE, StringType, "official division code of the village, if matched"),
          required(
              LOCATION_FLAGS,
              createArrayType(StringType, false),
              "MISSING_TOWNSHIP, UNKNOWN_TOWNSHIP, UNKNOWN_VILLAGE when the place is not matched"),
          required(
              SOURCES,
              createArrayType(StringType, false),
              "the roster sources the person is on, sorted"),
          required(
              ID_REPAIRS,
              createArrayType(RepairColumns.ID_REPAIR, false),
              "rows read with a confirmed ID repair: source, file, line, the masked value they"
                  + " had (repaired_from) and the file that confirmed it; empty for most persons"));

  /** {@code silver.category_periods}: a person's records of one category, merged (Decision 7). */
  public static final TableContract CATEGORY_PERIODS =
      TableContract.of(
          Tables.CATEGORY_PERIODS,
          required(ID_NUMBER, StringType, "the person's normalised ID number"),
          required(
              CATEGORY,
              StringType,
              "category code: TEKUN, DIBAO, FANPIN, SEVERE_DISABILITY or a known non-target code"),
          required(TARGET, BooleanType, "true for the four target categories of SPEC §2.1"),
          required(SOURCE, StringType, "the roster source (department) of the records"),
          required(START_DATE, DateType, "first day of the merged period"),
          optional(END_DATE, DateType, "last day of the merged period; null while ongoing"),
          optional(TOWNSHIP, StringType, "township of the latest record existing at as_of"),
          optional(VILLAGE, StringType, "village of the latest record existing at as_of"),
          optional(SOURCE_FILE, StringType, "file of that record"),
          optional(LINE, LongType, "line or row of that record"),
          optional(
              LATEST_RECORD_START,
              DateType,
              "start of that record; null when every record of the period starts after as_of"),
          required(RECORDS, IntegerType, "how many input rows the period merges"));

  /** {@code silver.exclusion_periods}: §1 student, military and prison periods, merged. */
  public static final TableContract EXCLUSION_PERIODS =
      TableContract.of(
          Tables.EXCLUSION_PERIODS,
          required(ID_NUMBER, StringType, "the person's normalised ID number"),
          required(REASON, StringType, "STUDENT, MILITARY or PRISONER (§1)"),
          required(START_DATE, DateType, "first day of the merged period"),
          optional(END_DATE, DateType, "last day of the merged period; null while ongoing"),
          required(RECORDS, IntegerType, "how many input rows the period merges"));

  /** {@code silver.enrollments}: the enrolment snapshot, one row per accepted record. */
  public static final TableContract ENROLLMENTS =
      TableContract.of(
          Tables.ENROLLMENTS,
          required(ID_NUMBER, StringType, "the person's normalised ID number"),
          optional(NAME, StringType, "normalised name as exported"),
          required(SCHEME, StringType, "RESIDENT or EMPLOYEE pension"),
          required(REGION_CODE, StringType, "6-digit division code of the place of enrolment"),
          required(STATUS, StringType, "ACTIVE, SUSPENDED, TERMINATED or RECEIVING"),
          optional(
              TIER, CleanColumns.MONEY, "chosen tier in yuan; null when missing or unreadable"),
          optional(TIER_RAW, StringType, "the tier cell as exported"),
          optional(PERSON_NUMBER, StringType, "the insurance centre's person number, as exported"),
          required(SOURCE_FILE, StringType, "<source>/<file name> of the export"),
          required(LINE, LongType, "line or row in that file"));

  /** {@code silver.payments}: the tax bureau's contributions, each payment once. */
  public static final TableContract PAYMENTS =
      TableContract.of(
          Tables.PAYMENTS,
          required(ID_NUMBER, StringType, "the person's normalised ID number"),
          optional(NAME, StringType, "normalised name as exported"),
          required(PAYMENT_YEAR, IntegerType, "the year the payment is for (费款所属期)"),
          required(AMOUNT, CleanColumns.MONEY, "yuan; negative for a refund"),
          required(PAID_DATE, DateType, "the day it was paid"),
          required(PAYER_TYPE, StringType, "SELF (the person) or GOVERNMENT (a department)"),
          required(SOURCE_FILE, StringType, "<source>/<file name> of the export"),
          required(LINE, LongType, "line or row in that file"));

  private SilverColumns() {}
}
