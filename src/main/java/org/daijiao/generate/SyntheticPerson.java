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
    int disabilityKind,
    Set<Story> stories,
    Divisions.Village previousVillage) {

  /**
   * What a person is on the rosters of docs/rules.md#target-categories (MONITORING: a known
   * non-target type).
   */
  enum Role {
    DIBAO,
    TEKUN,
    FANPIN,
    MONITORING,
    DISABILITY
  }

  /**
   * Less common lives that walk the rarer rule paths of docs/rules.md#rule-paths; each export
   * writes what the story implies. A person has at most one story.
   */
  enum Story {
    /**
     * 特困 as a minor (事实无人抚养儿童), ended the day before the 18th birthday in the first half of Y while
     * still at school (a student until Y-06-30), 低保 from the birthday: 特困 is held in W only on
     * non-qualifying days, so the resolved category (低保) is not the highest held.
     */
    CAME_OF_AGE,
    /**
     * Moved from {@code previousVillage} (another township) during an open period: the old record
     * ends, the new one starts the next day; a disability record, if any, still names the old
     * place.
     */
    MOVED,
    /**
     * Listed by both civil affairs offices with the same 低保 start date: file a names {@code
     * previousVillage}, file b the current village (the tie-break of docs/rules.md#location picks
     * file b).
     */
    LISTED_TWICE,
    /** At school until June of Y, enlisted from 1 July: two exclusion reasons all year. */
    STUDENT_THEN_ENLISTED,
    /**
     * Two ACTIVE county resident records with different tiers: re-registered under a new person
     * number without closing the old one (TIER_CONFLICT).
     */
    TWO_LIVE_RECORDS,
    /** Serving a sentence all year, and enrolled in the county where they lived before. */
    PRISONER_ENROLLED_ELSEWHERE,
    /** A woman who retired from a company job at 50 and draws its pension before 60. */
    RETIRED_WORKER
  }

  SyntheticPerson {
    // An EnumSet iterates in declaration order: the output must not depend on hash order.
    roles =
        Collections.unmodifiableSet(
            roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles));
    stories =
        Collections.unmodifiableSet(
            stories.isEmpty() ? EnumSet.noneOf(Story.class) : EnumSet.copyOf(stories));
  }

  /** This person with a story (and the place they came from, for the stories that move). */
  SyntheticPerson with(Story story, Divisions.Village previous) {
    return new SyntheticPerson(
        id,
        name,
        birth,
        village,
        roles,
        disabilityGrade,
        disabilityKind,
        EnumSet.of(story),
        previous);
  }

  boolean has(Story story) {
    return stories.contains(story);
  }

  /** The sequence digit of the ID is odd for a man (GB 11643). */
  boolean male() {
    return (id.charAt(16) - '0') % 2 == 1;
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
