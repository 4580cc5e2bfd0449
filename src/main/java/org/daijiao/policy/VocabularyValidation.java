package org.daijiao.policy;

import static org.daijiao.policy.PolicyValidation.names;

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
 * The checks of a policy's vocabularies: the words of the departments' exports and the codes they
 * map to. A roster vocabulary maps a word to a target category or to none; a code vocabulary maps
 * each word to one of a code enum's constants.
 */
final class VocabularyValidation {
  private VocabularyValidation() {}

  /** Adds every problem of the vocabularies (null when the file has none) to {@code problems}. */
  static void validate(List<String> problems, Policy.Vocabularies v) {
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
}
