package org.daijiao.decide;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The decision of docs/rules.md for one person and one policy year. Its audit trail, rule by rule,
 * is built only when asked ({@link Decider#explain}).
 *
 * <p>The eligibility part feeds {@code gold.eligibility}; the ledger part ({@code department} …
 * {@code flags}) feeds {@code gold.subsidy_ledger} and is null for a person who is not eligible —
 * except {@code tier}, {@code selfPaidAmount} and {@code governmentPaidAmount}, which are computed
 * for everyone (the coverage statistics and the explanation use them). Money has scale 2.
 *
 * @param heldCategories target categories held on some day of W, in the policy's priority order
 * @param category the resolved category (§2(一)); for a non-eligible person the highest-priority
 *     held category; null when none is held
 * @param reasons reason codes in the order of docs/rules.md#reason-codes; empty when eligible
 * @param firstEligibleDate the first qualifying day; null when not eligible (Decision: also for a
 *     person with qualifying days who is removed by an insurance-based exclusion)
 * @param inCoverageTarget at least one qualifying day; insurance-based exclusions do not matter
 * @param insured an ACTIVE, SUSPENDED or RECEIVING record in any scheme and region; computed for
 *     everyone, meaningful over the coverage target (docs/rules.md#coverage-target)
 * @param paid eligible and {@code self_paid + government_paid ≥ T}
 * @param pensionAgeDate the birthday on which the person leaves the age window (the 60th)
 * @param reachesPensionAge a target-category person whose 60th birthday falls in W (§3(一))
 */
public record Decision(
    int policyYear,
    LocalDate asOf,
    String id,
    List<String> heldCategories,
    boolean eligible,
    String category,
    List<String> reasons,
    LocalDate firstEligibleDate,
    boolean inCoverageTarget,
    boolean insured,
    boolean paid,
    String department,
    String fundingSource,
    BigDecimal tier,
    BigDecimal subsidyAmount,
    BigDecimal selfPayAmount,
    BigDecimal selfPaidAmount,
    BigDecimal governmentPaidAmount,
    String mode,
    String batch,
    LocalDate deadline,
    String status,
    List<String> flags,
    LocalDate pensionAgeDate,
    boolean reachesPensionAge)
    implements Serializable {

  public Decision {
    heldCategories = List.copyOf(heldCategories);
    reasons = List.copyOf(reasons);
    flags = flags == null ? null : List.copyOf(flags);
  }
}
