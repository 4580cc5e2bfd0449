package org.daijiao.cli;

import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.daijiao.ops.RecordedRun;
import org.daijiao.ops.RunPolicy;
import org.daijiao.ops.RunRequest;
import org.daijiao.ops.WarehouseCheck;
import org.daijiao.spark.Progress;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Options of the commands that write tables, and how they run: recorded in {@code ops.runs}, under
 * the warehouse lock (docs/operations.md#lock).
 */
final class WriterOptions {
  private static final String RESTORE = "restore";

  @Spec(Spec.Target.MIXEE)
  CommandSpec command;

  @Option(
      names = "--wait",
      paramLabel = "MINUTES",
      description =
          "When another run is writing to the warehouse, wait up to MINUTES for it to finish"
              + " (default: stop at once with exit code 1).",
      defaultValue = "0")
  int waitMinutes;

  /**
   * Runs {@code work} as a recorded run of this command; see {@link RecordedRun#record}. First,
   * before the lock is taken and anything is written, every table of the warehouse is checked at
   * its latest version (docs/operations.md, "A damaged table, a full disk"): a command that writes
   * reads or replaces them all (the run record, the year's gold rows beside the other years'). A
   * restore is the way out of a damaged table, so it is not stopped by one.
   */
  <T> T record(Spark spark, Progress progress, Function<RecordedRun, T> work) {
    return record(spark, progress, null, work);
  }

  /** As {@link #record(Spark, Progress, Function)} for a run that applies {@code policy}. */
  <T> T record(Spark spark, Progress progress, RunPolicy policy, Function<RecordedRun, T> work) {
    if (!RESTORE.equals(command.name())) {
      WarehouseCheck.checkEveryTableBeforeWriting(spark.session, spark.warehouse);
    }
    return RecordedRun.record(
        spark.session,
        spark.warehouse,
        progress,
        new RunRequest(
            command.name(), arguments(), Duration.ofMinutes(Math.max(0, waitMinutes)), policy),
        work);
  }

  /** The command's own arguments as given (paths, dates, years: no personal data). */
  private List<String> arguments() {
    List<String> all = command.commandLine().getParseResult().originalArgs();
    int at = all.indexOf(command.name());
    return List.copyOf(at < 0 ? all : all.subList(at + 1, all.size()));
  }
}
