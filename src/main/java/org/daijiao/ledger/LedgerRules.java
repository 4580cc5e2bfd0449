package org.daijiao.ledger;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.daijiao.person.Category;
import org.daijiao.person.Enrollment;
import org.daijiao.policy.Policy;

/**
 * The money rules of §2 for an eligible person (docs/rules.md#money): amounts, mode, batch and
 * deadline, the 销号 status, and the department that pays. Every number and date comes from the
 * policy file.
 */
public final class LedgerRules implements Serializable {
  private final Policy policy;

  public LedgerRules(Policy policy) {
    this.policy = policy;
  }

  /**
   * The ledger row of an eligible person.
   *
   * @param category the resolved category (§2(一))
   * @param firstEligibleDate the first qualifying day
   * @param enrollments the person's enrolment records (the snapshot of docs/inputs.md#headers)
   */
  public LedgerEntry entry(
      Category category,
      LocalDate firstEligibleDate,
      List<Enrollment> enrollments,
      TierChoice tier,
      PaymentTotals paid) {
    // §2(一): 特困、重度残疾 按最低档次全额代缴, 其余按最低档次标准的70%; a higher tier chosen by the
    // person does not raise the subsidy, the difference is the person's own part.
    BigDecimal subsidy = policy.subsidyFor(category);
    BigDecimal selfPay = tier.tier().subtract(subsidy);
    Mode mode = mode(tier.tier(), paid);
    Batch batch = batch(firstEligibleDate);
    return new LedgerEntry(
        category,
        policy.department(category),
        policy.fundingSource(category),
        tier.tier(),
        subsidy,
        selfPay,
        paid.selfPaid(),
        paid.governmentPaid(),
        mode,
        batch,
        deadline(batch),
        status(enrollments, mode, subsidy, selfPay, paid),
        tier.flags());
  }

  /** §2(二) 已自行全额完清 … 采取事后补助: self_paid ≥ T → POST_HOC_REFUND, else DIRECT. */
  public Mode mode(BigDecimal tier, PaymentTotals paid) {
    return paid.selfPaid().compareTo(tier) >= 0 ? Mode.POST_HOC_REFUND : Mode.DIRECT;
  }

  /** §2(二) 8月31日前 / 8月31日后动态更新: the first qualifying day against the policy's cut-off. */
  public Batch batch(LocalDate firstEligibleDate) {
    return firstEligibleDate.isAfter(policy.regularCutoff()) ? Batch.DYNAMIC : Batch.REGULAR;
  }

  /** §2(二): 8月31日前 完成自付部分的征收 (REGULAR); 当年12月31日前兑现 (DYNAMIC, 即进立保). */
  public LocalDate deadline(Batch batch) {
    return batch == Batch.REGULAR ? policy.regularDeadline() : policy.dynamicDeadline();
  }

  /** §3(二) 销号管理: the first open action, in the order of docs/rules.md#status. */
  public Status status(
      List<Enrollment> enrollments,
      Mode mode,
      BigDecimal subsidy,
      BigDecimal selfPay,
      PaymentTotals paid) {
    if (!enrolledInCounty(enrollments)) {
      return Status.AWAITING_ENROLLMENT;
    }
    if (mode == Mode.POST_HOC_REFUND) {
      return Status.REFUND_DUE;
    }
    if (paid.governmentPaid().compareTo(subsidy) >= 0) {
      return Status.SETTLED;
    }
    if (paid.selfPaid().compareTo(selfPay) < 0) {
      return Status.AWAITING_SELF_PAYMENT;
    }
    return Status.AWAITING_GOVERNMENT_PAYMENT;
  }

  /** docs/rules.md#status: an ACTIVE or SUSPENDED resident pension record of this county. */
  private boolean enrolledInCounty(List<Enrollment> enrollments) {
    return enrollments.stream()
        .anyMatch(e -> e.isResidentIn(policy.countyCode()) && e.status().isOpen());
  }
}
