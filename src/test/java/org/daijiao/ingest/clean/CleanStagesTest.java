package org.daijiao.ingest.clean;

import static org.daijiao.DataFrames.assertSameRows;
import static org.daijiao.DataFrames.frame;
import static org.daijiao.DataFrames.row;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.daijiao.ingest.Source;
import org.daijiao.quality.QualityColumns;
import org.daijiao.spark.ColumnNames;
import org.junit.jupiter.api.Test;

/**
 * Parsed rows either reach a clean table or {@code quality.rejected_records} with file, line and
 * reason; a payment exported twice (every field equal) is kept once, the later copies (by file and
 * line) are rejected as DUPLICATE_ROW (Decision 8). The parsing of each value: {@code
 * CleanValueRulesTest}.
 */
class CleanStagesTest {
  private static final String ZHANG = "500243198001010012";
  private static final String LI = "500243198505050026";
  private static final LocalDate PAID = LocalDate.of(2022, 3, 1);

  private static final StructType ACCEPTED =
      CleanColumns.PAYMENT
          .add(ColumnNames.SOURCE_FILE, DataTypes.StringType, false)
          .add(ColumnNames.LINE, DataTypes.LongType, false);

  private static final StructType PARSED =
      ACCEPTED
          .add(CleanColumns.REJECT_REASON, DataTypes.StringType, true)
          .add(CleanColumns.REJECT_DETAIL, DataTypes.StringType, true);

  private static Row payment(String id, String amount, String file, long line) {
    return row(id, "某人", 2022, new BigDecimal(amount), PAID, "SELF", file, line);
  }

  private static Row parsed(String id, String amount, String file, long line) {
    return row(id, "某人", 2022, new BigDecimal(amount), PAID, "SELF", file, line, null, null);
  }

  private static Dataset<Row> parsedPayments() {
    return frame(
        PARSED,
        parsed(ZHANG, "100.00", "tax/a.csv", 2),
        // the same payment exported again, in a later file and later in the first file
        parsed(ZHANG, "100.00", "tax/b.csv", 5),
        parsed(ZHANG, "100.00", "tax/a.csv", 9),
        // another amount is another payment
        parsed(ZHANG, "130.00", "tax/a.csv", 4),
        parsed(LI, "100.00", "tax/a.csv", 5),
        row(null, null, null, null, null, null, "tax/a.csv", 3L, "AMOUNT_INVALID", "amount: x"));
  }

  @Test
  void aPaymentExportedTwiceIsKeptOnceAndItsCopiesAreRejected() {
    Dataset<Row> marked =
        CleanStages.withDuplicatePaymentMarked(CleanStages.accepted(parsedPayments()));
    assertSameRows(
        frame(
            ACCEPTED,
            payment(ZHANG, "100.00", "tax/a.csv", 2),
            payment(ZHANG, "130.00", "tax/a.csv", 4),
            payment(LI, "100.00", "tax/a.csv", 5)),
        CleanStages.uniquePayments(marked));
    String detail = "same id, year, amount, date and payer as an earlier row; counted once";
    assertSameRows(
        frame(
            QualityColumns.REJECTED_RECORDS.schema(),
            row("tax_payments", "tax/a.csv", 9L, "DUPLICATE_ROW", detail),
            row("tax_payments", "tax/b.csv", 5L, "DUPLICATE_ROW", detail),
            row("tax_payments", "tax/a.csv", 3L, "AMOUNT_INVALID", "amount: x")),
        CleanStages.duplicatePaymentRejects(marked)
            .unionByName(CleanStages.rejected(parsedPayments(), Source.TAX_PAYMENTS)));
  }
}
