package org.daijiao.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.daijiao.person.Category;
import org.junit.jupiter.api.Test;

/**
 * Every check of a policy file, at its boundaries: the bundled 2022 policy changed in one value,
 * and the exact problem the loader names (or none, on the boundary that is still allowed).
 */
class PolicyValidationTest {
  private static final Policy P = PolicyLoader.bundled();

  private static List<String> problems(Policy p) {
    return PolicyValidation.problems(p);
  }

  private static Policy with(
      int year, String county, String name, String prefix, List<String> historical) {
    return new Policy(
        year,
        county,
        name,
        prefix,
        historical,
        P.ages(),
        P.amounts(),
        P.categoryPriority(),
        P.calendar(),
        P.funding(),
        P.vocabularies(),
        P.idRepair(),
        P.auditHorizonYears(),
        P.minPublishedCell());
  }

  private static Policy withYear(int year) {
    return with(
        year, P.countyCode(), P.countyName(), P.municipalityPrefix(), P.historicalAreaCodes());
  }

  private static Policy withName(String name) {
    return with(
        P.policyYear(), P.countyCode(), name, P.municipalityPrefix(), P.historicalAreaCodes());
  }

  private static Policy with(
      Policy.Ages ages, Policy.Amounts amounts, Policy.Calendar calendar, Integer horizon) {
    return new Policy(
        P.policyYear(),
        P.countyCode(),
        P.countyName(),
        P.municipalityPrefix(),
        P.historicalAreaCodes(),
        ages,
        amounts,
        P.categoryPriority(),
        calendar,
        P.funding(),
        P.vocabularies(),
        P.idRepair(),
        horizon,
        P.minPublishedCell());
  }

  private static Policy withAges(int min, int max) {
    return with(new Policy.Ages(min, max), P.amounts(), P.calendar(), P.auditHorizonYears());
  }

  private static Policy withHorizon(Integer years) {
    return with(P.ages(), P.amounts(), P.calendar(), years);
  }

  private static Policy withAmounts(String lowest, List<Integer> tiers, String dibaoShare) {
    Map<Category, BigDecimal> shares = new EnumMap<>(P.amounts().subsidyShare());
    if (dibaoShare == null) {
      shares.remove(Category.DIBAO);
    } else {
      shares.put(Category.DIBAO, new BigDecimal(dibaoShare));
    }
    return with(
        P.ages(),
        new Policy.Amounts(
            new BigDecimal(lowest),
            tiers.stream().map(BigDecimal::valueOf).toList(),
            shares,
            P.amounts().tierStatuses()),
        P.calendar(),
        P.auditHorizonYears());
  }

  private static Policy withCalendar(String cutoff, String regular, String dynamic, String min) {
    return with(
        P.ages(),
        P.amounts(),
        new Policy.Calendar(cutoff, regular, dynamic, min),
        P.auditHorizonYears());
  }

  private static Policy withFunding(Category c, String department, String source) {
    Map<Category, Policy.Funding> funding = new EnumMap<>(P.funding());
    if (department == null) {
      funding.remove(c);
    } else {
      funding.put(c, new Policy.Funding(department, source));
    }
    return new Policy(
        P.policyYear(),
        P.countyCode(),
        P.countyName(),
        P.municipalityPrefix(),
        P.historicalAreaCodes(),
        P.ages(),
        P.amounts(),
        P.categoryPriority(),
        P.calendar(),
        funding,
        P.vocabularies(),
        P.idRepair(),
        P.auditHorizonYears(),
        P.minPublishedCell());
  }

  private static Policy withVocabularies(UnaryOperator<Policy.Vocabularies> change) {
    return new Policy(
        P.policyYear(),
        P.countyCode(),
        P.countyName(),
        P.municipalityPrefix(),
        P.historicalAreaCodes(),
        P.ages(),
        P.amounts(),
        P.categoryPriority(),
        P.calendar(),
        P.funding(),
        change.apply(P.vocabularies()),
        P.idRepair(),
        P.auditHorizonYears(),
        P.minPublishedCell());
  }

  private static Map<String, String> plus(Map<String, String> words, String word, String code) {
    Map<String, String> out = new HashMap<>(words);
    out.put(word, code);
    return out;
  }

  @Test
  void theBundledPolicyHasNoProblem() {
    assertThat(problems(P)).isEmpty();
  }

