package org.daijiao.generate;

import java.time.LocalDate;
import java.time.Period;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * One synthetic person: a valid 18-character ID, a name, where they live, and the roster roles the
 * departments' exports will show. Noise persons (only in the insurance or exclusion exports) have
 * no role.
 */
record SyntheticPerson(
    String id,
    String name,
    LocalDate birth,
    Divisions.Village village,
    Set<Role> roles,
    int disabilityGrade,
    int disabilityKind) {

  /** What a person is on the rosters of SPEC §2.1 (MONITORING: a known non-target type). */
  enum Role {
    DIBAO,
    TEKUN,
    FANPIN,
    MONITORING,
    DISABILITY
  }

  SyntheticPerson {
    // An EnumSet iterates in declaration order: the output must not depend on hash order.
    roles =
        Collections.unmodifiableSet(
            roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles));
  }

  boolean has(Role role) {
    return roles.contains(role);
  }

  boolean onRoster() {
    return !roles.isEmpty();
  }

  /** Grade 1 or 2: the target of §1 (一、二级重度残疾). */
  boolean severeDisability() {
    return has(Role.DISABILITY) && disabilityGrade <= 2;
  }

  /** Age in whole years on a day. */
  int ageOn(LocalDate day) {
    return Period.between(birth, day).getYears();
  }
}
