package org.daijiao.cli;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.max;

import java.time.LocalDate;
import java.util.concurrent.Callable;
import org.apache.spark.sql.Row;
import org.daijiao.UserFacingException;
import org.daijiao.UserFacingException.Code;
import org.daijiao.coverage.StatsJob;
import org.daijiao.decide.GoldColumns;
import org.daijiao.policy.Policy;
import org.daijiao.spark.Progress;
import org.daijiao.spark.Tables;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** Stage 4: coverage statistics, funding requests and work lists. */
@Command(
    name = "stats",
    mixinStandardHelpOptions = true,
    description = {
      "Write gold.coverage_stats, gold.department_funding and gold.worklist for the policy year",
      "from the decisions of `daijiao decide` (as_of: the one the decisions were made with)."
    })
final class StatsCommand implements Callable<Integer> {
  @Mixin CommonOptions common;
  @Mixin PolicyOptions policyOptions;
  @Mixin WriterOptions writer;

  @Override
  public Integer call() {
    Policy policy = policyOptions.policy();
    int year = policy.policyYear();
    try (Spark spark = new Spark(common)) {
      LocalDate asOf;
      if (policyOptions.asOf != null) {
        asOf = policyOptions.asOf(policy);
      } else {
        Row r =
            spark
                .warehouse
                .read(spark.session, Tables.ELIGIBILITY)
                .filter(col(GoldColumns.POLICY_YEAR).equalTo(year))
                .select(max(col(GoldColumns.AS_OF)))
                .first();
        if (r.isNullAt(0)) {
          throw new UserFacingException(
              Code.MISSING_TABLE,
              "No decisions for "
                  + year
                  + " in "
                  + common.warehouse
                  + ": run `bin/daijiao decide` first.");
        }
        asOf = r.getAs(0);
      }
      LocalDate decidedAsOf = asOf;
      writer.record(
          spark,
          Progress.toStderr(),
          run -> {
            run.policy(policyOptions.policyFile, policy, decidedAsOf);
            return new StatsJob(spark.context(policy, decidedAsOf)).run();
          });
      new RunSummary(spark.session, spark.warehouse, year).printCoverage(System.out);
    }
    return 0;
  }
}
