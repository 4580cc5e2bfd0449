package org.daijiao.eligibility;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The interval algebra under the qualifying days. */
class DateRangesTest {

  private static DateRanges.Range r(String from, String to) {
    return new DateRanges.Range(
        LocalDate.parse(from), to == null ? LocalDate.MAX : LocalDate.parse(to));
  }

  private static DateRanges of(String from, String to) {
    return DateRanges.union(List.of(r(from, to)));
  }

  @Test
  void adjacentAndOverlappingRangesMerge() {
    DateRanges u =
        DateRanges.union(
            List.of(
                r("2022-03-01", "2022-03-31"),
                r("2022-01-01", "2022-02-28"),
                r("2022-03-15", null)));
    assertThat(u.ranges()).containsExactly(r("2022-01-01", null));
  }

  @Test
  void minusCutsHolesAndCopesWithOngoingRanges() {
    DateRanges year = of("2022-01-01", "2022-12-31");
    DateRanges d = year.minus(of("2022-03-01", "2022-03-31").union(of("2022-12-01", null)));
    assertThat(d.ranges())
        .containsExactly(r("2022-01-01", "2022-02-28"), r("2022-04-01", "2022-11-30"));
    assertThat(d.dayCount()).isEqualTo(59 + 244);
  }

  @Test
  void minusOfEverythingIsEmpty() {
    assertThat(of("2022-01-01", "2022-12-31").minus(of("2021-01-01", null)).isEmpty()).isTrue();
  }

  @Test
  void intersectKeepsCommonDays() {
    DateRanges a = of("2022-01-01", "2022-06-30").union(of("2022-09-01", null));
    DateRanges b = of("2022-06-30", "2022-09-01");
    assertThat(a.intersect(b).ranges())
        .containsExactly(r("2022-06-30", "2022-06-30"), r("2022-09-01", "2022-09-01"));
  }

  @Test
  void equalSetsOfDaysAreEqualHoweverBuilt() {
    LocalDate jan1 = LocalDate.of(2022, 1, 1);
    LocalDate jan31 = LocalDate.of(2022, 1, 31);
    DateRanges whole = DateRanges.of(jan1, jan31);
    DateRanges joined =
        DateRanges.of(jan1, LocalDate.of(2022, 1, 15))
            .union(DateRanges.of(LocalDate.of(2022, 1, 16), jan31));
    assertThat(joined).isEqualTo(whole).hasSameHashCodeAs(whole);
    assertThat(whole).isNotEqualTo(DateRanges.of(jan1, LocalDate.of(2022, 1, 30)));
    assertThat(whole.equals("2022-01-01 – 2022-01-31")).isFalse();
    assertThat(whole.hashCode()).isNotEqualTo(DateRanges.empty().hashCode());
  }

  @Test
  void aSingleDayIsWrittenOnceAndTheEmptySetAsADash() {
    LocalDate d = LocalDate.of(2022, 12, 31);
    assertThat(DateRanges.of(d, d)).hasToString("2022-12-31");
    assertThat(DateRanges.of(d.minusDays(1), d)).hasToString("2022-12-30 – 2022-12-31");
    assertThat(DateRanges.empty()).hasToString("—");
    assertThat(new DateRanges.Range(d, d)).hasToString("2022-12-31");
  }
}
