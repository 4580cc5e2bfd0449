package org.daijiao.generate;

import java.time.LocalDate;
import java.util.SplittableRandom;

/**
 * Start and end dates of roster records around policy year Y: most started years before Y, some
 * during Y before and after the regular cut-off (§2(二): 8月31日), a few after Y (they must not
 * count); most are open, some ended before Y, some during Y.
 */
final class RosterDates {
  /** A roster period; {@code end} null = ongoing. */
  record Period(LocalDate start, LocalDate end) {}

  private final SplittableRandom rng;
  private final int year;
  private final LocalDate cutoff;

  RosterDates(SplittableRandom rng, int year, LocalDate cutoff) {
    this.rng = rng;
    this.year = year;
    this.cutoff = cutoff;
  }

  int year() {
    return year;
  }

  /** A start: 83 % in [fromYear, Y-1], 8 % in Y up to the cut-off, 7 % after it, 2 % in Y+1. */
  LocalDate start(int fromYear) {
    int r = rng.nextInt(100);
    if (r < 83) {
      return between(LocalDate.of(fromYear, 1, 1), LocalDate.of(year - 1, 12, 31));
    }
    if (r < 91) {
      return between(LocalDate.of(year, 1, 1), cutoff);
    }
    if (r < 98) {
      return between(cutoff.plusDays(1), LocalDate.of(year, 12, 31));
    }
    return between(LocalDate.of(year + 1, 1, 1), LocalDate.of(year + 1, 3, 31));
  }

  /** An end for a start: 80 % open, 8 % in Y-1, 12 % in Y; never before the start. */
  LocalDate end(LocalDate start) {
    int r = rng.nextInt(100);
    LocalDate from;
    LocalDate to;
    if (r < 80) {
      return null;
    } else if (r < 88) {
      from = LocalDate.of(year - 1, 1, 1);
      to = LocalDate.of(year - 1, 12, 31);
    } else {
      from = LocalDate.of(year, 1, 1);
      to = LocalDate.of(year, 12, 31);
    }
    if (from.isBefore(start.plusDays(30))) {
      from = start.plusDays(30);
    }
    return from.isAfter(to) ? null : between(from, to);
  }

  /** One open-or-closed period from {@code fromYear}. */
  Period period(int fromYear) {
    LocalDate start = start(fromYear);
    return new Period(start, end(start));
  }

  /**
   * Ended, then restarted: the first period ends between March Y-1 and April Y, the second starts
   * one to six months later and is open.
   */
  Period[] endedThenRestarted(int fromYear) {
    LocalDate start = between(LocalDate.of(fromYear, 1, 1), LocalDate.of(year - 2, 12, 31));
    LocalDate end = between(LocalDate.of(year - 1, 3, 1), LocalDate.of(year, 4, 30));
    LocalDate restart = end.plusDays(30 + rng.nextInt(150));
    return new Period[] {new Period(start, end), new Period(restart, null)};
  }

  /** A second, open record that starts inside {@code first}: the same entitlement entered twice. */
  Period overlapping(Period first) {
    return new Period(first.start().plusDays(30 + rng.nextInt(270)), null);
  }

  LocalDate between(LocalDate from, LocalDate to) {
    long days = to.toEpochDay() - from.toEpochDay();
    return days <= 0 ? from : from.plusDays(rng.nextLong(days + 1));
  }
}
