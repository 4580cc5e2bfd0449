package org.daijiao.gold;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

/** The month ends a test runs the county at, each with the exports of that day. */
final class MonthlySnapshots {
  private static final Path FIXTURE = Path.of("src/test/resources/fixture-county");

  private MonthlySnapshots() {}

  /** The fixture county's exports, run at the four quarter ends of 2022. */
  static List<MonthByMonthTest.Month> quarterEnds() {
    return List.of(
            LocalDate.of(2022, 3, 31),
            LocalDate.of(2022, 6, 30),
            LocalDate.of(2022, 9, 30),
            LocalDate.of(2022, 12, 31))
        .stream()
        .map(d -> new MonthByMonthTest.Month(FIXTURE, d))
        .toList();
  }
}
