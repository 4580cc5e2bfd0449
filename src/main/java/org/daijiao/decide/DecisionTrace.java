package org.daijiao.decide;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.daijiao.eligibility.CategoryResolution;
import org.daijiao.eligibility.DateRanges;
import org.daijiao.eligibility.QualifyingDays;
import org.daijiao.eligibility.Reason;
import org.daijiao.ledger.LedgerEntry;
import org.daijiao.ledger.LedgerTrace;
import org.daijiao.person.Category;
import org.daijiao.person.Enrollment;
import org.daijiao.person.ExclusionReason;
import org.daijiao.person.Period;
import org.daijiao.policy.Policy;

/**
 * The audit trail of a decision: one {@link Step} per rule, citing the clause of the notice, with
 * what was seen. Lines of a finding are separated by {@code \n}. Never mentions the ID number.
 */
final class DecisionTrace {
  private final Policy policy;

  DecisionTrace(Policy policy) {
    this.policy = policy;
  }

  List<Step> steps(Findings f) {
    List<Step> steps = new ArrayList<>();
    QualifyingDays d = f.days();
    steps.add(
        new Step(
            "§2",
            "W 政策年度时间窗 window",
            "W = "
                + d.window()
                + " (policy year "
                + policy.policyYear()
                + ", as_of "
                + f.asOf()
                + ")"));
    steps.add(new Step("§1 §2(一)", "身份 target categories held", categories(f)));
    steps.add(new Step("§2(一) §2(二)", "年龄 age window", age(f)));
    steps.add(new Step("§1", "排除 student / military / prisoner", exclusions(f)));
    steps.add(new Step("§1 §2(一) §2(二)", "代缴资格日 qualifying days", qualifying(f)));
    steps.add(new Step("§1", "参保 insurance-based exclusions", insurance(f)));
    steps.add(
        new Step(
            "§1 §2(一)",
            "代缴对象 eligibility",
            f.eligible()
                ? "eligible (代缴对象)"
                : "not eligible: "
                    + f.reasons().stream().map(Reason::name).collect(Collectors.joining(", "))));
    steps.add(new Step("§2(一)", "多重身份 category resolution", resolution(f)));
    LedgerTrace ledger = new LedgerTrace(policy);
    LedgerEntry e = f.entry();
    steps.add(new Step("§2(一)", "代缴标准 amounts", ledger.amounts(f.tier(), e)));
    steps.add(new Step("§2(二)", "缴费与方式 payments and mode", ledger.payments(f.paid(), e)));
    LocalDate first = f.days().qualifying().first();
    steps.add(new Step("§2(二)", "批次 batch and deadline", ledger.batch(first, e)));
    steps.add(new Step("§3(二)", "销号 status", ledger.status(e)));
    steps.add(new Step("preamble §3", "参保率 coverage", coverage(f)));
    steps.add(new Step("§3(一)", "达龄 reaching pension age", pensionAge(f)));
    return steps;
  }

  private String categories(Findings f) {
    List<String> lines = new ArrayList<>();
    for (Period p : f.person().categoryPeriods()) {
      String line = CategoryLabels.labelled(p.code()) + " " + span(p);
      if (Category.ofCodeOrNull(p.code()) == null) {
        line += " (not a target category)";
      }
      if (p.start() != null && p.start().isAfter(f.asOf())) {
        line += " (starts after as_of: does not exist for this run)";
      }
      lines.add(line);
    }
    if (lines.isEmpty()) {
      lines.add("no category record");
    }
    if (f.held().isEmpty()) {
      lines.add("no target category held on any day of W → " + Reason.NO_TARGET_CATEGORY);
    }
    for (Category c : f.held()) {
      lines.add("held in W: " + CategoryLabels.label(c.name()) + " " + f.days().held().get(c));
    }
    return String.join("\n", lines);
  }

  private String age(Findings f) {
    QualifyingDays d = f.days();
    String line =
        "born "
            + f.person().birthDate()
            + "; age window [满"
            + policy.ages().minAge()
            + "周岁 "
            + d.ageStart()
            + ", 满"
            + policy.ages().maxAge()
            + "周岁 "
            + d.ageEnd()
            + ")";
    if (f.held().isEmpty()) {
      return line;
    }
    line += "\ncategory held and age within the window: " + d.categoryAndAge();
    for (Reason r : List.of(Reason.AGE_UNDER_16, Reason.AGE_60_OR_OVER)) {
      if (f.reasons().contains(r)) {
        line += " → " + r;
      }
    }
    return line;
  }

