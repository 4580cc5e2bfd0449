package org.daijiao.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.daijiao.generate.GeneratorOptions;
import org.daijiao.generate.GeneratorSummary;
import org.daijiao.generate.MonthlySummary;
import org.daijiao.generate.SampleGenerator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Synthetic exports of a Pengshui-like county, with the dirt real exports have. */
@Command(
    name = "generate",
    mixinStandardHelpOptions = true,
    description = {
      "Write synthetic department exports (docs/inputs.md#sources) for a Pengshui-like county: real township and village",
      "names, realistic categories, overlaps and dirty rows. Deterministic for a seed. No real person.",
      "With --monthly, one folder per month end of the policy year, as the departments would have exported",
      "the same county on that day (docs/inputs.md#monthly-snapshots), e.g.",
      "  bin/daijiao generate --persons 3000 --seed 2022 --out /tmp/months --monthly",
      "  bin/daijiao run --input /tmp/months/2022-05-31 --as-of 2022-05-31"
    })
final class GenerateCommand implements Callable<Integer> {
  @Mixin CommonOptions common;

  @Option(
      names = "--persons",
      defaultValue = "3000",
      description = "Roster persons (default: ${DEFAULT-VALUE}).")
  int persons;

  @Option(
      names = "--seed",
      defaultValue = "2022",
      description = "Random seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output directory.")
  Path out;

  @Option(
      names = "--county-wide",
      description = {
        "The pension and tax exports hold every person enrolled in the county (about six per",
        "roster person), as the bureaus' real exports do; default: the roster persons and a few others."
      })
  boolean countyWide;

  @Option(
      names = "--monthly",
      description = {
        "Write DIR/<month end>/<source>/… for every month end of the policy year (DIR/2022-01-31 …",
        "DIR/2022-12-31): one county whose persons are certified, leave, enrol, pay, move, turn 60",
        "and get their IDs corrected from month to month; each folder is a complete --input."
      })
  boolean monthly;

  @Override
  public Integer call() throws Exception {
    GeneratorOptions options = new GeneratorOptions(persons, seed, out, countyWide);
    if (monthly) {
      MonthlySummary m = SampleGenerator.generateMonthly(options);
      for (MonthlySummary.Month month : m.months()) {
        StringBuilder line = new StringBuilder(month.asOf().toString());
        month
            .rowsPerSource()
            .forEach((source, rows) -> line.append(String.format(" %s %,d", source, rows)));
        line.append(";");
        month.changesSoFar().forEach((kind, n) -> line.append(String.format(" %s %,d", kind, n)));
        System.out.println(line);
      }
      System.out.printf(
          "roster persons: %,d; files per month: %s; dirty rows: %s%n",
          m.rosterPersons(), m.filesPerSource(), m.dirtyRows());
      return 0;
    }
    GeneratorSummary s = SampleGenerator.generate(options);
    s.rowsPerSource()
        .forEach(
            (source, rows) ->
                System.out.printf(
                    "%-21s %2d files %,8d rows%n", source, s.filesPerSource().get(source), rows));
    System.out.printf("roster persons: %,d; dirty rows: %s%n", s.rosterPersons(), s.dirtyRows());
    return 0;
  }
}
