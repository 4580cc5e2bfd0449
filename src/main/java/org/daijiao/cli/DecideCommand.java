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
      "Apply the policy (docs/rules.md) to every roster person: gold.eligibility, gold.subsidy_ledger and",
      "gold.reaching_pension_age for the policy year (other years' rows stay)."
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
