package org.daijiao.coverage;

import java.time.LocalDate;
import java.util.List;
import java.util.function.Supplier;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.daijiao.decide.DecideJob;
import org.daijiao.identity.Divisions;
import org.daijiao.resolve.Silver;
import org.daijiao.spark.Concurrently;
import org.daijiao.spark.JobContext;
import org.daijiao.spark.JobGroups;
import org.daijiao.spark.Progress;
import org.daijiao.spark.TableWriter;
import org.daijiao.spark.Warehouse;

/**
 * Coverage statistics, department funding requests and work lists (docs/rules.md#money,
 * docs/rules.md#coverage, docs/development.md#table-contracts) of one policy year, from the
 * decisions already written; replaces only that year's rows.
 */
public final class StatsJob {

  private final SparkSession spark;
  private final Warehouse warehouse;
  private final TableWriter writer;
  private final int policyYear;
  private final LocalDate asOf;
  private final Progress progress;

  public StatsJob(JobContext context) {
    this.spark = context.session();
    this.warehouse = context.warehouse();
    this.writer = context.writer();
    this.policyYear = context.policyYear();
    this.asOf = context.asOf();
    this.progress = context.progress();
  }

  /** The Delta version each table reached. */
  public record Result(
      long coverageStatsVersion, long departmentFundingVersion, long worklistVersion) {}

  /** The statistics alone, from the policy year's gold rows in the warehouse. */
  public Result run() {
    return run(
        DecideJob.Decided.fromWarehouse(spark, warehouse, policyYear),
        Silver.repairCandidates(spark, warehouse));
  }

  /**
   * The statistics of the policy year's decisions and of the roster rows without a usable ID
   * ({@code quality.id_repair_candidates}).
   */
  public Result run(DecideJob.Decided decided, Dataset<Row> repairCandidates) {
    return JobGroups.run(
        spark,
        "stats",
        "stats: coverage, funding requests, work lists",
        () -> writeStats(decided, repairCandidates));
  }

  private Result writeStats(DecideJob.Decided decided, Dataset<Row> repairCandidates) {
    Dataset<Row> eligibility = decided.eligibility();
    Dataset<Row> ledger = decided.subsidyLedger();
    Dataset<Row> reaching = decided.reachingPensionAge();
    Dataset<Row> unresolved =
        CoverageStages.unresolvedRosterRows(
            repairCandidates, Divisions.townships(spark), Divisions.villages(spark));
    // Three independent tables: written at once (Concurrently).
    List<Long> versions =
        Concurrently.all(
            List.<Supplier<Long>>of(
                () ->
                    writer.replaceYear(
                        CoverageColumns.COVERAGE_STATS,
                        CoverageStages.coverageStats(
                            eligibility, ledger, unresolved, policyYear, asOf),
                        policyYear),
                () ->
                    writer.replaceYear(
                        CoverageColumns.DEPARTMENT_FUNDING,
                        CoverageStages.departmentFunding(ledger, policyYear, asOf),
                        policyYear),
                () ->
                    writer.replaceYear(
                        CoverageColumns.WORKLIST,
                        CoverageStages.worklist(
                            eligibility, ledger, reaching, unresolved, policyYear, asOf),
                        policyYear)));
    progress.step(
        "stats", "gold.coverage_stats, department_funding, worklist written for " + policyYear);
    return new Result(versions.get(0), versions.get(1), versions.get(2));
  }
}
