package org.daijiao.decide;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import org.daijiao.person.Category;
import org.daijiao.person.PersonBuilder;
import org.daijiao.policy.Policy;
import org.daijiao.policy.PolicyLoader;

/** The bundled 2022 policy, variants of it, and a one-call decision for the rule tests. */
public final class Rules2022 {
  public static final Policy POLICY = PolicyLoader.bundled();
  public static final LocalDate YEAR_END = LocalDate.of(2022, 12, 31);

  private Rules2022() {}

  /** The decision at the end of 2022 (as_of 2022-12-31). */
  public static Decision decide(PersonBuilder person) {
    return decide(person, YEAR_END);
  }

  public static Decision decide(PersonBuilder person, LocalDate asOf) {
    return new Decider(POLICY, asOf).decide(person.build());
  }

  public static Decision decide(PersonBuilder person, String asOf) {
    return decide(person, LocalDate.parse(asOf));
  }

  /** The decision and its audit trail (what {@code explain} prints) at a given as_of. */
  public static ExplainedDecision explain(PersonBuilder person, String asOf) {
    return new Decider(POLICY, LocalDate.parse(asOf)).explain(person.build());
  }

  /** The 2022 policy moved to another year (same amounts, ages and calendar month-days). */
  public static Policy forYear(int year) {
    Policy p = POLICY;
    return new Policy(
        year,
        p.countyCode(),
        p.countyName(),
        p.municipalityPrefix(),
        p.historicalAreaCodes(),
        p.ages(),
        p.amounts(),
        p.categoryPriority(),
        p.calendar(),
        p.funding(),
        p.vocabularies(),
        p.idRepair(),
        p.auditHorizonYears(),
        p.minPublishedCell());
  }

  /** The 2022 policy with another subsidy share for one category. */
  public static Policy withShare(Category category, String share) {
    Policy p = POLICY;
    Map<Category, BigDecimal> shares = new EnumMap<>(p.amounts().subsidyShare());
    shares.put(category, new BigDecimal(share));
    return new Policy(
        p.policyYear(),
        p.countyCode(),
        p.countyName(),
        p.municipalityPrefix(),
        p.historicalAreaCodes(),
        p.ages(),
        new Policy.Amounts(
            p.amounts().lowestTier(), p.amounts().validTiers(), shares, p.amounts().tierStatuses()),
        p.categoryPriority(),
        p.calendar(),
        p.funding(),
        p.vocabularies(),
        p.idRepair(),
        p.auditHorizonYears(),
        p.minPublishedCell());
  }
}
