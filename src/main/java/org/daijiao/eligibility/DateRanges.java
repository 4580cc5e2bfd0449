package org.daijiao.eligibility;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A set of days kept as sorted, disjoint, non-adjacent closed ranges {@code [start, end]}. The
 * qualifying days of docs/rules.md#qualifying-days are computed with these (union, intersection,
 * difference) instead of a loop over the days of the year: the rules run for every person of the
 * county.
 */
public final class DateRanges {
  /** A closed range of days, both ends inclusive. */
  public record Range(LocalDate start, LocalDate end) {
    public Range {
      if (end.isBefore(start)) {
        throw new IllegalArgumentException("range ends " + end + " before it starts " + start);
      }
    }

    @Override
    public String toString() {
      return start.equals(end) ? start.toString() : start + " – " + end;
    }
  }

  private static final DateRanges EMPTY = new DateRanges(List.of());

  private final List<Range> ranges;

  private DateRanges(List<Range> normalized) {
    this.ranges = List.copyOf(normalized);
  }

  public static DateRanges empty() {
    return EMPTY;
  }

  /** The days {@code start … end}; empty when {@code end} is before {@code start}. */
  public static DateRanges of(LocalDate start, LocalDate end) {
    return end.isBefore(start) ? EMPTY : new DateRanges(List.of(new Range(start, end)));
  }

  /** The days of the given ranges, merged; overlapping and adjacent ranges become one. */
  public static DateRanges union(Collection<Range> ranges) {
    List<Range> sorted =
        ranges.stream().sorted(Comparator.comparing(Range::start)).collect(Collectors.toList());
    List<Range> merged = new ArrayList<>();
    for (Range r : sorted) {
      Range last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
      // Epoch days, not plusDays: an ongoing period ends on LocalDate.MAX.
      if (last != null && r.start().toEpochDay() <= last.end().toEpochDay() + 1) {
        LocalDate end = r.end().isAfter(last.end()) ? r.end() : last.end();
        merged.set(merged.size() - 1, new Range(last.start(), end));
      } else {
        merged.add(r);
      }
    }
    return merged.isEmpty() ? EMPTY : new DateRanges(merged);
  }

  public DateRanges union(DateRanges other) {
    List<Range> all = new ArrayList<>(ranges);
    all.addAll(other.ranges);
    return union(all);
  }

  public DateRanges intersect(DateRanges other) {
    List<Range> out = new ArrayList<>();
    int i = 0;
    int j = 0;
    while (i < ranges.size() && j < other.ranges.size()) {
      Range a = ranges.get(i);
      Range b = other.ranges.get(j);
      LocalDate start = a.start().isAfter(b.start()) ? a.start() : b.start();
      LocalDate end = a.end().isBefore(b.end()) ? a.end() : b.end();
      if (!end.isBefore(start)) {
        out.add(new Range(start, end));
      }
      if (a.end().isBefore(b.end())) {
        i++;
      } else {
        j++;
      }
    }
    return out.isEmpty() ? EMPTY : new DateRanges(out);
  }

  /** The days of this set that are not in {@code other}. */
  public DateRanges minus(DateRanges other) {
    List<Range> out = new ArrayList<>();
    for (Range a : ranges) {
      LocalDate cursor = a.start();
      for (Range b : other.ranges) {
        if (b.end().isBefore(cursor) || b.start().isAfter(a.end())) {
          continue;
        }
        if (b.start().isAfter(cursor)) {
          out.add(new Range(cursor, b.start().minusDays(1)));
        }
        if (!b.end().isBefore(a.end())) {
          cursor = null;
          break;
        }
        cursor = b.end().plusDays(1);
      }
      if (cursor != null) {
        out.add(new Range(cursor, a.end()));
      }
    }
    return out.isEmpty() ? EMPTY : new DateRanges(out);
  }

  public boolean isEmpty() {
    return ranges.isEmpty();
  }

  public boolean overlaps(DateRanges other) {
    return !intersect(other).isEmpty();
  }

  public boolean contains(LocalDate day) {
    return ranges.stream().anyMatch(r -> !day.isBefore(r.start()) && !day.isAfter(r.end()));
  }

  /** The first day; null when empty. */
  public LocalDate first() {
    return ranges.isEmpty() ? null : ranges.get(0).start();
  }

  /** The last day; null when empty. */
  public LocalDate last() {
    return ranges.isEmpty() ? null : ranges.get(ranges.size() - 1).end();
  }

  public long dayCount() {
    return ranges.stream().mapToLong(r -> r.end().toEpochDay() - r.start().toEpochDay() + 1).sum();
  }

  public List<Range> ranges() {
    return ranges;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof DateRanges d && d.ranges.equals(ranges);
  }

  @Override
  public int hashCode() {
    return ranges.hashCode();
  }

  /** E.g. {@code 2022-01-01 – 2022-06-30, 2022-09-01 – 2022-12-31}, or {@code —} when empty. */
  @Override
  public String toString() {
    return ranges.isEmpty()
        ? "—"
        : ranges.stream().map(Range::toString).collect(Collectors.joining(", "));
  }
}
