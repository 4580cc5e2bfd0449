package org.daijiao.person;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * Everything the rules of docs/rules.md need about one person, gathered from every source after the
 * records were grouped by ID number. Lists are copied (immutable); a null list is an empty one.
 */
public record PersonTimeline(
    String id,
    LocalDate birthDate,
    List<Period> categoryPeriods,
    List<Period> exclusionPeriods,
    List<Enrollment> enrollments,
    List<Payment> payments)
    implements Serializable {

  public PersonTimeline {
    Objects.requireNonNull(id, "a person timeline needs the person's ID number");
    // The age rule of §2(二) cannot be applied without it; the message must not repeat the ID.
    Objects.requireNonNull(birthDate, "a person timeline needs the birth date from the ID number");
    categoryPeriods = copy(categoryPeriods);
    exclusionPeriods = copy(exclusionPeriods);
    enrollments = copy(enrollments);
    payments = copy(payments);
  }

  private static <T> List<T> copy(List<T> list) {
    return list == null ? List.of() : List.copyOf(list);
  }
}
