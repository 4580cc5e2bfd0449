package org.daijiao.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The audit horizon in Delta's interval properties, and Delta's values read back. */
class RetentionTest {
  @Test
  void theHorizonCountsLeapYears() {
    assertThat(Retention.days(10)).isEqualTo(3660);
    assertThat(Retention.interval(10)).isEqualTo("interval 3660 days");
  }

  @Test
  void deltaIntervalsAreReadAsDurationsAndAnUnreadableOneAsNone() {
    Duration unset = Duration.ofDays(30);
    assertThat(Retention.duration(null, unset)).as("unset: Delta's default").isEqualTo(unset);
    assertThat(Retention.duration("interval 3660 days", unset)).isEqualTo(Duration.ofDays(3660));
    assertThat(Retention.duration("interval 1 week", unset)).isEqualTo(Duration.ofDays(7));
    assertThat(Retention.duration("168 hours", unset)).isEqualTo(Duration.ofHours(168));
    assertThat(Retention.duration("interval 1 month", unset))
        .as("not understood: shorter than any horizon, so it is raised")
        .isEqualTo(Duration.ZERO);
  }
}
