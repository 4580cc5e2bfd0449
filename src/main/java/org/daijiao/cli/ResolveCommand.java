package org.daijiao.cli;

import java.util.concurrent.Callable;
import org.daijiao.pipeline.Pipeline;
import org.daijiao.pipeline.Pipeline.Stage;
import org.daijiao.repair.AcceptedRepairs;
import org.daijiao.resolve.ResolveJob;
import org.daijiao.spark.Progress;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** Stage 2: identities, rejects and the silver tables. */
@Command(
    name = "resolve",
    mixinStandardHelpOptions = true,
    description = {
      "Validates every row and ID number and writes the silver tables.",
      "Normalises and validates ID numbers, rejects rows that cannot be read into"
          + " quality.rejected_records with a reason, lists identity conflicts and ID repair"
          + " candidates, and writes the silver tables. It fails rather than lose a row: rows"
          + " read = accepted + rejected, per source."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  bin/daijiao resolve --warehouse /srv/daijiao --as-of 2022-12-31",
      "  bin/daijiao resolve --warehouse /srv/daijiao --accept-repairs confirmed-ids.csv"
    })
final class ResolveCommand implements Callable<Integer> {
  @Mixin CommonOptions common;
  @Mixin PolicyOptions policyOptions;
  @Mixin RepairOptions repairOptions;
  @Mixin WriterOptions writer;

  @Override
  public Integer call() {
    AcceptedRepairs repairs = repairOptions.accepted();
    try (Spark spark = new Spark(common)) {
      StageRun.Chosen chosen =
          StageRun.parameters(spark, policyOptions, repairOptions, Stage.RESOLVE);
      Progress progress = Progress.toStderr();
      ResolveJob.Result r =
          writer.record(
              spark,
              progress,
              chosen.recorded(),
              run ->
                  Pipeline.with(spark.context(chosen.policy(), chosen.parameters(), progress))
                      .repairs(repairs)
                      .observer(run.observer(null))
                      .run(Stage.RESOLVE, Stage.RESOLVE)
                      .resolve());
      RunSummary.printReconciliation(System.out, r);
    }
    return 0;
  }
}
