package org.daijiao.person;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One tax-bureau payment line (docs/inputs.md#headers {@code tax_payments}): the year it pays for
 * (费款所属期), the amount, the date it was paid and who paid it.
 */
public record Payment(int paymentYear, BigDecimal amount, LocalDate paidDate, PayerType payerType)
    implements Serializable {}
