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
import org.apache.spark.storage.StorageLevel;
import org.daijiao.identity.Divisions;
import org.daijiao.policy.Policy;
import org.daijiao.spark.Concurrently;
import org.daijiao.spark.JobContext;
import org.daijiao.spark.JobGroups;
import org.daijiao.spark.Progress;
import org.daijiao.spark.TableWriter;
import org.daijiao.spark.Tables;
import org.daijiao.spark.Warehouse;

/**
 * Eligibility and the subsidy ledger (SPEC §2, §5): decides every roster person's year with the
 * rules of the notice and writes {@code gold.eligibility}, {@code gold.subsidy_ledger} and {@code
 * gold.reaching_pension_age} for the policy year, replacing only that year's rows.
 */
public final class DecideJob {

  /** What the job wrote. */
  public record Result(long persons, long eligible, long reachingPensionAge) {}

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

  public Result run() {
    return JobGroups.run(spark, "decide", "decide: eligibility and subsidy ledger", this::decide);
  }

  private Result decide() {
    int year = policy.policyYear();
    Dataset<Row> persons = warehouse.read(spark, Tables.PERSONS);
    Dataset<Row> categoryPeriods = warehouse.read(spark, Tables.CATEGORY_PERIODS);
    Dataset<Row> timelines =
        TimelineStage.timelines(
            persons,
            categoryPeriods,
            warehouse.read(spark, Tables.EXCLUSION_PERIODS),
            warehouse.read(spark, Tables.ENROLLMENTS),
            warehouse.read(spark, Tables.PAYMENTS),
            year,
            asOf);
    // Kept: the decisions feed three tables; the rules run once per person.
    Dataset<Row> decisions =
        DecisionStages.decisions(timelines, new Decider(policy, asOf))
            .persist(StorageLevel.MEMORY_AND_DISK());
    try {
      Dataset<Row> locations =
          DecisionStages.locations(
              decisions,
              categoryPeriods,
              Divisions.townships(spark),
              Divisions.villages(spark),
              policy);
      Dataset<Row> enriched = DecisionStages.enriched(decisions, persons, locations);
      // Three independent tables: written at once (Concurrently).
      Concurrently.all(
          List.<Supplier<Long>>of(
              () ->
                  writer.replaceYear(
                      GoldColumns.ELIGIBILITY,
                      DecisionStages.eligibility(enriched, year, asOf),
                      year),
              () ->
                  writer.replaceYear(
                      GoldColumns.SUBSIDY_LEDGER,
                      DecisionStages.subsidyLedger(enriched, year, asOf),
                      year),
              () ->
                  writer.replaceYear(
                      GoldColumns.REACHING_PENSION_AGE,
                      DecisionStages.reachingPensionAge(enriched, year, asOf),
                      year)));
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
      return new Result(counts.getLong(0), counts.getLong(1), counts.getLong(2));
    } finally {
      decisions.unpersist();
    }
  }
}
