package org.daijiao.policy;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.Serializable;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.List;
import java.util.Map;
import org.daijiao.person.Category;
import org.daijiao.person.EnrollmentStatus;

/**
 * One policy year as the county decided it: every number, date and vocabulary the rules use. Loaded
 * and validated by {@link PolicyLoader}; immutable and serialisable so that Spark executors can
 * carry it.
 */
public record Policy(
    @JsonProperty("policy_year") int policyYear,
    @JsonProperty("county_code") String countyCode,
    @JsonProperty("county_name") String countyName,
    @JsonProperty("municipality_prefix") String municipalityPrefix,
    @JsonProperty("historical_area_codes") List<String> historicalAreaCodes,
    Ages ages,
    Amounts amounts,
    @JsonProperty("category_priority") List<Category> categoryPriority,
    Calendar calendar,
    Map<Category, Funding> funding,
    Vocabularies vocabularies,
    @JsonProperty("id_repair") IdRepair idRepair,
    @JsonProperty("audit_horizon_years") Integer auditHorizonYears,
    @JsonProperty("min_published_cell") Integer minPublishedCell)
    implements Serializable {

  /**
   * docs/inputs.md#id-repair: whether a UNIQUE repair candidate that also matches the township of
   * the rejected row is accepted without the data team's file. Optional; off when absent
   * (docs/decisions.md#no-repair-on-a-guess).
   */
  public record IdRepair(
      @JsonProperty("accept_unique_same_township") boolean acceptUniqueSameTownship)
      implements Serializable {}

  /** §2(二) 年满16周岁至60周岁: {@code minAge ≤ age < maxAge}. */
  public record Ages(@JsonProperty("min_age") int minAge, @JsonProperty("max_age") int maxAge)
      implements Serializable {}

  /**
   * §2(一): the lowest tier, the tiers a person may choose, the share of the lowest tier subsidised,
   * and the statuses of a county resident pension record whose tier is this year's choice
   * (docs/rules.md#chosen-tier: ACTIVE, else SUSPENDED; a TERMINATED or RECEIVING record chose
   * nothing).
   */
  public record Amounts(
      @JsonProperty("lowest_tier") BigDecimal lowestTier,
      @JsonProperty("valid_tiers") List<BigDecimal> validTiers,
      @JsonProperty("subsidy_share") Map<Category, BigDecimal> subsidyShare,
      @JsonProperty("tier_statuses") List<String> tierStatuses)
      implements Serializable {}

  /** §2(二): the regular cut-off and the deadlines, as month-days of the policy year. */
  public record Calendar(
      @JsonProperty("regular_cutoff") String regularCutoff,
      @JsonProperty("regular_deadline") String regularDeadline,
      @JsonProperty("dynamic_deadline") String dynamicDeadline,
      @JsonProperty("min_birth_date") String minBirthDate)
      implements Serializable {}

  /** §2(二): the certifying department (认定部门) and the funding source of a resolved category. */
  public record Funding(
      @JsonProperty("department") String department,
      @JsonProperty("funding_source") String fundingSource)
      implements Serializable {}

  /** A department's words for a roster category: target values map to a {@link Category}. */
  public record RosterVocabulary(
      Map<String, String> target, @JsonProperty("not_target") Map<String, String> notTarget)
      implements Serializable {}

  /** Every exported word the ingestion understands, per column. */
  public record Vocabularies(
      @JsonProperty("civil_affairs_category") RosterVocabulary civilAffairsCategory,
      @JsonProperty("rural_revitalization_category") RosterVocabulary ruralRevitalizationCategory,
      @JsonProperty("disability_grade") RosterVocabulary disabilityGrade,
      Map<String, String> scheme,
      @JsonProperty("enrollment_status") Map<String, String> enrollmentStatus,
      @JsonProperty("payer_type") Map<String, String> payerType,
      @JsonProperty("exclusion_reason") Map<String, String> exclusionReason)
      implements Serializable {}

  /** W starts here: {@code Y-01-01}. */
  public LocalDate yearStart() {
    return LocalDate.of(policyYear, 1, 1);
  }

  /** {@code Y-12-31}. */
  public LocalDate yearEnd() {
    return LocalDate.of(policyYear, 12, 31);
  }

  /** The default as_of of a run: {@code min(today, Y-12-31)}. */
  public LocalDate defaultAsOf(LocalDate today) {
    return today.isBefore(yearEnd()) ? today : yearEnd();
  }

  /** The last day of the REGULAR batch (§2(二) 2022年8月31日前). */
  public LocalDate regularCutoff() {
    return MonthDay.parse("--" + calendar.regularCutoff()).atYear(policyYear);
  }

  public LocalDate regularDeadline() {
    return MonthDay.parse("--" + calendar.regularDeadline()).atYear(policyYear);
  }

  public LocalDate dynamicDeadline() {
    return MonthDay.parse("--" + calendar.dynamicDeadline()).atYear(policyYear);
  }

  public LocalDate minBirthDate() {
    return LocalDate.parse(calendar.minBirthDate());
  }

  /** Rank of a category in §2(一)'s priority: 0 is the highest. */
  public int priorityRank(Category category) {
    return categoryPriority.indexOf(category);
  }

  /** §2(一): the subsidy of a resolved category, {@code share × L}, to the cent. */
  public BigDecimal subsidyFor(Category category) {
    return amounts
        .lowestTier()
        .multiply(amounts.subsidyShare().get(category))
        .setScale(2, RoundingMode.HALF_UP);
  }

  /** The lowest tier L, to the cent. */
  public BigDecimal lowestTier() {
    return amounts.lowestTier().setScale(2, RoundingMode.HALF_UP);
  }

  /** True when {@code tier} is one of the tiers a person may choose. */
  public boolean isValidTier(BigDecimal tier) {
    return tier != null && amounts.validTiers().stream().anyMatch(t -> t.compareTo(tier) == 0);
  }

  /**
   * docs/rules.md#chosen-tier: the statuses whose county resident records carry the year's choice
   * of tier, in order of preference ({@code amounts.tier_statuses}).
   */
  public List<EnrollmentStatus> tierStatuses() {
    return amounts.tierStatuses().stream().map(EnrollmentStatus::valueOf).toList();
  }

  /** §2(二): the certifying department (认定部门) that pays for a resolved category. */
  public Department department(Category category) {
    return Department.valueOf(funding.get(category).department());
  }

  /** §2(二): where the department's money for a resolved category comes from. */
  public FundingSource fundingSource(Category category) {
    return FundingSource.valueOf(funding.get(category).fundingSource());
  }

  /** True when the region code is inside the municipality (重庆: 50…). */
  public boolean isInMunicipality(String regionCode) {
    return regionCode != null && regionCode.startsWith(municipalityPrefix);
  }

  /**
   * docs/inputs.md#id-repair: {@link IdRepair#acceptUniqueSameTownship}, false when the file does
   * not say.
   */
  public boolean acceptsUniqueSameTownship() {
    return idRepair != null && idRepair.acceptUniqueSameTownship();
  }

  /** True when the region code is this county. */
  public boolean isCounty(String regionCode) {
    return countyCode.equals(regionCode);
  }
}
