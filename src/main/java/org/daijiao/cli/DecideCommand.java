package org.daijiao.cli;

import java.util.concurrent.Callable;
import org.daijiao.decide.DecideJob;
import org.daijiao.policy.Policy;
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

  @Override
  public Integer call() {
    Policy policy = policyOptions.policy();
    try (Spark spark = new Spark(common)) {
      DecideJob.Result r = new DecideJob(spark.context(policy, policyOptions.asOf(policy))).run();
      System.out.printf(
          "%d: %,d persons decided, %,d eligible, %,d reach pension age%n",
          policy.policyYear(), r.persons(), r.eligible(), r.reachingPensionAge());
    }
    return 0;
  }
}
