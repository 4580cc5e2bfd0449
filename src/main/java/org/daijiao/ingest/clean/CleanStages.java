package org.daijiao.ingest.clean;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.daijiao.ingest.Source;
import org.daijiao.policy.Policy;
import org.daijiao.quality.QualityColumns;
import org.daijiao.quality.RejectReason;
import org.daijiao.spark.ColumnNames;

/** Pure stages from bronze rows to typed clean rows and rejects. No reads, writes or actions. */
public final class CleanStages {
  private CleanStages() {}

  /**
   * Every bronze row, parsed: typed values + lineage, or lineage + reject reason. One row out per
   * row in.
   */
  public static Dataset<Row> parse(
      Dataset<Row> bronze, Source source, Policy policy, LocalDate asOf) {
    Cleaner cleaner = cleanerFor(source, policy, asOf);
    return bronze.map((MapFunction<Row, Row>) cleaner::clean, Encoders.row(cleaner.outputSchema()));
  }

  /** The rows that parsed: values and lineage. */
  public static Dataset<Row> accepted(Dataset<Row> parsed) {
    return parsed
        .filter(col(CleanColumns.REJECT_REASON).isNull())
        .drop(CleanColumns.REJECT_REASON, CleanColumns.REJECT_DETAIL);
  }

  /** The rows that did not parse, as {@code quality.rejected_records} rows. */
  public static Dataset<Row> rejected(Dataset<Row> parsed, Source source) {
    return QualityColumns.rejectedRecords(
        parsed.filter(col(CleanColumns.REJECT_REASON).isNotNull()),
        lit(source.folder()),
        col(CleanColumns.REJECT_REASON),
        col(CleanColumns.REJECT_DETAIL));
  }

  /**
   * Payments exported twice: rows whose every value is equal are one payment. The first copy (by
   * file and line) is kept; the others are marked {@code duplicate} so that they are rejected as
   * DUPLICATE_ROW rather than counted twice or dropped unexplained.
   */
  public static Dataset<Row> withDuplicatePaymentMarked(Dataset<Row> acceptedPayments) {
    List<Column> key = new ArrayList<>();
    for (String c :
        List.of(
            ColumnNames.ID_NUMBER,
            ColumnNames.PAYMENT_YEAR,
            ColumnNames.AMOUNT,
            ColumnNames.PAID_DATE,
            ColumnNames.PAYER_TYPE)) {
      key.add(col(c));
    }
    return acceptedPayments.withColumn(
        CleanColumns.DUPLICATE,
        row_number()
            .over(
                Window.partitionBy(key.toArray(new Column[0]))
                    .orderBy(col(ColumnNames.SOURCE_FILE), col(ColumnNames.LINE)))
            .gt(1));
  }

  /** The kept copies of {@link #withDuplicatePaymentMarked}. */
  public static Dataset<Row> uniquePayments(Dataset<Row> marked) {
    return marked.filter(col(CleanColumns.DUPLICATE).equalTo(false)).drop(CleanColumns.DUPLICATE);
  }

  /** The extra copies of {@link #withDuplicatePaymentMarked}, as rejects. */
  public static Dataset<Row> duplicatePaymentRejects(Dataset<Row> marked) {
    return QualityColumns.rejectedRecords(
        marked.filter(col(CleanColumns.DUPLICATE)),
        lit(Source.TAX_PAYMENTS.folder()),
        lit(RejectReason.DUPLICATE_ROW.name()),
        lit("same id, year, amount, date and payer as an earlier row; counted once"));
  }

  static Cleaner cleanerFor(Source source, Policy policy, LocalDate asOf) {
    return switch (source) {
      case CIVIL_AFFAIRS, RURAL_REVITALIZATION -> new RosterCleaner(policy, asOf, source);
      case DISABILITY -> new DisabilityCleaner(policy, asOf);
      case PENSION_ENROLLMENT -> new EnrollmentCleaner(policy, asOf);
      case TAX_PAYMENTS -> new PaymentCleaner(policy, asOf);
      case EXCLUSIONS -> new ExclusionCleaner(policy, asOf);
    };
  }
}
