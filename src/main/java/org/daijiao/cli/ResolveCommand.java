package org.daijiao.cli;

import java.time.LocalDate;
import java.util.concurrent.Callable;
import org.daijiao.policy.Policy;
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
      "Parse the bronze tables: normalise and validate ID numbers, reject unparseable rows with a reason,",
      "and write the silver tables, quality.rejected_records and quality.identity_conflicts."
    })
final class ResolveCommand implements Callable<Integer> {
  @Mixin CommonOptions common;
  @Mixin PolicyOptions policyOptions;
  @Mixin RepairOptions repairOptions;
  @Mixin WriterOptions writer;

  @Override
  public Integer call() {
    Policy policy = policyOptions.policy();
    AcceptedRepairs repairs = repairOptions.accepted();
    LocalDate asOf = policyOptions.asOf(policy);
    try (Spark spark = new Spark(common)) {
      ResolveJob.Result r =
          writer.record(
              spark,
              Progress.toStderr(),
              run -> {
                run.policy(policyOptions.policyFile, policy, asOf);
                ResolveJob.Result resolve =
                    new ResolveJob(spark.context(policy, asOf), repairs).run();
                run.resolved(resolve);
                return resolve;
              });
      RunSummary.printReconciliation(System.out, r);
    }
    return 0;
  }
}
