package org.daijiao.coverage;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.daijiao.decide.DecideJob;
import org.daijiao.identity.Divisions;
import org.daijiao.policy.Policy;
import org.daijiao.resolve.Silver;
import org.daijiao.spark.ColumnNames;
import org.daijiao.spark.Concurrently;
import org.daijiao.spark.JobContext;
import org.daijiao.spark.JobGroups;
import org.daijiao.spark.Kept;
import org.daijiao.spark.Progress;
import org.daijiao.spark.TableContract;
import org.daijiao.spark.TableName;
import org.daijiao.spark.TableWriter;
import org.daijiao.spark.Tables;
import org.daijiao.spark.Warehouse;

/**
 * Coverage statistics, department funding requests and work lists (docs/rules.md#money,
 * docs/rules.md#coverage, docs/development.md#table-contracts) of one policy year, from the
 * decisions already written; replaces only that year's rows.
 */
public final class StatsJob {

  /** The history tables, whose other as_ofs the 销号 log and the monthly progress read. */
  private static final List<TableContract> HISTORY =
      List.of(
          HistoryColumns.COVERAGE_HISTORY,
          HistoryColumns.WORKLIST_HISTORY,
          HistoryColumns.TARGET_HISTORY);

  private final SparkSession spark;
  private final Warehouse warehouse;
  private final TableWriter writer;
  private final int policyYear;
  private final LocalDate asOf;
  private final Policy policy;
  private final Progress progress;

  public StatsJob(JobContext context) {
    this.spark = context.session();
    this.warehouse = context.warehouse();
    this.writer = context.writer();
    this.policyYear = context.policyYear();
    this.asOf = context.asOf();
    this.policy = context.policy();
    this.progress = context.progress();
  }

  /** The Delta version each table reached, and the year's figures for the run's summary. */
  public record Result(
      long coverageStatsVersion,
      long departmentFundingVersion,
      long worklistVersion,
      YearSummary.Figures summary) {}

  /** The statistics alone, from the policy year's gold rows in the warehouse. */
  public Result run() {
    return run(
        DecideJob.Decided.fromWarehouse(spark, warehouse, policyYear),
        Silver.repairCandidates(spark, warehouse),
        warehouse.read(spark, Tables.ENROLLMENTS));
  }

  /**
   * The statistics of the policy year's decisions and of the roster rows without a usable ID
   * ({@code quality.id_repair_candidates}), this as_of's rows of the history tables, and the 销号 log
   * and the monthly progress of every as_of recorded for the year (docs/rules.md#month-by-month).
   *
   * @param enrollments {@code silver.enrollments}: who receives the pension
   */
  public Result run(
      DecideJob.Decided decided, Dataset<Row> repairCandidates, Dataset<Row> enrollments) {
    return JobGroups.run(
        spark,
        "stats",
        "stats: coverage, funding requests, work lists, month by month",
        () -> writeStats(decided, repairCandidates, enrollments));
  }

  private Result writeStats(
      DecideJob.Decided decided, Dataset<Row> repairCandidates, Dataset<Row> enrollments) {
    Dataset<Row> eligibility = decided.eligibility();
    Dataset<Row> ledger = decided.subsidyLedger();
    Dataset<Row> reaching = decided.reachingPensionAge();
    Dataset<Row> unresolved =
        CoverageStages.unresolvedRosterRows(
            repairCandidates, Divisions.townships(spark), Divisions.villages(spark));
    Dataset<Row> receiving =
        Kept.rows(HistoryStages.receivingPension(enrollments, policy.countyCode()));
    // Each written twice, to the year's table and to its history: computed once.
    Dataset<Row> coverage =
        Kept.rows(CoverageStages.coverageStats(eligibility, ledger, unresolved, policyYear, asOf));
    Dataset<Row> worklist =
        Kept.rows(
            WorklistStages.worklistWithIds(
                eligibility, ledger, reaching, receiving, unresolved, policyYear, asOf));
    Dataset<Row> target =
        Kept.rows(
            HistoryStages.targetHistory(
                eligibility, receiving, policyYear, asOf, policy.ages().maxAge()));
    // The year's other as_ofs are read at the versions earlier runs left: nothing this run writes
    // is read back, and a first run reads nothing.
    Map<TableName, Long> earlier = committedVersions(spark, warehouse);
    Dataset<Row> funding = CoverageStages.departmentFunding(ledger, policyYear, asOf);
    try {
      // Independent tables: written at once (Concurrently).
      List<Long> versions =
          Concurrently.all(
              List.<Supplier<Long>>of(
                  () -> writer.replaceYear(CoverageColumns.COVERAGE_STATS, coverage, policyYear),
                  () -> writer.replaceYear(CoverageColumns.DEPARTMENT_FUNDING, funding, policyYear),
                  () ->
                      writer.replaceYear(
                          CoverageColumns.WORKLIST,
                          CoverageColumns.WORKLIST.select(worklist),
                          policyYear),
                  () -> history(HistoryColumns.COVERAGE_HISTORY, coverage),
                  () -> history(HistoryColumns.WORKLIST_HISTORY, worklist),
                  () -> history(HistoryColumns.TARGET_HISTORY, target)));
      progress.step(
          "stats", "gold.coverage_stats, department_funding, worklist written for " + policyYear);
      writeMonthByMonth(coverage, worklist, target, earlier);
      // The year's rows are this run's (each table's year was replaced): counted from memory.
      YearSummary.Figures summary = new YearSummary(eligibility, funding, coverage).figures();
      return new Result(versions.get(0), versions.get(1), versions.get(2), summary);
    } finally {
      Kept.release(target);
      Kept.release(worklist);
      Kept.release(coverage);
      Kept.release(receiving);
    }
  }

