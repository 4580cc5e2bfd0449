package org.daijiao.decide;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.daijiao.ingest.clean.CleanColumns;
import org.daijiao.person.Enrollment;
import org.daijiao.person.EnrollmentStatus;
import org.daijiao.person.PayerType;
import org.daijiao.person.Payment;
import org.daijiao.person.Period;
import org.daijiao.person.PersonTimeline;
import org.daijiao.person.Scheme;
import org.daijiao.spark.ScalaSeqs;

/** Converts between Spark rows and the rule engine's values: timelines in, decisions out. */
public final class DecisionRows {
  /** Every decision of §2 for one person, as a row (an intermediate result, not a table). */
  public static final StructType SCHEMA =
      new StructType()
          .add("id_number", DataTypes.StringType, false)
          .add("held_categories", DataTypes.createArrayType(DataTypes.StringType, false), false)
          .add("eligible", DataTypes.BooleanType, false)
          .add("category", DataTypes.StringType, true)
          .add("reasons", DataTypes.createArrayType(DataTypes.StringType, false), false)
          .add("first_eligible_date", DataTypes.DateType, true)
          .add("in_coverage_target", DataTypes.BooleanType, false)
          .add("insured", DataTypes.BooleanType, false)
          .add("paid", DataTypes.BooleanType, false)
          .add("department", DataTypes.StringType, true)
          .add("funding_source", DataTypes.StringType, true)
          .add("tier", CleanColumns.MONEY, true)
          .add("subsidy_amount", CleanColumns.MONEY, true)
          .add("self_pay_amount", CleanColumns.MONEY, true)
          .add("self_paid_amount", CleanColumns.MONEY, true)
          .add("government_paid_amount", CleanColumns.MONEY, true)
          .add("mode", DataTypes.StringType, true)
          .add("batch", DataTypes.StringType, true)
          .add("deadline", DataTypes.DateType, true)
          .add("status", DataTypes.StringType, true)
          .add("flags", DataTypes.createArrayType(DataTypes.StringType, false), true)
          .add("pension_age_date", DataTypes.DateType, true)
          .add("reaches_pension_age", DataTypes.BooleanType, false);

  private DecisionRows() {}

  /** A row of {@link TimelineStage#timelines} as the engine's input. */
  public static PersonTimeline toTimeline(Row row) {
    return new PersonTimeline(
        row.getAs("id_number"),
        row.getAs("birth_date"),
        periods(row, TimelineStage.CATEGORY_PERIODS),
        periods(row, TimelineStage.EXCLUSION_PERIODS),
        enrollments(row),
        payments(row));
  }

  public static Row toRow(Decision d) {
    return RowFactory.create(
        d.id(),
        seq(d.heldCategories()),
        d.eligible(),
        d.category(),
        seq(d.reasons()),
        d.firstEligibleDate(),
        d.inCoverageTarget(),
        d.insured(),
        d.paid(),
        d.department(),
        d.fundingSource(),
        d.tier(),
        d.subsidyAmount(),
        d.selfPayAmount(),
        d.selfPaidAmount(),
        d.governmentPaidAmount(),
        d.mode(),
        d.batch(),
        d.deadline(),
        d.status(),
        d.flags() == null ? null : seq(d.flags()),
        d.pensionAgeDate(),
        d.reachesPensionAge());
  }

  private static List<Period> periods(Row row, String column) {
    List<Period> out = new ArrayList<>();
    for (Row p : structs(row, column)) {
      out.add(
          new Period(p.getAs("code"), (LocalDate) p.getAs("start"), (LocalDate) p.getAs("end")));
    }
    return out;
  }

  private static List<Enrollment> enrollments(Row row) {
    List<Enrollment> out = new ArrayList<>();
    for (Row e : structs(row, TimelineStage.ENROLLMENTS)) {
      out.add(
          new Enrollment(
              Scheme.valueOf(e.getAs("scheme")),
              e.getAs("region_code"),
              EnrollmentStatus.valueOf(e.getAs("status")),
              (BigDecimal) e.getAs("tier")));
    }
    return out;
  }

  private static List<Payment> payments(Row row) {
    List<Payment> out = new ArrayList<>();
    for (Row p : structs(row, TimelineStage.PAYMENTS)) {
      out.add(
          new Payment(
              (Integer) p.getAs("payment_year"),
              (BigDecimal) p.getAs("amount"),
              (LocalDate) p.getAs("paid_date"),
              PayerType.valueOf(p.getAs("payer_type"))));
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