  private String exclusions(Findings f) {
    List<String> lines = new ArrayList<>();
    for (Period p : f.person().exclusionPeriods()) {
      String line = CategoryLabels.labelled(p.code()) + " " + span(p);
      if (p.start() != null && p.start().isAfter(f.asOf())) {
        line += " (starts after as_of: does not exist for this run)";
      }
      lines.add(line);
    }
    if (lines.isEmpty()) {
      return "no exclusion period";
    }
    for (Map.Entry<ExclusionReason, DateRanges> e : f.days().exclusions().entrySet()) {
      lines.add("covers in W: " + CategoryLabels.labelled(e.getKey().name()) + " " + e.getValue());
    }
    return String.join("\n", lines);
  }

  private String qualifying(Findings f) {
    DateRanges q = f.days().qualifying();
    if (q.isEmpty()) {
      List<String> excluded =
          f.reasons().stream()
              .filter(Reason::isExclusion)
              .map(Reason::name)
              .collect(Collectors.toList());
      return "none"
          + (excluded.isEmpty()
              ? ""
              : ": exclusions cover every day → " + String.join(", ", excluded));
    }
    return q + " (" + q.dayCount() + " days); first qualifying day " + q.first();
  }

  private String insurance(Findings f) {
    List<String> lines = new ArrayList<>();
    for (Enrollment e : f.snapshot().records()) {
      lines.add(
          "enrolment: "
              + e.scheme()
              + " region "
              + e.regionCode()
              + " "
              + e.status()
              + " tier "
              + (e.tier() == null ? "—" : e.tier().toPlainString()));
    }
    if (lines.isEmpty()) {
      lines.add("no enrolment record");
    }
    Set<Reason> reasons = f.snapshot().insuranceExclusions();
    lines.add(
        reasons.isEmpty()
            ? "no insurance-based exclusion"
            : "→ " + reasons.stream().map(Reason::name).collect(Collectors.joining(", ")));
    return String.join("\n", lines);
  }

  private String resolution(Findings f) {
    if (f.category() == null) {
      return "no target category held";
    }
    String order =
        policy.categoryPriority().stream()
            .map(c -> CategoryLabels.label(c.name()))
            .collect(Collectors.joining(" > "));
    if (!f.eligible()) {
      return "not eligible; reported under the highest category held in W: "
          + CategoryLabels.labelled(f.category().name())
          + " (priority "
          + order
          + ")";
    }
    // Lowest first, as the notice words it: 低保对象与特困对象重复的确认为特困人员身份.
    List<Category> candidates =
        CategoryResolution.inPriorityOrder(f.days().categoriesOnQualifyingDays(), policy);
    List<String> labels = new ArrayList<>();
    for (int i = candidates.size() - 1; i >= 0; i--) {
      labels.add(CategoryLabels.label(candidates.get(i).name()));
    }
    String combination =
        candidates.size() == 1 ? labels.get(0) + " only" : String.join("+", labels);
    return combination
        + " → "
        + CategoryLabels.label(f.category().name())
        + " ("
        + f.category().name()
        + "; priority "
        + order
        + ")";
  }

  private String coverage(Findings f) {
    boolean target = !f.days().qualifying().isEmpty();
    boolean paid = f.eligible() && f.paid().covers(f.tier().tier());
    return "coverage target: "
        + yesNo(target)
        + "; insured (ACTIVE/SUSPENDED/RECEIVING, any scheme or region): "
        + yesNo(f.snapshot().insured())
        + "; paid (eligible, self_paid + government_paid ≥ T): "
        + yesNo(paid);
  }

  private String pensionAge(Findings f) {
    String birthday = "满" + policy.ages().maxAge() + "周岁 " + f.days().ageEnd();
    if (f.reachesPensionAge()) {
      return birthday + " is in W → reaches pension age (达龄一个，发放一个)";
    }
    return birthday + (f.held().isEmpty() ? "; no target category held in W" : " is not in W");
  }

  private static String span(Period p) {
    return (p.start() == null ? "?" : p.start().toString())
        + " – "
        + (p.end() == null ? "ongoing" : p.end().toString());
  }

  private static String yesNo(boolean b) {
    return b ? "yes" : "no";
  }
}