  /**
   * Each history table's latest committed version, before this run writes. A table whose log holds
   * no commit yet (a run killed while creating it leaves the folder) is left out, like one never
   * written: there is nothing earlier to read.
   */
  static Map<TableName, Long> committedVersions(SparkSession spark, Warehouse warehouse) {
    Map<TableName, Long> versions = new HashMap<>();
    for (TableContract history : HISTORY) {
      long latest = warehouse.latestVersion(spark, history.table());
      if (latest >= 0) {
        versions.put(history.table(), latest);
      }
    }
    return versions;
  }

  /** This as_of's rows of a history table; the other as_ofs' rows stay as they are. */
  private long history(TableContract contract, Dataset<Row> rows) {
    return writer.replaceAsOf(contract, contract.select(rows), policyYear, asOf);
  }

  /**
   * The 销号 log and the monthly progress, from every recorded as_of of the year: the other as_ofs'
   * rows as earlier runs left them, this one's from memory; each history read once.
   */
  private void writeMonthByMonth(
      Dataset<Row> coverage,
      Dataset<Row> worklist,
      Dataset<Row> target,
      Map<TableName, Long> earlier) {
    Dataset<Row> coverageHistory =
        Kept.rows(withOtherAsOfs(HistoryColumns.COVERAGE_HISTORY, coverage, earlier));
    Dataset<Row> worklistHistory =
        Kept.rows(withOtherAsOfs(HistoryColumns.WORKLIST_HISTORY, worklist, earlier));
    Dataset<Row> targetHistory =
        Kept.rows(withOtherAsOfs(HistoryColumns.TARGET_HISTORY, target, earlier));
    Dataset<Row> actionLog =
        Kept.rows(
            HistoryStages.actionLog(worklistHistory, coverageHistory, targetHistory, policyYear));
    try {
      Concurrently.all(
          List.<Supplier<Long>>of(
              () -> writer.replaceYear(HistoryColumns.ACTION_LOG, actionLog, policyYear),
              () ->
                  writer.replaceYear(
                      HistoryColumns.MONTHLY_PROGRESS,
                      MonthlyProgressStages.monthlyProgress(
                          coverageHistory, worklistHistory, targetHistory, actionLog, policyYear),
                      policyYear)));
    } finally {
      Kept.release(actionLog);
      Kept.release(targetHistory);
      Kept.release(worklistHistory);
      Kept.release(coverageHistory);
    }
    progress.step(
        "stats", "gold.action_log, monthly_progress written for every as_of of " + policyYear);
  }

  /**
   * The history table's rows of the year's other as_ofs, at the version earlier runs left (none
   * when the table did not exist before this run), with this run's rows.
   */
  private Dataset<Row> withOtherAsOfs(
      TableContract contract, Dataset<Row> mine, Map<TableName, Long> earlier) {
    Dataset<Row> ours = contract.select(mine);
    Long version = earlier.get(contract.table());
    if (version == null) {
      return ours;
    }
    return contract
        .select(warehouse.readAt(spark, contract.table(), version))
        .filter(
            col(ColumnNames.POLICY_YEAR)
                .equalTo(policyYear)
                .and(col(ColumnNames.AS_OF).notEqual(lit(asOf))))
        .unionByName(ours);
  }
}
