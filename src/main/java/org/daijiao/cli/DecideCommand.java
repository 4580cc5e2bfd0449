package org.daijiao.cli;

import java.time.LocalDate;
import java.util.concurrent.Callable;
import org.daijiao.decide.DecideJob;
import org.daijiao.policy.Policy;
import org.daijiao.spark.Progress;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** Stage 3: eligibility and the subsidy ledger of a policy year. */
@Command(
    name = "decide",
    aliases = {"eligibility", "ledger"},
    mixinStandardHelpOptions = true,
    description = {
      "Apply the policy (SPEC §2) to every roster person: gold.eligibility, gold.subsidy_ledger and",
      "gold.reaching_pension_age for the policy year (other years' rows stay)."
    })
final class DecideCommand implements Callable<Integer> {
  @Mixin CommonOptions common;
  @Mixin PolicyOptions policyOptions;
  @Mixin WriterOptions writer;

  @Override
  public Integer call() {
    Policy policy = policyOptions.policy();
    LocalDate asOf = policyOptions.asOf(policy);
    try (Spark spark = new Spark(common)) {
      DecideJob.Result r =
          writer.record(
              spark,
              Progress.toStderr(),
              run -> {
                run.policy(policyOptions.policyFile, policy, asOf);
                return new DecideJob(spark.context(policy, asOf)).run();
              });
      System.out.printf(
          "%d: %,d persons decided, %,d eligible, %,d reach pension age%n",
          policy.policyYear(), r.persons(), r.eligible(), r.reachingPensionAge());
    }
    return 0;
  }
}
