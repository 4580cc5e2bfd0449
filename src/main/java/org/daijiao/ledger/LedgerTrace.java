package org.daijiao.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.daijiao.person.Payment;
import org.daijiao.policy.Policy;

/**
 * The findings of the money rules (§2(一) amounts, §2(二) mode and batch, §3(二) status) for the audit
 * trail of a decision. Lines are separated by {@code \n}; a person who is not eligible has no
 * ledger row ({@code entry == null}).
 */
public final class LedgerTrace {
  private static final String NOT_ELIGIBLE = "not eligible: no ledger row";

  private final Policy policy;

  public LedgerTrace(Policy policy) {
    this.policy = policy;
  }

  public String amounts(TierChoice t, LedgerEntry e) {
    String tier =
        "T = "
            + money(t.tier())
            + (t.defaulted()
                ? t.liveStatus() == null
                    ? " (no "
                        + String.join("/", policy.amounts().tierStatuses())
                        + " county resident record: nothing chosen for "
                        + policy.policyYear()
                        + ", T = L, TIER_DEFAULTED)"
                    : " (no valid tier on the "
                        + t.liveStatus()
                        + " county resident record: T = L, TIER_DEFAULTED)"
                : " (county resident record, " + t.source().status() + ")")
            + (t.flags().contains(LedgerFlag.TIER_CONFLICT)
                ? "; records disagree, the highest valid tier is used (TIER_CONFLICT)"
                : "");
    if (e == null) {
      return tier + "\n" + NOT_ELIGIBLE;
    }
    BigDecimal share = policy.amounts().subsidyShare().get(e.category());
    return tier
        + "\nL = "
        + money(policy.lowestTier())
        + "; subsidy = "
        + share.movePointRight(2).stripTrailingZeros().toPlainString()
        + "% × L = "
        + money(e.subsidyAmount())
        + "; self_pay = T − subsidy = "
        + money(e.selfPayAmount());
  }

  public String payments(PaymentTotals p, LedgerEntry e) {
    List<String> lines = new ArrayList<>();
    p.counted().forEach(x -> lines.add("counted: " + payment(x)));
    p.ignored().forEach(x -> lines.add("not counted (" + whyIgnored(x) + "): " + payment(x)));
    lines.add(
        "self_paid = " + money(p.selfPaid()) + "; government_paid = " + money(p.governmentPaid()));
    if (e == null) {
      lines.add(NOT_ELIGIBLE);
    } else if (e.mode() == Mode.POST_HOC_REFUND) {
      lines.add("self_paid ≥ T → POST_HOC_REFUND (已自行全额完清, 事后补助)");
    } else {
      lines.add("self_paid < T → DIRECT (代缴)");
    }
    return String.join("\n", lines);
  }

  public String batch(LocalDate firstEligibleDate, LedgerEntry e) {
    if (e == null) {
      return NOT_ELIGIBLE;
    }
    boolean regular = e.batch() == Batch.REGULAR;
    return "first qualifying day "
        + firstEligibleDate
        + (regular ? " on or before " : " after ")
        + policy.regularCutoff()
        + " → "
        + e.batch()
        + (regular ? "" : " (即进立保)")
        + ", deadline "
        + e.deadline();
  }

  public String status(LedgerEntry e) {
    if (e == null) {
      return NOT_ELIGIBLE;
    }
    String why =
        switch (e.status()) {
          case AWAITING_ENROLLMENT ->
              "no ACTIVE/SUSPENDED resident pension record in county " + policy.countyCode();
          case REFUND_DUE ->
              "paid the whole year alone; the department refunds " + money(e.subsidyAmount());
          case SETTLED -> "government_paid " + money(e.governmentPaidAmount()) + " ≥ subsidy";
          case AWAITING_SELF_PAYMENT ->
              "self_paid " + money(e.selfPaidAmount()) + " < self_pay " + money(e.selfPayAmount());
          case AWAITING_GOVERNMENT_PAYMENT ->
              "own part paid; government_paid "
                  + money(e.governmentPaidAmount())
                  + " < subsidy "
                  + money(e.subsidyAmount());
        };
    return e.status() + ": " + why;
  }

  private String whyIgnored(Payment p) {
    if (p.paymentYear() != policy.policyYear()) {
      return "for another year";
    }
    if (p.amount() == null || p.paidDate() == null) {
      return "no amount or no date";
    }
    if (p.payerType() == null) {
      return "unknown payer type";
    }
    return "paid after as_of: does not exist for this run";
  }

  private static String payment(Payment p) {
    return (p.payerType() == null ? "payer —" : p.payerType().name())
        + " "
        + (p.amount() == null ? "—" : p.amount().toPlainString())
        + " for "
        + p.paymentYear()
        + ", paid "
        + (p.paidDate() == null ? "—" : p.paidDate());
  }

  private static String money(BigDecimal amount) {
    return amount.toPlainString();
  }
}
