package org.daijiao.decide;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.count_if;
import static org.apache.spark.sql.functions.lit;

import java.time.LocalDate;
import java.util.List;
import java.util.function.Supplier;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.daijiao.identity.Divisions;
import org.daijiao.policy.Policy;
import org.daijiao.resolve.Silver;
import org.daijiao.spark.ColumnNames;
import org.daijiao.spark.Concurrently;
import org.daijiao.spark.JobContext;
import org.daijiao.spark.JobGroups;
import org.daijiao.spark.Kept;
import org.daijiao.spark.Progress;
import org.daijiao.spark.TableName;
import org.daijiao.spark.TableWriter;
import org.daijiao.spark.Tables;
import org.daijiao.spark.Warehouse;

/**
 * Eligibility and the subsidy ledger (docs/rules.md): decides every roster person's year with the
 * rules of the notice and writes {@code gold.eligibility}, {@code gold.subsidy_ledger} and {@code
 * gold.reaching_pension_age} for the policy year, replacing only that year's rows.
 */
public final class DecideJob {

  /** What the job wrote. */
  public record Result(long persons, long eligible, long reachingPensionAge) {}

  /**
   * The policy year's gold rows the job wrote, kept in memory for the statistics (released by
   * {@link #release}); {@link #fromWarehouse} reads them for a stage run alone.
   */
  public record Decided(
      Result result,
      Dataset<Row> eligibility,
      Dataset<Row> subsidyLedger,
      Dataset<Row> reachingPensionAge,
      List<Dataset<Row>> kept) {
    /** One policy year's rows of the three tables as the warehouse holds them now. */
    public static Decided fromWarehouse(SparkSession spark, Warehouse warehouse, int year) {
      return new Decided(
          null,
          ofYear(spark, warehouse, Tables.ELIGIBILITY, year),
          ofYear(spark, warehouse, Tables.SUBSIDY_LEDGER, year),
          ofYear(spark, warehouse, Tables.REACHING_PENSION_AGE, year),
          List.of());
    }

    private static Dataset<Row> ofYear(
        SparkSession spark, Warehouse warehouse, TableName table, int year) {
      return warehouse.read(spark, table).filter(col(ColumnNames.POLICY_YEAR).equalTo(year));
    }

    /** Releases the rows kept in memory. */
    public void release() {
      kept.forEach(Kept::release);
    }
  }

  private final SparkSession spark;
  private final Warehouse warehouse;
  private final TableWriter writer;
  private final Policy policy;
  private final LocalDate asOf;
  private final Progress progress;

  public DecideJob(JobContext context) {
    this.spark = context.session();
    this.warehouse = context.warehouse();
    this.writer = context.writer();
    this.policy = context.policy();
    this.asOf = context.asOf();
    this.progress = context.progress();
  }

  /** The decisions alone, from the silver tables of the warehouse. */
  public Result run() {
    Decided decided = run(Silver.fromWarehouse(spark, warehouse));
    decided.release();
    return decided.result();
  }

  /** Decides every person of {@code silver} and writes the policy year's gold rows. */
  public Decided run(Silver silver) {
    return JobGroups.run(
        spark, "decide", "decide: eligibility and subsidy ledger", () -> decide(silver));
  }

  private Decided decide(Silver silver) {
    int year = policy.policyYear();
    Dataset<Row> timelines =
        TimelineStage.timelines(
            silver.persons(),
            silver.categoryPeriods(),
            silver.exclusionPeriods(),
            silver.enrollments(),
            silver.payments(),
            year,
            asOf);
    // Kept: the decisions feed three tables and the counts; the rules run once per person.
    Dataset<Row> decisions =
        Kept.rows(DecisionStages.decisions(timelines, new Decider(policy, asOf)));
    Dataset<Row> enriched = null;
    try {
      Dataset<Row> locations =
          DecisionStages.locations(
              decisions,
              silver.categoryPeriods(),
              Divisions.townships(spark),
              Divisions.villages(spark),
              policy);
      // Kept: the three tables and the statistics after them are selections of it.
      enriched = Kept.rows(DecisionStages.enriched(decisions, silver.persons(), locations));
      Dataset<Row> eligibility = DecisionStages.eligibility(enriched, year, asOf);
      Dataset<Row> ledger = DecisionStages.subsidyLedger(enriched, year, asOf);
      Dataset<Row> reaching = DecisionStages.reachingPensionAge(enriched, year, asOf);
      // Three independent tables: written at once (Concurrently).
      Concurrently.all(
          List.<Supplier<Long>>of(
              () -> writer.replaceYear(GoldColumns.ELIGIBILITY, eligibility, year),
              () -> writer.replaceYear(GoldColumns.SUBSIDY_LEDGER, ledger, year),
              () -> writer.replaceYear(GoldColumns.REACHING_PENSION_AGE, reaching, year)));
      Row counts =
          decisions
              .select(
                  count(lit(1)),
                  count_if(col(GoldColumns.ELIGIBLE)),
                  count_if(col(GoldColumns.REACHES_PENSION_AGE)))
              .first();
      progress.step(
          "decide",
          String.format(
              "%,d persons decided, %,d eligible, %,d reach pension age in %d",
              counts.getLong(0), counts.getLong(1), counts.getLong(2), year));
      return new Decided(
          new Result(counts.getLong(0), counts.getLong(1), counts.getLong(2)),
          eligibility,
          ledger,
          reaching,
          List.of(decisions, enriched));
    } catch (RuntimeException e) {
      Kept.release(decisions);
      if (enriched != null) {
        Kept.release(enriched);
      }
      throw e;
    }
  }
}
