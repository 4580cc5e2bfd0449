package org.daijiao.gold;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.daijiao.PipelineFixture;
import org.daijiao.generate.GeneratorOptions;
import org.daijiao.generate.SampleGenerator;

/**
 * The month-end exports of one evolving synthetic county (`generate --monthly`,
 * docs/inputs.md#monthly-snapshots): persons certified and leaving, enrolling, paying, moving,
 * turning 60 and receiving, IDs fixed between the month ends.
 */
final class MonthlySnapshots {
  private static final int PERSONS = 300;
  private static final long SEED = 2022;

  private MonthlySnapshots() {}

  /** The quarter ends of 2022 among the twelve month ends: four runs with changes between. */
  static List<MonthByMonthTest.Month> quarterEnds() {
    Path out = PipelineFixture.tempDir("monthly-county");
    try {
      SampleGenerator.generateMonthly(new GeneratorOptions(PERSONS, SEED, out));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return List.of(
            LocalDate.of(2022, 3, 31),
            LocalDate.of(2022, 6, 30),
            LocalDate.of(2022, 9, 30),
            LocalDate.of(2022, 12, 31))
        .stream()
        .map(d -> new MonthByMonthTest.Month(out.resolve(d.toString()), d))
        .toList();
  }
}
