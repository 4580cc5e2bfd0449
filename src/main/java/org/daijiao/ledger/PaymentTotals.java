package org.daijiao.ledger;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.daijiao.person.PayerType;
import org.daijiao.person.Payment;

/**
 * §2(二) what was paid for policy year Y by the run's as_of (docs/rules.md#mode): the sums of the
 * SELF and the GOVERNMENT payments whose payment year is Y and that are dated on or before as_of. A
 * payment dated after as_of does not exist for the run; one without a date or an amount cannot be
 * placed and is not counted.
 *
 * @param counted the payments that entered the sums
 * @param ignored the payments that did not (other year, after as_of, undated)
 */
public record PaymentTotals(
    BigDecimal selfPaid, BigDecimal governmentPaid, List<Payment> counted, List<Payment> ignored) {

  public PaymentTotals {
    counted = List.copyOf(counted);
    ignored = List.copyOf(ignored);
  }

  public static PaymentTotals of(List<Payment> payments, int policyYear, LocalDate asOf) {
    BigDecimal self = BigDecimal.ZERO;
    BigDecimal government = BigDecimal.ZERO;
    List<Payment> counted = new ArrayList<>();
    List<Payment> ignored = new ArrayList<>();
    for (Payment p : payments) {
      boolean inRun =
          p.paymentYear() == policyYear
              && p.amount() != null
              && p.paidDate() != null
              && !p.paidDate().isAfter(asOf);
      if (inRun && p.payerType() == PayerType.SELF) {
        self = self.add(p.amount());
        counted.add(p);
      } else if (inRun && p.payerType() == PayerType.GOVERNMENT) {
        government = government.add(p.amount());
        counted.add(p);
      } else {
        ignored.add(p);
      }
    }
    return new PaymentTotals(
        self.setScale(2, RoundingMode.HALF_UP),
        government.setScale(2, RoundingMode.HALF_UP),
        counted,
        ignored);
  }

  /** docs/rules.md#coverage-target, paid: {@code self_paid + government_paid ≥ T}. */
  public boolean covers(BigDecimal tier) {
    return selfPaid.add(governmentPaid).compareTo(tier) >= 0;
  }
}
