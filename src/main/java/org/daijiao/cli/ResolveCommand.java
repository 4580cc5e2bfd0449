package org.daijiao.cli;

import java.util.concurrent.Callable;
import org.daijiao.policy.Policy;
import org.daijiao.repair.AcceptedRepairs;
import org.daijiao.resolve.ResolveJob;
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

  @Override
  public Integer call() {
    Policy policy = policyOptions.policy();
    AcceptedRepairs repairs = repairOptions.accepted();
    try (Spark spark = new Spark(common)) {
      ResolveJob.Result r =
          new ResolveJob(spark.context(policy, policyOptions.asOf(policy)), repairs).run();
      RunSummary.printReconciliation(System.out, r);
    }
    return 0;
  }
}
