package org.daijiao.spark;

import java.util.List;

/**
 * Every table of the warehouse, in the order data flows through them (docs/analysts.md#tables). The
 * one place a table is named: jobs write, commands read and tests check the tables by these names.
 * Each table's columns are its contract, next to the stage that writes it ({@code …Columns}).
 */
public final class Tables {
  /** {@code bronze.<source>}: one per department export folder, raw rows with lineage. */
  public static TableName bronze(String sourceFolder) {
    return TableName.bronze(sourceFolder);
  }

  /** Every input row that could not be parsed, with file, line and reason. */
  public static final TableName REJECTED_RECORDS = TableName.quality("rejected_records");

  /** IDs that carry different names across rows or sources, for review. */
  public static final TableName IDENTITY_CONFLICTS = TableName.quality("identity_conflicts");

  /** Per source: rows read = accepted + rejected. */
  public static final TableName INGEST_RECONCILIATION = TableName.quality("ingest_reconciliation");

  /** Repair candidates for roster rows rejected for their ID number (docs/inputs.md#id-repair). */
  public static final TableName ID_REPAIR_CANDIDATES = TableName.quality("id_repair_candidates");

  public static final TableName PERSONS = TableName.silver("persons");
  public static final TableName CATEGORY_PERIODS = TableName.silver("category_periods");
  public static final TableName EXCLUSION_PERIODS = TableName.silver("exclusion_periods");
  public static final TableName ENROLLMENTS = TableName.silver("enrollments");
  public static final TableName PAYMENTS = TableName.silver("payments");

  public static final TableName ELIGIBILITY = TableName.gold("eligibility");
  public static final TableName SUBSIDY_LEDGER = TableName.gold("subsidy_ledger");
  public static final TableName REACHING_PENSION_AGE = TableName.gold("reaching_pension_age");
  public static final TableName COVERAGE_STATS = TableName.gold("coverage_stats");
  public static final TableName DEPARTMENT_FUNDING = TableName.gold("department_funding");
  public static final TableName WORKLIST = TableName.gold("worklist");

  /**
   * The month-by-month tables (docs/rules.md#month-by-month): the rows of coverage_stats, of the
   * work list and of the coverage target for every as_of recorded for a policy year, and what is
   * derived from them alone — the 销号 log and the monthly progress.
   */
  public static final TableName COVERAGE_HISTORY = TableName.gold("coverage_history");

  public static final TableName WORKLIST_HISTORY = TableName.gold("worklist_history");
  public static final TableName TARGET_HISTORY = TableName.gold("target_history");
  public static final TableName ACTION_LOG = TableName.gold("action_log");
  public static final TableName MONTHLY_PROGRESS = TableName.gold("monthly_progress");

  /**
   * Every recorded run of a command that writes tables: what it read, what it wrote (the Delta
   * version per table), how it ended. Appended once per run; never replaced.
   */
  public static final TableName RUNS = new TableName("ops", "runs");

  /** The gold tables, in the order the decide and stats stages write them. */
  public static final List<TableName> GOLD =
      List.of(
          ELIGIBILITY,
          SUBSIDY_LEDGER,
          REACHING_PENSION_AGE,
          COVERAGE_STATS,
          DEPARTMENT_FUNDING,
          WORKLIST,
          COVERAGE_HISTORY,
          WORKLIST_HISTORY,
          TARGET_HISTORY,
          ACTION_LOG,
          MONTHLY_PROGRESS);

  private Tables() {}
}
