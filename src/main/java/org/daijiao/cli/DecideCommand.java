package org.daijiao.cli;

import java.util.concurrent.Callable;
import org.daijiao.decide.DecideJob;
import org.daijiao.pipeline.Pipeline;
import org.daijiao.pipeline.Pipeline.Stage;
import org.daijiao.spark.Progress;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** Stage 3: eligibility and the subsidy ledger of a policy year. */
@Command(
    name = "decide",
    aliases = {"eligibility", "ledger"},
    mixinStandardHelpOptions = true,
    description = {
      "Decides each roster person's eligibility and subsidy for a year.",
      "Applies the notice (docs/rules.md) to every person on a roster and writes"
          + " gold.eligibility, gold.subsidy_ledger and gold.reaching_pension_age for the year;"
          + " other years' rows stay."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  bin/daijiao decide --warehouse /srv/daijiao --year 2022 --as-of 2022-12-31",
      "  bin/daijiao decide --warehouse /srv/daijiao --as-of 2022-08-31   # the funding run"
    })
final class DecideCommand implements Callable<Integer> {
  @Mixin CommonOptions common;
  @Mixin PolicyOptions policyOptions;
  @Mixin WriterOptions writer;

  @Override
  public Integer call() {
    try (Spark spark = new Spark(common)) {
      StageRun.Chosen chosen = StageRun.parameters(spark, policyOptions, null, Stage.DECIDE);
      Progress progress = Progress.toStderr();
      DecideJob.Result r =
          writer.record(
              spark,
              progress,
              chosen.recorded(),
              run ->
                  Pipeline.with(spark.context(chosen.policy(), chosen.parameters(), progress))
                      .run(Stage.DECIDE, Stage.DECIDE)
                      .decide());
      System.out.printf(
          "%d: %,d persons decided, %,d eligible, %,d reach pension age%n",
          chosen.parameters().policyYear(), r.persons(), r.eligible(), r.reachingPensionAge());
    }
    return 0;
  }
}