  @Test
  void thePolicyYearIsBetween2000And2100() {
    assertThat(problems(withYear(2000))).isEmpty();
    assertThat(problems(withYear(2100))).isEmpty();
    assertThat(problems(withYear(1999)))
        .containsExactly("policy_year 1999 is not a plausible year (2000–2100)");
    assertThat(problems(withYear(2101)))
        .containsExactly("policy_year 2101 is not a plausible year (2000–2100)");
  }

  @Test
  void codesAreDigitsOfTheRightLengthInsideTheMunicipality() {
    assertThat(problems(with(2022, "50024", "彭水县", "50", List.of())))
        .containsExactly("county_code must be 6 digits (quote it in YAML), got 50024");
    assertThat(problems(with(2022, "500243", "彭水县", "5", List.of())))
        .containsExactly(
            "municipality_prefix must be the 2-digit province-level code, e.g. \"50\"");
    assertThat(problems(with(2022, "500243", "彭水县", "51", List.of())))
        .containsExactly("county_code 500243 is not inside municipality_prefix 51");
    assertThat(problems(with(2022, "500243", "彭水县", "50", null)))
        .containsExactly("historical_area_codes is missing (use [] when there are none)");
    assertThat(problems(with(2022, "500243", "彭水县", "50", List.of("512728", "51272"))))
        .containsExactly("historical_area_codes must be 6 digits (quote it in YAML), got 51272");
  }

  @Test
  void theCountyNameIsAtMost20LettersOrDigitsOrMiddleDots() {
    assertThat(problems(withName("一二三四五六七八九十一二三四五六七八九十"))).isEmpty();
    assertThat(problems(withName("彭水·县"))).isEmpty();
    assertThat(problems(withName("一二三四五六七八九十一二三四五六七八九十一")))
        .singleElement()
        .asString()
        .startsWith("county_name must be a name of at most 20 letters");
    assertThat(problems(withName("彭水县 "))).singleElement().asString().endsWith("got \"彭水县 \"");
    assertThat(problems(withName(" ")))
        .containsExactly(
            "county_name is missing: the county's name as reports print it, e.g. \"彭水县\"");
  }

  @Test
  void agesNeedZeroToMinBelowMaxUpTo120() {
    assertThat(problems(withAges(0, 1))).isEmpty();
    assertThat(problems(withAges(16, 120))).isEmpty();
    assertThat(problems(withAges(-1, 60)))
        .containsExactly("ages: need 0 ≤ min_age < max_age ≤ 120, got -1 and 60");
    assertThat(problems(withAges(60, 60)))
        .containsExactly("ages: need 0 ≤ min_age < max_age ≤ 120, got 60 and 60");
    assertThat(problems(withAges(16, 121)))
        .containsExactly("ages: need 0 ≤ min_age < max_age ≤ 120, got 16 and 121");
  }

  @Test
  void amountsArePositiveYuanWithTheLowestTierAmongTheTiersAndSharesUpToOne() {
    assertThat(problems(withAmounts("100.00", List.of(100, 200), "1"))).isEmpty();
    assertThat(problems(withAmounts("0.01", List.of(100), "0.70")))
        .containsExactly("amounts.valid_tiers must contain lowest_tier 0.01");
    assertThat(problems(withAmounts("100.001", List.of(100), "0.70")))
        .containsExactly(
            "amounts.lowest_tier must be a positive amount in yuan with at most 2 decimals, got"
                + " 100.001",
            "amounts.valid_tiers must contain lowest_tier 100.001",
            "amounts.valid_tiers has 100, below lowest_tier 100.001");
    assertThat(problems(withAmounts("0", List.of(0), "0.70")))
        .containsExactly(
            "amounts.lowest_tier must be a positive amount in yuan with at most 2 decimals, got 0");
    assertThat(problems(withAmounts("200", List.of(100, 200), "0.70")))
        .containsExactly("amounts.valid_tiers has 100, below lowest_tier 200");
    assertThat(problems(withAmounts("100", List.of(100), "1.01")))
        .containsExactly("amounts.subsidy_share.DIBAO must be in (0, 1], got 1.01");
    assertThat(problems(withAmounts("100", List.of(100), "0")))
        .containsExactly("amounts.subsidy_share.DIBAO must be in (0, 1], got 0");
    assertThat(problems(withAmounts("100", List.of(100), null)))
        .containsExactly("amounts.subsidy_share has no share for DIBAO");
  }

