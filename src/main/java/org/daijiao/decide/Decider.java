package org.daijiao.decide;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.daijiao.eligibility.CategoryResolution;
import org.daijiao.eligibility.EnrollmentSnapshot;
import org.daijiao.eligibility.QualifyingDays;
import org.daijiao.eligibility.Reason;
import org.daijiao.eligibility.Reasons;
import org.daijiao.ledger.LedgerEntry;
import org.daijiao.ledger.LedgerRules;
import org.daijiao.ledger.PaymentTotals;
import org.daijiao.ledger.TierChoice;
import org.daijiao.person.Category;
import org.daijiao.person.PersonTimeline;
import org.daijiao.policy.Policy;

/**
 * The 2022 policy (docs/rules.md) for one person at a time: eligibility, reasons, the resolved
 * category, the ledger row and the audit trail. Pure and serialisable, so that Spark executors call
 * it on each person's grouped records.
 */
public final class Decider implements Serializable {
  private static final long serialVersionUID = 1L;

  private final Policy policy;
  private final LocalDate asOf;
  private final LedgerRules ledger;

  /**
   * @param asOf the run's reference date; W = [Y-01-01, min(Y-12-31, as_of)]
   * @throws IllegalArgumentException when as_of is before the policy year starts (W would be empty)
   */
  public Decider(Policy policy, LocalDate asOf) {
    this.policy = Objects.requireNonNull(policy, "policy");
    this.asOf = Objects.requireNonNull(asOf, "as_of");
    if (asOf.isBefore(policy.yearStart())) {
      throw new IllegalArgumentException(
          "as_of "
              + asOf
              + " is before policy year "
              + policy.policyYear()
              + " starts, so no day of the year can be judged; pass an as_of on or after "
              + policy.yearStart()
              + ".");
    }
    this.ledger = new LedgerRules(policy);
  }

  public Decision decide(PersonTimeline person) {
    return decision(findings(person));
  }

  /**
   * The decision and its audit trail, one step per rule with the clause of the notice: what {@code
   * daijiao explain} prints. The same findings as {@link #decide}; only the trail is added, so the
   * runs over the whole county do not build it.
   */
  public ExplainedDecision explain(PersonTimeline person) {
    Findings f = findings(person);
    return new ExplainedDecision(decision(f), new DecisionTrace(policy).steps(f));
  }

  private Decision decision(Findings f) {
    PersonTimeline person = f.person();
    LedgerEntry e = f.entry();
    boolean eligible = f.eligible();
    return new Decision(
        policy.policyYear(),
        asOf,
        person.id(),
        f.held().stream().map(Category::name).collect(Collectors.toList()),
        eligible,
        f.category() == null ? null : f.category().name(),
        f.reasons().stream().map(Reason::name).collect(Collectors.toList()),
        eligible ? f.days().qualifying().first() : null,
        // docs/rules.md#coverage-target: the coverage target ignores the insurance-based
        // exclusions.
        !f.days().qualifying().isEmpty(),
        f.snapshot().insured(),
        eligible && f.paid().covers(f.tier().tier()),
        e == null ? null : e.department().name(),
        e == null ? null : e.fundingSource().name(),
        f.tier().tier(),
        e == null ? null : e.subsidyAmount(),
        e == null ? null : e.selfPayAmount(),
        f.paid().selfPaid(),
        f.paid().governmentPaid(),
        e == null ? null : e.mode().name(),
        e == null ? null : e.batch().name(),
        e == null ? null : e.deadline(),
        e == null ? null : e.status().name(),
        e == null ? null : e.flags().stream().map(Enum::name).collect(Collectors.toList()),
        f.days().ageEnd(),
        f.reachesPensionAge());
  }

  private Findings findings(PersonTimeline person) {
    QualifyingDays days = QualifyingDays.of(person, policy, asOf);
    EnrollmentSnapshot snapshot = new EnrollmentSnapshot(person.enrollments(), policy);
    List<Reason> reasons = Reasons.of(days, snapshot);
    List<Category> held = CategoryResolution.inPriorityOrder(days.held().keySet(), policy);
    boolean eligible = reasons.isEmpty();
    // §2(一): the highest-priority category held on any qualifying day, not only on the first one.
    // Decision: a person who is not eligible is reported under the highest category held in W.
    Category category =
        eligible
            ? CategoryResolution.highest(days.categoriesOnQualifyingDays(), policy)
            : CategoryResolution.highest(held, policy);
    TierChoice tier = TierChoice.of(person.enrollments(), policy);
    PaymentTotals paid = PaymentTotals.of(person.payments(), policy.policyYear(), asOf);
    LedgerEntry entry =
        eligible
            ? ledger.entry(category, days.qualifying().first(), person.enrollments(), tier, paid)
            : null;
    // §3(一) 达龄一个，发放一个: a target-category person whose 60th birthday falls in W.
    boolean reachesPensionAge = !held.isEmpty() && days.window().contains(days.ageEnd());
    return new Findings(
        person,
        asOf,
        days,
        snapshot,
        reasons,
        held,
        category,
        tier,
        paid,
        entry,
        reachesPensionAge);
  }
}
