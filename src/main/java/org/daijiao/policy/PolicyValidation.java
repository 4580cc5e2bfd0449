package org.daijiao.policy;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import org.daijiao.person.Category;
import org.daijiao.person.EnrollmentStatus;

/**
 * The checks of a parsed policy: each problem names its key and what it must be, and every problem
 * is named at once ({@link PolicyLoader} refuses the file with them all). The vocabularies have
 * their own checks ({@link VocabularyValidation}).
 */
final class PolicyValidation {
  private static final List<String> DEPARTMENTS = names(Department.values());
  private static final List<String> FUNDING_SOURCES = names(FundingSource.values());
  private static final List<String> OPEN_STATUSES = names(EnrollmentStatus.OPEN);

  private PolicyValidation() {}

  /** Every problem of a parsed policy, each naming its key; empty when usable. */
  static List<String> problems(Policy p) {
    List<String> problems = new ArrayList<>();
    if (p.policyYear() < 2000 || p.policyYear() > 2100) {
      problems.add("policy_year " + p.policyYear() + " is not a plausible year (2000–2100)");
    }
    requireDigits(problems, "county_code", p.countyCode(), 6);
    validateCountyName(problems, p.countyName());
    if (p.municipalityPrefix() == null || !p.municipalityPrefix().matches("\\d{2}")) {
      problems.add("municipality_prefix must be the 2-digit province-level code, e.g. \"50\"");
    } else if (p.countyCode() != null && !p.countyCode().startsWith(p.municipalityPrefix())) {
      problems.add(
          "county_code "
              + p.countyCode()
              + " is not inside municipality_prefix "
              + p.municipalityPrefix());
    }
    if (p.historicalAreaCodes() == null) {
      problems.add("historical_area_codes is missing (use [] when there are none)");
    } else {
      p.historicalAreaCodes().forEach(c -> requireDigits(problems, "historical_area_codes", c, 6));
    }
    validateAges(problems, p);
    validateAmounts(problems, p);
    validatePriority(problems, p);
    validateCalendar(problems, p);
    validateFunding(problems, p);
    VocabularyValidation.validate(problems, p.vocabularies());
    validateAuditHorizon(problems, p);
    if (p.minPublishedCell() == null || p.minPublishedCell() < 1) {
      problems.add(
          "min_published_cell must be a count of at least 1 (the HTML report shows no smaller"
              + " count of persons, docs/reports.md#small-cells), got "
              + p.minPublishedCell());
    }
    return problems;
  }

