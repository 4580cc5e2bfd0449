package org.daijiao.generate;

import java.time.LocalDate;

/**
 * When a generated row exists in a department's system and when its end date becomes known: what
 * the monthly snapshots of docs/inputs.md#monthly-snapshots need to know about a row besides its
 * cells. The single-folder export does not use it.
 *
 * @param person whose row it is
 * @param kind what the row records, which decides how it changes during the year
 * @param shownFrom the first day an export holds the row (a roster record's start, a payment's
 *     date, an exclusion's start); null for a row the system held before the year
 * @param end the date in the row's end-date cell, null when that cell is empty: the department
 *     learns a leave on the day it happens, so the cell is empty before it
 */
record RowLife(SyntheticPerson person, Kind kind, LocalDate shownFrom, LocalDate end) {
  /** What a row records. */
  enum Kind {
    /** A record of the civil affairs, rural revitalisation or disability roster. */
    ROSTER,
    /** A pension record other than a paying resident record of the county. */
    ENROLMENT,
    /**
     * An ACTIVE resident pension record of the county: it may have been opened during the year, and
     * its holder starts drawing the pension after the 60th birthday.
     */
    COUNTY_ACTIVE_ENROLMENT,
    /** A tax payment (own or the government's), shown from its date. */
    PAYMENT,
    /** An exclusion (student, soldier, prisoner), shown from its start; its end is planned. */
    EXCLUSION
  }

  static RowLife roster(SyntheticPerson person, LocalDate start, LocalDate end) {
    return new RowLife(person, Kind.ROSTER, start, end);
  }

  static RowLife enrolment(SyntheticPerson person, boolean countyActive) {
    return new RowLife(
        person, countyActive ? Kind.COUNTY_ACTIVE_ENROLMENT : Kind.ENROLMENT, null, null);
  }

  static RowLife payment(SyntheticPerson person, LocalDate paid) {
    return new RowLife(person, Kind.PAYMENT, paid, null);
  }

  static RowLife exclusion(SyntheticPerson person, LocalDate start) {
    return new RowLife(person, Kind.EXCLUSION, start, null);
  }
}
