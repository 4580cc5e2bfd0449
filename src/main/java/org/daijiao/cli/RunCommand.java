package org.daijiao.cli;

import java.time.LocalDate;
import java.util.concurrent.Callable;
import org.daijiao.coverage.StatsJob;
import org.daijiao.decide.DecideJob;
import org.daijiao.ingest.IngestJob;
import org.daijiao.policy.Policy;
import org.daijiao.repair.AcceptedRepairs;
import org.daijiao.resolve.ResolveJob;
import org.daijiao.spark.JobContext;
import org.daijiao.spark.Progress;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The whole pipeline: ingest → resolve → decide → stats, then a summary for the data team. */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = {
      "Run the whole pipeline: ingest the exports, resolve identities, decide eligibility and the ledger,",
      "and write coverage statistics, funding requests and work lists. Prints a summary on stdout."
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
    Policy policy = policyOptions.policy();
    LocalDate asOf = policyOptions.asOf(policy);
    AcceptedRepairs repairs = repairOptions.accepted();
    String inputDir = input != null ? input : Defaults.sampleInput();
    // The progress clock starts with the command, before Spark does.
    Progress progress = Progress.toStderr();
    try (Spark spark = new Spark(common)) {
      spark.sizeForInput(inputDir);
      Stages done =
          writer.record(
              spark,
              progress,
              run -> {
                run.policy(policyOptions.policyFile, policy, asOf);
                run.inputs(inputDir);
                JobContext context = spark.context(policy, asOf, progress);
                IngestJob.Result ingest =
                    new IngestJob(
                            context,
                            inputDir,
                            run.id(),
                            RepairOptions.checkBeforeWriting(context, repairs))
                        .run();
                run.ingested(ingest);
                ResolveJob.Result resolve = new ResolveJob(context, repairs).run();
                run.resolved(resolve);
                new DecideJob(context).run();
                new StatsJob(context).run();
                return new Stages(ingest, resolve);
              });
      new RunSummary(spark.session, spark.warehouse, policy.policyYear())
          .print(System.out, done.ingest(), done.resolve(), asOf);
    }
    return 0;
  }

  /** What the summary reports from the stages. */
  private record Stages(IngestJob.Result ingest, ResolveJob.Result resolve) {}
}
