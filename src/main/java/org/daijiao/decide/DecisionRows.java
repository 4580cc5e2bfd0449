package org.daijiao.decide;

import static org.apache.spark.sql.types.DataTypes.BooleanType;
import static org.apache.spark.sql.types.DataTypes.DateType;
import static org.apache.spark.sql.types.DataTypes.StringType;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.StructType;
import org.daijiao.ingest.clean.CleanColumns;
import org.daijiao.person.Enrollment;
import org.daijiao.person.EnrollmentStatus;
import org.daijiao.person.PayerType;
import org.daijiao.person.Payment;
import org.daijiao.person.Period;
import org.daijiao.person.PersonTimeline;
import org.daijiao.person.Scheme;
import org.daijiao.spark.ColumnNames;
import org.daijiao.spark.ScalaSeqs;

/**
 * Converts between Spark rows and the rule engine's values: timelines in ({@link TimelineStage}),
 * decisions out. A decision row is an intermediate result, not a table: each column is declared
 * once, with the value of the {@link Decision} it holds, so that the schema and the row cannot
 * drift apart.
 */
public final class DecisionRows {
  /** One column of the decision row and how it is read off a decision. */
  private record Field(String name, DataType type, boolean nullable, Function<Decision, ?> value) {}

  private static final List<Field> FIELDS =
      List.of(
          new Field(ColumnNames.ID_NUMBER, StringType, false, Decision::id),
          new Field(
              GoldColumns.HELD_CATEGORIES, GoldColumns.CODES, false, d -> seq(d.heldCategories())),
          new Field(GoldColumns.ELIGIBLE, BooleanType, false, Decision::eligible),
          new Field(ColumnNames.CATEGORY, StringType, true, Decision::category),
          new Field(GoldColumns.REASONS, GoldColumns.CODES, false, d -> seq(d.reasons())),
          new Field(GoldColumns.FIRST_ELIGIBLE_DATE, DateType, true, Decision::firstEligibleDate),
          new Field(GoldColumns.IN_COVERAGE_TARGET, BooleanType, false, Decision::inCoverageTarget),
          new Field(ColumnNames.INSURED, BooleanType, false, Decision::insured),
          new Field(GoldColumns.PAID, BooleanType, false, Decision::paid),
          new Field(ColumnNames.DEPARTMENT, StringType, true, Decision::department),
          new Field(ColumnNames.FUNDING_SOURCE, StringType, true, Decision::fundingSource),
          new Field(ColumnNames.TIER, CleanColumns.MONEY, true, Decision::tier),
          new Field(ColumnNames.SUBSIDY_AMOUNT, CleanColumns.MONEY, true, Decision::subsidyAmount),
          new Field(GoldColumns.SELF_PAY_AMOUNT, CleanColumns.MONEY, true, Decision::selfPayAmount),
          new Field(
              GoldColumns.SELF_PAID_AMOUNT, CleanColumns.MONEY, true, Decision::selfPaidAmount),
          new Field(
              GoldColumns.GOVERNMENT_PAID_AMOUNT,
              CleanColumns.MONEY,
              true,
              Decision::governmentPaidAmount),
          new Field(ColumnNames.MODE, StringType, true, Decision::mode),
          new Field(ColumnNames.BATCH, StringType, true, Decision::batch),
          new Field(ColumnNames.DEADLINE, DateType, true, Decision::deadline),
          new Field(ColumnNames.STATUS, StringType, true, Decision::status),
          new Field(
              GoldColumns.FLAGS,
              GoldColumns.CODES,
              true,
              d -> d.flags() == null ? null : seq(d.flags())),
          new Field(ColumnNames.PENSION_AGE_DATE, DateType, true, Decision::pensionAgeDate),
          new Field(
              GoldColumns.REACHES_PENSION_AGE, BooleanType, false, Decision::reachesPensionAge));

  /** Every decision of §2 for one person, as a row. */
  public static final StructType SCHEMA = schema();

  private DecisionRows() {}

  private static StructType schema() {
    StructType schema = new StructType();
    for (Field f : FIELDS) {
      schema = schema.add(f.name(), f.type(), f.nullable());
    }
    return schema;
  }

  /** A row of {@link TimelineStage#timelines} as the engine's input. */
  public static PersonTimeline toTimeline(Row row) {
    return new PersonTimeline(
        row.getAs(ColumnNames.ID_NUMBER),
        row.getAs(ColumnNames.BIRTH_DATE),
        periods(row, TimelineStage.CATEGORY_PERIODS),
        periods(row, TimelineStage.EXCLUSION_PERIODS),
        enrollments(row),
        payments(row));
  }

  public static Row toRow(Decision d) {
    Object[] values = new Object[FIELDS.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = FIELDS.get(i).value().apply(d);
    }
    return RowFactory.create(values);
  }

  private static List<Period> periods(Row row, String column) {
    List<Period> out = new ArrayList<>();
    for (Row p : structs(row, column)) {
      out.add(
          new Period(
              p.getAs(TimelineStage.CODE),
              (LocalDate) p.getAs(TimelineStage.START),
              (LocalDate) p.getAs(TimelineStage.END)));
    }
    return out;
  }

  private static List<Enrollment> enrollments(Row row) {
    List<Enrollment> out = new ArrayList<>();
    for (Row e : structs(row, TimelineStage.ENROLLMENTS)) {
      out.add(
          new Enrollment(
              Scheme.valueOf(e.getAs(ColumnNames.SCHEME)),
              e.getAs(ColumnNames.REGION_CODE),
              EnrollmentStatus.valueOf(e.getAs(ColumnNames.STATUS)),
              (BigDecimal) e.getAs(ColumnNames.TIER)));
    }
    return out;
  }

  private static List<Payment> payments(Row row) {
    List<Payment> out = new ArrayList<>();
    for (Row p : structs(row, TimelineStage.PAYMENTS)) {
      out.add(
          new Payment(
              (Integer) p.getAs(ColumnNames.PAYMENT_YEAR),
              (BigDecimal) p.getAs(ColumnNames.AMOUNT),
              (LocalDate) p.getAs(ColumnNames.PAID_DATE),
              PayerType.valueOf(p.getAs(ColumnNames.PAYER_TYPE))));
    }
    return out;
  }

  private static List<Row> structs(Row row, String column) {
    int i = row.fieldIndex(column);
    return row.isNullAt(i) ? List.of() : row.getList(i);
  }

  private static scala.collection.Seq<String> seq(List<String> values) {
    return ScalaSeqs.of(values);
  }
}
