package org.daijiao.ingest.clean;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;
import org.daijiao.identity.PersonName;
import org.daijiao.ingest.parse.AmountParser;
import org.daijiao.ingest.parse.InvalidValueException;
import org.daijiao.policy.Policy;
import org.daijiao.quality.RejectReason;
import org.daijiao.spark.ColumnNames;

/**
 * The tax bureau's contributions: who paid (the person or the government), how much, for which
 * year, when.
 */
final class PaymentCleaner extends Cleaner {
  PaymentCleaner(Policy policy, LocalDate asOf) {
    super(policy, asOf);
  }

  @Override
  StructType valueSchema() {
    return CleanColumns.PAYMENT;
  }

  @Override
  Object[] values(Row row) throws Rejected {
    String id = validId(row);
    Integer year;
    try {
      year = AmountParser.parseYear(text(row, ColumnNames.PAYMENT_YEAR));
    } catch (InvalidValueException e) {
      throw new Rejected(RejectReason.YEAR_INVALID, "payment_year: " + e.detail());
    }
    if (year == null) {
      throw new Rejected(RejectReason.YEAR_INVALID, "payment_year is empty");
    }
    BigDecimal amount;
    try {
      amount = AmountParser.parse(text(row, ColumnNames.AMOUNT));
    } catch (InvalidValueException e) {
      throw new Rejected(RejectReason.AMOUNT_INVALID, "amount: " + e.detail());
    }
    if (amount == null) {
      throw new Rejected(RejectReason.AMOUNT_MISSING, "amount is empty");
    }
    LocalDate paid = requiredDate(row, ColumnNames.PAID_DATE);
    String payer =
        code(
            policy.vocabularies().payerType(),
            text(row, ColumnNames.PAYER_TYPE),
            RejectReason.PAYER_TYPE_UNKNOWN,
            ColumnNames.PAYER_TYPE);
    return new Object[] {
      id, PersonName.normalize(text(row, ColumnNames.NAME)), year, amount, paid, payer
    };
  }
}
