package org.daijiao.policy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.daijiao.person.Category;
import org.daijiao.person.EnrollmentStatus;
import org.daijiao.person.ExclusionReason;
import org.daijiao.person.PayerType;
import org.daijiao.person.Scheme;

/**
 * Reads a policy file (YAML) and refuses one that the rules could not use, naming every problem at
 * once. The bundled file is {@code policy/<year>.yaml} on the class path; {@code --policy FILE}
 * overrides it.
 */
public final class PolicyLoader {
  /** The policy year shipped with this version. */
  public static final int DEFAULT_YEAR = 2022;

  private static final List<String> DEPARTMENTS = names(Department.values());
  private static final List<String> FUNDING_SOURCES = names(FundingSource.values());
  private static final List<String> OPEN_STATUSES = names(EnrollmentStatus.OPEN);

  private PolicyLoader() {}

  /** The bundled policy of a year. */
  public static Policy bundled(int year) {
    String resource = "policy/" + year + ".yaml";
    try (InputStream in = PolicyLoader.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new PolicyException(
            "No bundled policy for year "
                + year
                + " ("
                + resource
                + "); pass --policy FILE for another year.");
      }
      return parse(in, "bundled " + resource);
    } catch (IOException e) {
      throw new PolicyException("Cannot read bundled " + resource + ": " + e.getMessage(), e);
    }
  }

  /** The bundled policy of the default year. */
  public static Policy bundled() {
    return bundled(DEFAULT_YEAR);
  }

  /** A policy file given by the user. */
  public static Policy fromFile(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new PolicyException("Policy file " + file + " does not exist or is not a file.");
    }
    try (InputStream in = Files.newInputStream(file)) {
      return parse(in, file.toString());
    } catch (IOException e) {
      throw new PolicyException("Cannot read policy file " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * Either the file, when given, or the bundled policy of {@code year} (the default year when
   * null).
   */
  public static Policy load(Path file, Integer year) {
    Policy policy = file != null ? fromFile(file) : bundled(year != null ? year : DEFAULT_YEAR);
    if (year != null && policy.policyYear() != year) {
      throw new PolicyException(
          "The policy file is for year "
              + policy.policyYear()
              + " but --year "
              + year
              + " was asked for; pass the policy file of "
              + year
              + " with --policy.");
    }
    return policy;
  }

  /**
   * Where a run's policy came from: the file given with {@code --policy} (absolute) or the bundled
   * resource, and the SHA-256 of its bytes, which the run record keeps (two runs compare only under
   * the same rules).
   */
  public record Origin(String file, String sha256) {}

  /** The origin of the policy {@link #load} reads for these options. */
  public static Origin origin(Path file, int year) {
    String resource = "policy/" + year + ".yaml";
    try (InputStream in =
        file != null
            ? Files.newInputStream(file)
            : PolicyLoader.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new PolicyException("No bundled policy for year " + year + " (" + resource + ").");
      }
      java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
      byte[] buffer = new byte[8192];
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        sha.update(buffer, 0, n);
      }
      return new Origin(
          file != null ? file.toAbsolutePath().normalize().toString() : "bundled:" + resource,
          java.util.HexFormat.of().formatHex(sha.digest()));
    } catch (IOException e) {
      throw new PolicyException("Cannot read policy file " + file + ": " + e.getMessage(), e);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java has SHA-256", e);
    }
  }

  static Policy parse(InputStream in, String origin) throws IOException {
    ObjectMapper mapper =
        new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    Policy policy;
    try {
      policy = mapper.readValue(in, Policy.class);
    } catch (IOException e) {
      throw new PolicyException("Policy " + origin + " is not well-formed: " + e.getMessage(), e);
    }
    List<String> problems = validate(policy);
    if (!problems.isEmpty()) {
      throw new PolicyException(
          "Policy " + origin + " is invalid:\n  - " + String.join("\n  - ", problems));
    }
    return policy;
  }

  /** Every problem of a parsed policy, each naming its key; empty when usable. */
  static List<String> validate(Policy p) {
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
    validateVocabularies(problems, p);
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

  private static void validateVocabularies(List<String> problems, Policy p) {
    Policy.Vocabularies v = p.vocabularies();
    if (v == null) {
      problems.add("vocabularies is missing");
      return;
    }
    validateRoster(problems, "civil_affairs_category", v.civilAffairsCategory());
    validateRoster(problems, "rural_revitalization_category", v.ruralRevitalizationCategory());
    validateRoster(problems, "disability_grade", v.disabilityGrade());
    validateCodes(problems, "scheme", v.scheme(), names(Scheme.values()));
    validateCodes(
        problems, "enrollment_status", v.enrollmentStatus(), names(EnrollmentStatus.values()));
    validateCodes(problems, "payer_type", v.payerType(), names(PayerType.values()));
    validateCodes(
        problems, "exclusion_reason", v.exclusionReason(), names(ExclusionReason.values()));
  }

  private static void validateRoster(
      List<String> problems, String key, Policy.RosterVocabulary vocabulary) {
    if (vocabulary == null || vocabulary.target() == null) {
      problems.add("vocabularies." + key + ".target is missing");
      return;
    }
    vocabulary
        .target()
        .forEach(
            (word, code) -> {
              if (Category.ofCodeOrNull(code) == null) {
                problems.add(
                    "vocabularies."
                        + key
                        + ".target."
                        + word
                        + " maps to "
                        + code
                        + ", which is not a target category "
                        + List.of(Category.values()));
              }
            });
    Map<String, String> notTarget =
        vocabulary.notTarget() == null ? Map.of() : vocabulary.notTarget();
    Set<String> both = new HashSet<>(vocabulary.target().keySet());
    both.retainAll(notTarget.keySet());
    if (!both.isEmpty()) {
      problems.add("vocabularies." + key + " lists " + both + " both as target and not_target");
    }
    notTarget.forEach(
        (word, code) -> {
          if (Category.ofCodeOrNull(code) != null) {
            problems.add(
                "vocabularies."
                    + key
                    + ".not_target."
                    + word
                    + " maps to the target category "
                    + code);
          }
        });
  }

  private static void validateCodes(
      List<String> problems, String key, Map<String, String> words, List<String> codes) {
    if (words == null || words.isEmpty()) {
      problems.add("vocabularies." + key + " is missing or empty");
      return;
    }
    words.forEach(
        (word, code) -> {
          if (!codes.contains(code)) {
            problems.add(
                "vocabularies." + key + "." + word + " maps to " + code + ", not one of " + codes);
          }
        });
  }

  /** The names of a code enum's constants: what the policy file may map a word to. */
  private static List<String> names(Enum<?>[] codes) {
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
