package org.daijiao.cli;

import java.util.concurrent.Callable;
import org.daijiao.ops.RunPolicy;
import org.daijiao.pipeline.Pipeline;
import org.daijiao.policy.Policy;
import org.daijiao.policy.PolicyLoader;
import org.daijiao.policy.RunParameters;
import org.daijiao.spark.JobCounter;
import org.daijiao.spark.Progress;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The whole pipeline: ingest → resolve → decide → stats, then a summary for the data team. */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = {
      "Runs the whole pipeline and prints a summary of what it found.",
      "Ingests the exports of --input, resolves identities, decides eligibility and the"
          + " subsidy ledger, and writes the coverage statistics, funding requests and work lists"
          + " of the policy year. The summary goes to stdout, progress to stderr. The run is"
          + " recorded in ops.runs; a second writer waits (--wait) or stops. After a crash, run"
          + " the same command again (docs/operations.md)."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  bin/daijiao run                                  # the bundled sample into ./warehouse",
      "  bin/daijiao run --input /data/2022-08 --warehouse /srv/daijiao --as-of 2022-08-31",
      "  bin/daijiao run --input /data/2022-12 --accept-repairs confirmed-ids.csv"
    })
final class RunCommand implements Callable<Integer> {
  @Mixin CommonOptions common;
  @Mixin PolicyOptions policyOptions;
  @Mixin RepairOptions repairOptions;
  @Mixin WriterOptions writer;

  @Option(
      names = "--input",
      paramLabel = "DIR",
      description =
          "Input directory with one folder per source (default: the bundled sample county).")
  String input;

  @Override
  public Integer call() {
    PolicyLoader.Loaded loaded = policyOptions.loaded();
    Policy policy = loaded.policy();
    RunParameters parameters =
        RunParameters.of(loaded, policyOptions.asOf(policy), repairOptions.acceptRepairs);
    var repairs = repairOptions.accepted();
    String inputDir = input != null ? input : Defaults.sampleInput();
    // The progress clock starts with the command, before Spark does.
    Progress progress = Progress.toStderr();
    try (Spark spark = new Spark(common)) {
      JobCounter jobs = JobCounter.on(spark.session);
      spark.sizeForInput(inputDir);
      Pipeline.Result done =
          writer.record(
              spark,
              progress,
              RunPolicy.of(parameters, policy),
              run ->
                  Pipeline.with(spark.context(policy, parameters, progress))
                      .input(inputDir, run.id())
                      .repairs(repairs)
                      .observer(run.observer(inputDir))
                      .run());
      jobs.remove(spark.session);
      progress.step("run", jobs.jobs() + " Spark jobs");
      new RunSummary(spark.warehouse, policy.policyYear(), done.stats().summary())
          .print(System.out, done.ingest(), done.resolve(), parameters.asOf());
    }
    return 0;
  }
}
