package org.daijiao.cli;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.max;

import java.time.LocalDate;
import java.util.concurrent.Callable;
import org.apache.spark.sql.Row;
import org.daijiao.UserFacingException;
import org.daijiao.UserFacingException.Code;
import org.daijiao.coverage.StatsJob;
import org.daijiao.pipeline.Pipeline;
import org.daijiao.pipeline.Pipeline.Stage;
import org.daijiao.policy.RunParameters;
import org.daijiao.spark.ColumnNames;
import org.daijiao.spark.Progress;
import org.daijiao.spark.Tables;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** Stage 4: coverage statistics, funding requests and work lists. */
@Command(
    name = "stats",
    mixinStandardHelpOptions = true,
    description = {
      "Writes the coverage statistics, funding requests and work lists.",
      "Reads the decisions that decide wrote for the policy year, with the as_of they were"
          + " made with, and writes gold.coverage_stats, gold.department_funding and"
          + " gold.worklist for that year; keeps that as_of's rows in the history tables and"
          + " derives gold.action_log and gold.monthly_progress from every as_of recorded for the"
          + " year (docs/rules.md#month-by-month)."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  bin/daijiao stats                                # ./warehouse, the bundled policy's year",
      "  bin/daijiao stats --warehouse /srv/daijiao --year 2022"
    })
final class StatsCommand implements Callable<Integer> {
  @Mixin CommonOptions common;
  @Mixin PolicyOptions policyOptions;
  @Mixin WriterOptions writer;

  @Override
  public Integer call() {
    try (Spark spark = new Spark(common)) {
      StageRun.Chosen chosen = StageRun.parameters(spark, policyOptions, null, Stage.STATS);
      if (policyOptions.asOf == null
          && Pipeline.recordedInputs(
                  spark.session, spark.warehouse, Stage.STATS, chosen.parameters().policyYear())
              .isEmpty()) {
        // Decisions written before runs recorded their parameters: as_of from the rows.
        chosen = withDecidedAsOf(spark, chosen);
      }
      StageRun.Chosen c = chosen;
      Progress progress = Progress.toStderr();
      StatsJob.Result stats =
          writer.record(
              spark,
              progress,
              c.recorded(),
              run ->
                  Pipeline.with(spark.context(c.policy(), c.parameters(), progress))
                      .run(Stage.STATS, Stage.STATS)
                      .stats());
      new RunSummary(spark.warehouse, c.parameters().policyYear(), stats.summary())
          .printCoverage(System.out);
    }
    return 0;
  }

  /** The parameters with the as_of of the policy year's decisions in gold.eligibility. */
  private StageRun.Chosen withDecidedAsOf(Spark spark, StageRun.Chosen chosen) {
    int year = chosen.parameters().policyYear();
    Row r =
        spark
            .warehouse
            .read(spark.session, Tables.ELIGIBILITY)
            .filter(col(ColumnNames.POLICY_YEAR).equalTo(year))
            .select(max(col(ColumnNames.AS_OF)))
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
    LocalDate asOf = r.getAs(0);
    RunParameters p = chosen.parameters();
    return new StageRun.Chosen(
        chosen.policy(),
        new RunParameters(
            p.policyFile(), p.policySha256(), year, asOf, p.repairsFile(), p.repairsSha256()));
  }
}
