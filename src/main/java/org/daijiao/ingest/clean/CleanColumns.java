package org.daijiao.ingest.clean;

import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.StructType;

/**
 * The typed rows each source becomes once its values are parsed (before merging into the silver
 * tables). Every clean row keeps its lineage ({@code source_file}, {@code line}); a rejected row
 * carries {@code reject_reason} and {@code reject_detail} instead of values.
 */
public final class CleanColumns {
  public static final String ID_NUMBER = "id_number";
  public static final String NAME = "name";
  public static final String SOURCE = "source";
  public static final String SOURCE_FILE = "source_file";
  public static final String LINE = "line";
  public static final String CATEGORY = "category";
  public static final String TARGET = "target";
  public static final String TOWNSHIP = "township";
  public static final String VILLAGE = "village";
  public static final String START_DATE = "start_date";
  public static final String END_DATE = "end_date";
  public static final String SCHEME = "scheme";
  public static final String REGION_CODE = "region_code";
  public static final String STATUS = "status";
  public static final String TIER = "tier";
  public static final String TIER_RAW = "tier_raw";
  public static final String PERSON_NUMBER = "person_number";
  public static final String PAYMENT_YEAR = "payment_year";
  public static final String AMOUNT = "amount";
  public static final String PAID_DATE = "paid_date";
  public static final String PAYER_TYPE = "payer_type";
  public static final String REASON = "reason";
  public static final String REJECT_REASON = "reject_reason";
  public static final String REJECT_DETAIL = "reject_detail";

  /** Marks the later copies of a payment exported twice (an intermediate column). */
  public static final String DUPLICATE = "duplicate";

  /**
   * The disability roster's certificate number and grade, read from bronze
   * (docs/inputs.md#headers).
   */
  public static final String CERTIFICATE_NUMBER = "certificate_number";

  public static final String DISABILITY_GRADE = "disability_grade";

  /** Money is DECIMAL(12,2) end to end (docs/rules.md#subsidy-amount). */
  public static final DecimalType MONEY = DataTypes.createDecimalType(12, 2);

  /** A roster record of civil affairs, rural revitalisation or the disabled persons' federation. */
  public static final StructType ROSTER =
      new StructType()
          .add(ID_NUMBER, DataTypes.StringType, true)
          .add(NAME, DataTypes.StringType, true)
          .add(CATEGORY, DataTypes.StringType, true)
          .add(TARGET, DataTypes.BooleanType, true)
          .add(TOWNSHIP, DataTypes.StringType, true)
          .add(VILLAGE, DataTypes.StringType, true)
          .add(START_DATE, DataTypes.DateType, true)
          .add(END_DATE, DataTypes.DateType, true)
          .add(SOURCE, DataTypes.StringType, true);

  /** A pension enrolment record (the snapshot of §1's insurance-based exclusions). */
  public static final StructType ENROLLMENT =
      new StructType()
          .add(ID_NUMBER, DataTypes.StringType, true)
          .add(NAME, DataTypes.StringType, true)
          .add(SCHEME, DataTypes.StringType, true)
          .add(REGION_CODE, DataTypes.StringType, true)
          .add(STATUS, DataTypes.StringType, true)
          .add(TIER, MONEY, true)
          .add(TIER_RAW, DataTypes.StringType, true)
          .add(PERSON_NUMBER, DataTypes.StringType, true);

  /** A contribution collected by the tax bureau. */
  public static final StructType PAYMENT =
      new StructType()
          .add(ID_NUMBER, DataTypes.StringType, true)
          .add(NAME, DataTypes.StringType, true)
          .add(PAYMENT_YEAR, DataTypes.IntegerType, true)
          .add(AMOUNT, MONEY, true)
          .add(PAID_DATE, DataTypes.DateType, true)
          .add(PAYER_TYPE, DataTypes.StringType, true);

  /** A student, military or prison period (§1). */
  public static final StructType EXCLUSION =
      new StructType()
          .add(ID_NUMBER, DataTypes.StringType, true)
          .add(NAME, DataTypes.StringType, true)
          .add(REASON, DataTypes.StringType, true)
          .add(START_DATE, DataTypes.DateType, true)
          .add(END_DATE, DataTypes.DateType, true);

  private CleanColumns() {}

  /** {@code values} + lineage + reject columns: what a cleaner emits for every bronze row. */
  static StructType withLineageAndReject(StructType values) {
    return values
        .add(SOURCE_FILE, DataTypes.StringType, false)
        .add(LINE, DataTypes.LongType, false)
        .add(REJECT_REASON, DataTypes.StringType, true)
        .add(REJECT_DETAIL, DataTypes.StringType, true);
  }
}
