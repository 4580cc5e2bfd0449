package org.daijiao.eligibility;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.daijiao.decide.Decider;
import org.daijiao.decide.Decision;
import org.daijiao.decide.Rules2022;
import org.daijiao.person.Category;
import org.daijiao.person.Period;
import org.daijiao.person.PersonBuilder;
import org.daijiao.person.PersonTimeline;
import org.daijiao.policy.Policy;

/**
 * The interval algebra against the rule read literally: a loop over every day of W applying
 * conditions 1–3 of SPEC §2.2, then the reasons and the resolved category of §2.2–§2.3.
 */
class QualifyingDaysPropertyTest {
  /** §1's exclusions in the order of their reason codes (SPEC §2.2), spelled out for the oracle. */
  private static final List<String> EXCLUSIONS = List.of("STUDENT", "MILITARY", "PRISONER");

  private static final Policy POLICY = Rules2022.POLICY;
  private static final LocalDate BASE = LocalDate.of(2021, 6, 1);
  private static final List<String> CATEGORY_CODES =
      List.of("TEKUN", "DIBAO", "FANPIN", "SEVERE_DISABILITY", "MARGINAL_POVERTY");

  record Case(PersonTimeline person, LocalDate asOf) {}

  @Provide
  Arbitrary<Case> cases() {
    Arbitrary<LocalDate> birth =
        Arbitraries.integers().between(0, 365 * 60).map(d -> LocalDate.of(1955, 1, 1).plusDays(d));
    Arbitrary<LocalDate> asOf =
        Arbitraries.integers().between(0, 420).map(d -> LocalDate.of(2022, 1, 1).plusDays(d));
    Arbitrary<List<Period>> categories = period(Arbitraries.of(CATEGORY_CODES)).list().ofMaxSize(4);
    Arbitrary<List<Period>> exclusions = period(Arbitraries.of(EXCLUSIONS)).list().ofMaxSize(3);
    return Combinators.combine(birth, asOf, categories, exclusions)
        .as(
            (b, a, c, e) ->
                new Case(
                    new PersonTimeline(
                        PersonBuilder.syntheticId(b, "001"), b, c, e, List.of(), List.of()),
                    a));
  }

  private static Arbitrary<Period> period(Arbitrary<String> codes) {
    Arbitrary<Integer> start = Arbitraries.integers().between(0, 640);
    Arbitrary<Integer> length = Arbitraries.integers().between(-1, 400);
    return Combinators.combine(codes, start, length)
        .as(
            (code, s, len) ->
                new Period(
                    code, BASE.plusDays(s), len < 0 ? null : BASE.plusDays(s).plusDays(len)));
  }

  @Property(tries = 2000)
  void intervalsAgreeWithADayByDayReading(@ForAll("cases") Case c) {
    PersonTimeline p = c.person();
    LocalDate asOf = c.asOf();
    LocalDate end = asOf.isBefore(POLICY.yearEnd()) ? asOf : POLICY.yearEnd();
    LocalDate age16 = p.birthDate().plusYears(POLICY.ages().minAge());
    LocalDate age60 = p.birthDate().plusYears(POLICY.ages().maxAge());

    Set<LocalDate> held = new TreeSet<>();
    Set<LocalDate> heldAndAge = new TreeSet<>();
    Set<LocalDate> qualifying = new TreeSet<>();
    Set<Category> onQualifyingDays = EnumSet.noneOf(Category.class);
    boolean heldUnder16 = false;
    boolean held60 = false;
    for (LocalDate d = POLICY.yearStart(); !d.isAfter(end); d = d.plusDays(1)) {
      Set<Category> today = EnumSet.noneOf(Category.class);
      for (Period q : p.categoryPeriods()) {
        Category cat = Category.ofCodeOrNull(q.code());
        if (cat != null && !q.start().isAfter(asOf) && q.covers(d)) {
          today.add(cat);
        }
      }
      if (today.isEmpty()) {
        continue;
      }
      held.add(d);
      if (d.isBefore(age16)) {
        heldUnder16 = true;
        continue;
      }
      if (!d.isBefore(age60)) {
        held60 = true;
        continue;
      }
      heldAndAge.add(d);
      LocalDate day = d;
      boolean excluded =
          p.exclusionPeriods().stream().anyMatch(x -> !x.start().isAfter(asOf) && x.covers(day));
      if (!excluded) {
        qualifying.add(d);
        onQualifyingDays.addAll(today);
      }
    }
    List<String> reasons = new ArrayList<>();
    if (held.isEmpty()) {
      reasons.add("NO_TARGET_CATEGORY");
    } else if (heldAndAge.isEmpty()) {
      if (heldUnder16) {
        reasons.add("AGE_UNDER_16");
      }
      if (held60) {
        reasons.add("AGE_60_OR_OVER");
      }
    } else if (qualifying.isEmpty()) {
      for (String code : EXCLUSIONS) {
        boolean coversOne =
            p.exclusionPeriods().stream()
                .anyMatch(
                    x ->
                        x.code().equals(code)
                            && !x.start().isAfter(asOf)
                            && heldAndAge.stream().anyMatch(x::covers));
        if (coversOne) {
          reasons.add(code);
        }
      }
    }

    QualifyingDays days = QualifyingDays.of(p, POLICY, asOf);
    Decision decision = new Decider(POLICY, asOf).decide(p);
    assertThat(days.qualifying().dayCount()).as("qualifying days").isEqualTo(qualifying.size());
    assertThat(days.qualifying().first())
        .isEqualTo(qualifying.isEmpty() ? null : qualifying.iterator().next());
    assertThat(decision.reasons()).as("reasons").isEqualTo(reasons);
    assertThat(decision.eligible()).isEqualTo(!qualifying.isEmpty());
    if (decision.eligible()) {
      Category expected = CategoryResolution.highest(onQualifyingDays, POLICY);
      assertThat(decision.category()).as("resolved category").isEqualTo(expected.name());
      assertThat(decision.firstEligibleDate()).isEqualTo(qualifying.iterator().next());
    }
  }
}
