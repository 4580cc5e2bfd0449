package org.daijiao.eligibility;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.daijiao.person.Category;
import org.daijiao.person.ExclusionReason;
import org.daijiao.person.Period;
import org.daijiao.person.PersonTimeline;
import org.daijiao.policy.Policy;

/**
 * The days of docs/rules.md#qualifying-days, as sets of date ranges within W: the days each target
 * category is held (condition 1), the days within the age window (condition 2), the days each
 * exclusion covers (condition 3) and the qualifying days where all three hold.
 *
 * @param window W = [Y-01-01, min(Y-12-31, as_of)]
 * @param held per target category, the days of W it is held; only categories held on some day
 * @param ageStart the birthday at the minimum age (16th): the first day at that age
 * @param ageEnd the birthday at the maximum age (60th): the first day outside the window
 * @param categoryAndAge the days of W on which conditions 1 and 2 hold
 * @param exclusions per exclusion code of §1, the days of W it covers; only codes with some day
 * @param qualifying the days on which conditions 1, 2 and 3 hold
 */
public record QualifyingDays(
    DateRanges window,
    Map<Category, DateRanges> held,
    LocalDate ageStart,
    LocalDate ageEnd,
    DateRanges categoryAndAge,
    Map<ExclusionReason, DateRanges> exclusions,
    DateRanges qualifying) {

  public QualifyingDays {
    Map<Category, DateRanges> heldCopy = new EnumMap<>(Category.class);
    heldCopy.putAll(held);
    held = Collections.unmodifiableMap(heldCopy);
    Map<ExclusionReason, DateRanges> exclusionsCopy = new EnumMap<>(ExclusionReason.class);
    exclusionsCopy.putAll(exclusions);
    exclusions = Collections.unmodifiableMap(exclusionsCopy);
  }

  /** W of a run: empty when as_of is before the policy year starts. */
  public static DateRanges window(Policy policy, LocalDate asOf) {
    LocalDate end = asOf.isBefore(policy.yearEnd()) ? asOf : policy.yearEnd();
    return DateRanges.of(policy.yearStart(), end);
  }

  /** Applies conditions 1–3 of docs/rules.md#qualifying-days to one person. */
  public static QualifyingDays of(PersonTimeline person, Policy policy, LocalDate asOf) {
    DateRanges window = window(policy, asOf);

    // Condition 1, §1 and §2(一): the four target categories; known non-target codes hold nothing.
    Map<Category, DateRanges> held = new EnumMap<>(Category.class);
    for (Category c : Category.values()) {
      DateRanges days = days(person.categoryPeriods(), p -> c.name().equals(p.code()), asOf);
      days = days.intersect(window);
      if (!days.isEmpty()) {
        held.put(c, days);
      }
    }
    DateRanges heldAny = held.values().stream().reduce(DateRanges.empty(), DateRanges::union);

    // Condition 2, §2(二) 年满16周岁至60周岁 and §2(一) 未满60周岁: [16th birthday, 60th birthday).
    // plusYears moves a 29 February birthday to 28 February in a common year.
    LocalDate ageStart = person.birthDate().plusYears(policy.ages().minAge());
    LocalDate ageEnd = person.birthDate().plusYears(policy.ages().maxAge());
    DateRanges categoryAndAge = heldAny.intersect(DateRanges.of(ageStart, ageEnd.minusDays(1)));

    // Condition 3, §1 在校学生、现役军人、服刑期间: not subsidised while any of them covers the day.
    List<String> codes = Arrays.stream(ExclusionReason.values()).map(Enum::name).toList();
    for (Period p : person.exclusionPeriods()) {
      if (!codes.contains(p.code())) {
        throw new IllegalArgumentException(
            "unknown exclusion code " + p.code() + "; expected one of " + codes);
      }
    }
    Map<ExclusionReason, DateRanges> exclusions = new EnumMap<>(ExclusionReason.class);
    DateRanges excluded = DateRanges.empty();
    for (ExclusionReason reason : ExclusionReason.values()) {
      DateRanges days = days(person.exclusionPeriods(), p -> reason.name().equals(p.code()), asOf);
      days = days.intersect(window);
      if (!days.isEmpty()) {
        exclusions.put(reason, days);
        excluded = excluded.union(days);
      }
    }
    return new QualifyingDays(
        window, held, ageStart, ageEnd, categoryAndAge, exclusions, categoryAndAge.minus(excluded));
  }

  /** The days of W on which some target category is held (condition 1 alone). */
  public DateRanges heldAny() {
    return held.values().stream().reduce(DateRanges.empty(), DateRanges::union);
  }

  /** The target categories held on some qualifying day (the candidates of §2(一) resolution). */
  public Set<Category> categoriesOnQualifyingDays() {
    return held.entrySet().stream()
        .filter(e -> e.getValue().overlaps(qualifying))
        .map(Map.Entry::getKey)
        .collect(Collectors.toCollection(() -> EnumSet.noneOf(Category.class)));
  }

  /**
   * The days covered by the periods that pass the filter. A record that starts after as_of does not
   * exist for the run (docs/rules.md#window); a record without a start date, or that ends before it
   * starts, covers no day.
   */
  private static DateRanges days(List<Period> periods, Predicate<Period> filter, LocalDate asOf) {
    List<DateRanges.Range> ranges = new ArrayList<>();
    for (Period p : periods) {
      if (!filter.test(p) || p.start() == null || p.start().isAfter(asOf)) {
        continue;
      }
      LocalDate end = p.end() == null ? LocalDate.MAX : p.end();
      if (!end.isBefore(p.start())) {
        ranges.add(new DateRanges.Range(p.start(), end));
      }
    }
    return DateRanges.union(ranges);
  }
}
