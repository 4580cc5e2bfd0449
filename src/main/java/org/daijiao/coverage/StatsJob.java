package org.daijiao.coverage;

import static org.apache.spark.sql.functions.col;

import java.time.LocalDate;
import java.util.List;
import java.util.function.Supplier;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.daijiao.decide.GoldColumns;
import org.daijiao.identity.Divisions;
import org.daijiao.repair.RepairColumns;
import org.daijiao.spark.Concurrently;
import org.daijiao.spark.JobContext;
import org.daijiao.spark.JobGroups;
import org.daijiao.spark.Progress;
import org.daijiao.spark.TableName;
import org.daijiao.spark.TableWriter;
import org.daijiao.spark.Tables;
import org.daijiao.spark.Warehouse;

/**
 * Coverage statistics, department funding requests and work lists (SPEC §2.5, §2.6, §5) of one
 * policy year, from the decisions already written; replaces only that year's rows.
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

  public Result run() {
    return JobGroups.run(
        spark, "stats", "stats: coverage, funding requests, work lists", this::writeStats);
  }

  private Result writeStats() {
    Dataset<Row> eligibility = ofYear(Tables.ELIGIBILITY);
    Dataset<Row> ledger = ofYear(Tables.SUBSIDY_LEDGER);
    Dataset<Row> reaching = ofYear(Tables.REACHING_PENSION_AGE);
    Dataset<Row> unresolved =
        CoverageStages.unresolvedRosterRows(
            repairCandidates(), Divisions.townships(spark), Divisions.villages(spark));
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

  /**
   * The roster rows without a usable ID of the latest resolve run; none for a warehouse resolved
   * before issue 12 (its next resolve writes them).
   */
  private Dataset<Row> repairCandidates() {
    if (!warehouse.exists(spark, Tables.ID_REPAIR_CANDIDATES)) {
      return spark.createDataFrame(
          java.util.List.of(), RepairColumns.ID_REPAIR_CANDIDATES.schema());
    }
    return warehouse.read(spark, Tables.ID_REPAIR_CANDIDATES);
  }

  private Dataset<Row> ofYear(TableName table) {
    return warehouse.read(spark, table).filter(col(GoldColumns.POLICY_YEAR).equalTo(policyYear));
  }
}
