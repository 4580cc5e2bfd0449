package org.daijiao.ingest.clean;

import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.StructType;
import org.daijiao.spark.ColumnNames;

/**
 * The typed rows each source becomes once its values are parsed (before merging into the silver
 * tables). Every clean row keeps its lineage ({@code source_file}, {@code line}); a rejected row
 * carries {@code reject_reason} and {@code reject_detail} instead of values.
 */
public final class CleanColumns {
  public static final String REJECT_REASON = "reject_reason";
  public static final String REJECT_DETAIL = "reject_detail";

  /** Marks the later copies of a payment exported twice (an intermediate column). */
  public static final String DUPLICATE = "duplicate";

  /** Money is DECIMAL(12,2) end to end (docs/rules.md#subsidy-amount). */
  public static final DecimalType MONEY = DataTypes.createDecimalType(12, 2);

  /** A roster record of civil affairs, rural revitalisation or the disabled persons' federation. */
  public static final StructType ROSTER =
      new StructType()
          .add(ColumnNames.ID_NUMBER, DataTypes.StringType, true)
          .add(ColumnNames.NAME, DataTypes.StringType, true)
          .add(ColumnNames.CATEGORY, DataTypes.StringType, true)
          .add(ColumnNames.TARGET, DataTypes.BooleanType, true)
          .add(ColumnNames.TOWNSHIP, DataTypes.StringType, true)
          .add(ColumnNames.VILLAGE, DataTypes.StringType, true)
          .add(ColumnNames.START_DATE, DataTypes.DateType, true)
          .add(ColumnNames.END_DATE, DataTypes.DateType, true)
          .add(ColumnNames.SOURCE, DataTypes.StringType, true);

  /** A pension enrolment record (the snapshot of §1's insurance-based exclusions). */
  public static final StructType ENROLLMENT =
      new StructType()
          .add(ColumnNames.ID_NUMBER, DataTypes.StringType, true)
          .add(ColumnNames.NAME, DataTypes.StringType, true)
          .add(ColumnNames.SCHEME, DataTypes.StringType, true)
          .add(ColumnNames.REGION_CODE, DataTypes.StringType, true)
          .add(ColumnNames.STATUS, DataTypes.StringType, true)
          .add(ColumnNames.TIER, MONEY, true)
          .add(ColumnNames.TIER_RAW, DataTypes.StringType, true)
          .add(ColumnNames.PERSON_NUMBER, DataTypes.StringType, true);

  /** A contribution collected by the tax bureau. */
  public static final StructType PAYMENT =
      new StructType()
          .add(ColumnNames.ID_NUMBER, DataTypes.StringType, true)
          .add(ColumnNames.NAME, DataTypes.StringType, true)
          .add(ColumnNames.PAYMENT_YEAR, DataTypes.IntegerType, true)
          .add(ColumnNames.AMOUNT, MONEY, true)
          .add(ColumnNames.PAID_DATE, DataTypes.DateType, true)
          .add(ColumnNames.PAYER_TYPE, DataTypes.StringType, true);

  /** A student, military or prison period (§1). */
  public static final StructType EXCLUSION =
      new StructType()
          .add(ColumnNames.ID_NUMBER, DataTypes.StringType, true)
          .add(ColumnNames.NAME, DataTypes.StringType, true)
          .add(ColumnNames.REASON, DataTypes.StringType, true)
          .add(ColumnNames.START_DATE, DataTypes.DateType, true)
          .add(ColumnNames.END_DATE, DataTypes.DateType, true);

  private CleanColumns() {}

  /** {@code values} + lineage + reject columns: what a cleaner emits for every bronze row. */
  static StructType withLineageAndReject(StructType values) {
    return values
        .add(ColumnNames.SOURCE_FILE, DataTypes.StringType, false)
        .add(ColumnNames.LINE, DataTypes.LongType, false)
        .add(REJECT_REASON, DataTypes.StringType, true)
        .add(REJECT_DETAIL, DataTypes.StringType, true);
  }
}
