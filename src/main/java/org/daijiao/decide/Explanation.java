package org.daijiao.decide;

import java.util.List;
import org.daijiao.identity.IdNumber;
import org.daijiao.person.PersonTimeline;
import org.daijiao.policy.Policy;

/**
 * What {@code daijiao explain} prints: a decision rule by rule, each section citing its clause of
 * the notice, for a clerk to read (docs/rules.md#explain). The ID number is masked
 * (docs/privacy.md#privacy-rule).
 */
public final class Explanation {
  private static final String INDENT = "   ";

  private Explanation() {}

  /**
   * @throws IllegalArgumentException when the decision is not about this person or this policy year
   */
  public static String render(PersonTimeline person, ExplainedDecision explained, Policy policy) {
    Decision decision = explained.decision();
    if (!person.id().equals(decision.id())) {
      throw new IllegalArgumentException("the decision is about another person than the timeline");
    }
    if (decision.policyYear() != policy.policyYear()) {
      throw new IllegalArgumentException(
          "the decision is for policy year "
              + decision.policyYear()
              + ", the policy for "
              + policy.policyYear());
    }
    StringBuilder out = new StringBuilder();
    out.append("代缴资助 ")
        .append(policy.policyYear())
        .append(" — county ")
        .append(policy.countyCode())
        .append(", as_of ")
        .append(decision.asOf())
        .append('\n');
    out.append("ID ").append(IdNumber.mask(person.id())).append('\n');
    out.append("Decision: ").append(verdict(decision)).append("\n\n");
    List<Step> steps = explained.trace();
    for (int i = 0; i < steps.size(); i++) {
      Step s = steps.get(i);
      out.append(i + 1).append(". ").append(s.clause()).append(' ').append(s.rule()).append('\n');
      for (String line : s.finding().split("\n", -1)) {
        out.append(INDENT).append(line).append('\n');
      }
    }
    return out.toString();
  }

  private static String verdict(Decision d) {
    if (!d.eligible()) {
      return "not eligible ("
          + String.join(", ", d.reasons())
          + ")"
          + (d.category() == null ? "" : ", highest category held " + label(d.category()));
    }
    return "eligible as "
        + label(d.category())
        + ", subsidy "
        + d.subsidyAmount().toPlainString()
        + ", "
        + d.mode()
        + ", "
        + d.batch()
        + " batch by "
        + d.deadline()
        + ", status "
        + d.status();
  }

  private static String label(String code) {
    return CategoryLabels.labelled(code);
  }
}