  /**
   * The county's name as reports print it and name their files (彭水县2022年…xlsx): a short text that
   * can be part of a file name on any system.
   */
  private static void validateCountyName(List<String> problems, String name) {
    if (name == null || name.isBlank()) {
      problems.add("county_name is missing: the county's name as reports print it, e.g. \"彭水县\"");
    } else if (!name.equals(name.strip())
        || name.length() > 20
        || !name.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '·')) {
      problems.add(
          "county_name must be a name of at most 20 letters or digits without spaces or"
              + " punctuation (it becomes part of the report's file name), got \""
              + name
              + "\"");
    }
  }

  /**
   * How long what a run decided must stay readable (time travel to the run's table versions): table
   * maintenance never deletes history younger than this.
   */
  private static void validateAuditHorizon(List<String> problems, Policy p) {
    Integer years = p.auditHorizonYears();
    if (years == null) {
      problems.add(
          "audit_horizon_years is missing: the years for which every run's tables must stay"
              + " readable (e.g. 10)");
    } else if (years < 1 || years > 100) {
      problems.add("audit_horizon_years must be 1–100 years, got " + years);
    }
  }

  private static void validateAges(List<String> problems, Policy p) {
    if (p.ages() == null) {
      problems.add("ages is missing");
    } else if (p.ages().minAge() < 0
        || p.ages().maxAge() <= p.ages().minAge()
        || p.ages().maxAge() > 120) {
      problems.add(
          "ages: need 0 ≤ min_age < max_age ≤ 120, got "
              + p.ages().minAge()
              + " and "
              + p.ages().maxAge());
    }
  }

  private static void validateAmounts(List<String> problems, Policy p) {
    Policy.Amounts a = p.amounts();
    if (a == null
        || a.lowestTier() == null
        || a.validTiers() == null
        || a.subsidyShare() == null
        || a.tierStatuses() == null) {
      problems.add("amounts needs lowest_tier, valid_tiers, subsidy_share and tier_statuses");
      return;
    }
    if (a.lowestTier().signum() <= 0 || a.lowestTier().scale() > 2) {
      problems.add(
          "amounts.lowest_tier must be a positive amount in yuan with at most 2 decimals, got "
              + a.lowestTier());
    }
    if (a.validTiers().stream().noneMatch(t -> t.compareTo(a.lowestTier()) == 0)) {
      problems.add("amounts.valid_tiers must contain lowest_tier " + a.lowestTier());
    }
    for (BigDecimal t : a.validTiers()) {
      if (t.compareTo(a.lowestTier()) < 0) {
        problems.add("amounts.valid_tiers has " + t + ", below lowest_tier " + a.lowestTier());
      }
    }
    // docs/rules.md#chosen-tier: only an open record carries this year's choice of tier.
    if (a.tierStatuses().isEmpty()
        || !OPEN_STATUSES.containsAll(a.tierStatuses())
        || new HashSet<>(a.tierStatuses()).size() != a.tierStatuses().size()) {
      problems.add(
          "amounts.tier_statuses must list, in order of preference and without repeats, statuses"
              + " among "
              + OPEN_STATUSES
              + " (a TERMINATED or RECEIVING record chose no tier for the year), got "
              + a.tierStatuses());
    }
    for (Category c : Category.values()) {
      BigDecimal share = a.subsidyShare().get(c);
      if (share == null) {
        problems.add("amounts.subsidy_share has no share for " + c);
      } else if (share.signum() <= 0 || share.compareTo(BigDecimal.ONE) > 0) {
        problems.add("amounts.subsidy_share." + c + " must be in (0, 1], got " + share);
      }
    }
  }

  private static void validatePriority(List<String> problems, Policy p) {
    List<Category> priority = p.categoryPriority();
    if (priority == null
        || priority.size() != Category.values().length
        || !EnumSet.copyOf(priority).equals(EnumSet.allOf(Category.class))) {
      problems.add(
          "category_priority must list each of "
              + List.of(Category.values())
              + " exactly once, got "
              + priority);
    }
  }

  private static void validateCalendar(List<String> problems, Policy p) {
    Policy.Calendar c = p.calendar();
    if (c == null) {
      problems.add("calendar is missing");
      return;
    }
    requireMonthDay(problems, "calendar.regular_cutoff", c.regularCutoff());
    requireMonthDay(problems, "calendar.regular_deadline", c.regularDeadline());
    requireMonthDay(problems, "calendar.dynamic_deadline", c.dynamicDeadline());
    try {
      LocalDate.parse(String.valueOf(c.minBirthDate()));
    } catch (DateTimeException e) {
      problems.add("calendar.min_birth_date must be yyyy-MM-dd, got " + c.minBirthDate());
    }
  }

  private static void validateFunding(List<String> problems, Policy p) {
    if (p.funding() == null) {
      problems.add("funding is missing");
      return;
    }
    for (Category c : Category.values()) {
      Policy.Funding f = p.funding().get(c);
      if (f == null) {
        problems.add("funding has no entry for " + c);
        continue;
      }
      if (!DEPARTMENTS.contains(f.department())) {
        problems.add(
            "funding." + c + ".department " + f.department() + " is not one of " + DEPARTMENTS);
      }
      if (!FUNDING_SOURCES.contains(f.fundingSource())) {
        problems.add(
            "funding."
                + c
                + ".funding_source "
                + f.fundingSource()
                + " is not one of "
                + FUNDING_SOURCES);
      }
    }
  }

  /** The names of a code enum's constants: what the policy file may map a word to. */
  static List<String> names(Enum<?>[] codes) {
    return names(List.of(codes));
  }

  private static List<String> names(List<? extends Enum<?>> codes) {
    return codes.stream().map(Enum::name).toList();
  }

  private static void requireDigits(List<String> problems, String key, String value, int length) {
    if (value == null || !value.matches("\\d{" + length + "}")) {
      problems.add(key + " must be " + length + " digits (quote it in YAML), got " + value);
    }
  }

  private static void requireMonthDay(List<String> problems, String key, String value) {
    try {
      MonthDay.parse("--" + value);
    } catch (DateTimeException | NullPointerException e) {
      problems.add(key + " must be MM-dd, got " + value);
    }
  }
}