  @Test
  void theAuditHorizonIsOneToAHundredYears() {
    assertThat(problems(withHorizon(1))).isEmpty();
    assertThat(problems(withHorizon(100))).isEmpty();
    assertThat(problems(withHorizon(0)))
        .containsExactly("audit_horizon_years must be 1–100 years, got 0");
    assertThat(problems(withHorizon(101)))
        .containsExactly("audit_horizon_years must be 1–100 years, got 101");
  }

  @Test
  void everyCalendarDateIsChecked() {
    assertThat(problems(withCalendar("08-31", "13-01", "12-31", "1900-01-01")))
        .containsExactly("calendar.regular_deadline must be MM-dd, got 13-01");
    assertThat(problems(withCalendar("08-31", "08-31", "12-32", "1900-01-01")))
        .containsExactly("calendar.dynamic_deadline must be MM-dd, got 12-32");
    assertThat(problems(withCalendar("08-31", "08-31", null, "1900-01-01")))
        .containsExactly("calendar.dynamic_deadline must be MM-dd, got null");
    assertThat(problems(withCalendar("08-31", "08-31", "12-31", "1900-13-01")))
        .containsExactly("calendar.min_birth_date must be yyyy-MM-dd, got 1900-13-01");
  }

  @Test
  void everyCategoryHasAKnownDepartmentAndFundingSource() {
    assertThat(problems(withFunding(Category.FANPIN, null, null)))
        .containsExactly("funding has no entry for FANPIN");
    assertThat(problems(withFunding(Category.FANPIN, "POLICE", "COUNTY_FINANCE")))
        .singleElement()
        .asString()
        .startsWith("funding.FANPIN.department POLICE is not one of [");
    assertThat(problems(withFunding(Category.FANPIN, "RURAL_REVITALIZATION", "LOTTERY")))
        .singleElement()
        .asString()
        .startsWith("funding.FANPIN.funding_source LOTTERY is not one of [");
  }

  @Test
  void everyVocabularyIsChecked() {
    Policy.Vocabularies v = P.vocabularies();
    assertThat(
            problems(
                withVocabularies(
                    x ->
                        new Policy.Vocabularies(
                            x.civilAffairsCategory(),
                            new Policy.RosterVocabulary(
                                x.ruralRevitalizationCategory().target(),
                                plus(x.ruralRevitalizationCategory().notTarget(), "返贫", "X")),
                            new Policy.RosterVocabulary(
                                x.disabilityGrade().target(),
                                plus(x.disabilityGrade().notTarget(), "五级", "DIBAO")),
                            plus(x.scheme(), "农保", "FARMER"),
                            plus(x.enrollmentStatus(), "冻结", "FROZEN"),
                            plus(x.payerType(), "单位", "EMPLOYER"),
                            plus(x.exclusionReason(), "出国", "ABROAD")))))
        .containsExactlyInAnyOrder(
            "vocabularies.rural_revitalization_category lists [返贫] both as target and not_target",
            "vocabularies.disability_grade.not_target.五级 maps to the target category DIBAO",
            "vocabularies.scheme.农保 maps to FARMER, not one of [RESIDENT, EMPLOYEE]",
            "vocabularies.enrollment_status.冻结 maps to FROZEN, not one of [ACTIVE, SUSPENDED,"
                + " TERMINATED, RECEIVING]",
            "vocabularies.payer_type.单位 maps to EMPLOYER, not one of [SELF, GOVERNMENT]",
            "vocabularies.exclusion_reason.出国 maps to ABROAD, not one of [STUDENT, MILITARY,"
                + " PRISONER]");
    assertThat(
            problems(
                withVocabularies(
                    x ->
                        new Policy.Vocabularies(
                            new Policy.RosterVocabulary(null, null),
                            new Policy.RosterVocabulary(Map.of("返贫", "FANPIN"), null),
                            x.disabilityGrade(),
                            Map.of(),
                            x.enrollmentStatus(),
                            x.payerType(),
                            null))))
        .containsExactly(
            "vocabularies.civil_affairs_category.target is missing",
            "vocabularies.scheme is missing or empty",
            "vocabularies.exclusion_reason is missing or empty");
    assertThat(v).isEqualTo(P.vocabularies());
  }

  @Test
  void withoutAFileTheBundledPolicyOfTheYearIsLoaded() {
    assertThat(PolicyLoader.load(null, null)).isEqualTo(P);
    assertThat(PolicyLoader.load(null, 2022)).isEqualTo(P);
  }
}
