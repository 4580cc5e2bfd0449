package org.daijiao.decide;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.when;

import java.time.LocalDate;
import java.util.List;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.daijiao.ingest.Source;
import org.daijiao.person.Category;
import org.daijiao.policy.Policy;
import org.daijiao.policy.PolicyColumns;
import org.daijiao.resolve.Locations;
import org.daijiao.resolve.PeriodMerging;
import org.daijiao.spark.ScalaSeqs;

/** Pure stages from timelines to the gold tables of the decisions. No reads, writes or actions. */
public final class DecisionStages {
  private DecisionStages() {}

  /** Applies the rules of SPEC §2 to every person ({@link Decider}, on the executors). */
  public static Dataset<Row> decisions(Dataset<Row> timelines, Decider decider) {
    return timelines.map(
        (MapFunction<Row, Row>)
            row -> DecisionRows.toRow(decider.decide(DecisionRows.toTimeline(row))),
        Encoders.row(DecisionRows.SCHEMA));
  }

  /**
   * Where each decided person lives (SPEC §3, amended): among the records that exist at as_of, the
   * latest-starting record of the source (department) that certifies the first of: the resolved
   * category; the highest-priority target category held on a day of W (both are the decision's
   * {@code category}); the highest-priority target category ever held. A person with none of these
   * is placed by the latest-starting record of any roster source. Equal start dates: the record
   * that comes last in (source file, line) order.
   *
   * @param categoryPeriods {@code silver.category_periods}: each merged period carries the place,
   *     file and line of its latest record existing at as_of, and that record's start
   */
  public static Dataset<Row> locations(
      Dataset<Row> decisions,
      Dataset<Row> categoryPeriods,
      Dataset<Row> townships,
      Dataset<Row> villages,
      Policy policy) {
    Column byPriority =
        struct(
            PolicyColumns.priorityRank(policy, col("category")).as("rank"),
            col("category").as("category"));
    Column highestEverHeld =
        min(when(col("target"), byPriority))
            .over(Window.partitionBy(col("id_number")))
            .getField("category");
    Column placingSource = certifyingSource(coalesce(col("_decided"), highestEverHeld));
    Dataset<Row> candidates =
        categoryPeriods
            // a record of the period exists at as_of
            .filter(col(PeriodMerging.LATEST_RECORD_START).isNotNull())
            .join(
                decisions.select(col("id_number"), col("category").as("_decided")),
                ScalaSeqs.of("id_number"),
                "inner")
            .withColumn("_placing_source", placingSource)
            .filter(
                col("_placing_source").isNull().or(col("source").equalTo(col("_placing_source"))));
    Dataset<Row> latest =
        Locations.latestRecord(candidates, col(PeriodMerging.LATEST_RECORD_START))
            .select("id_number", "township", "village");
    return Locations.withDivisionCodes(latest, townships, villages).drop("location_flags");
  }

  /** The roster source that certifies a category code ({@link Source#certifying}); else null. */
  private static Column certifyingSource(Column category) {
    Column source = null;
    for (Category c : Category.values()) {
      Column held = category.equalTo(c.name());
      String folder = Source.certifying(c).folder();
      source = source == null ? when(held, folder) : source.when(held, folder);
    }
    return source;
  }

  /** {@code decisions} with name, birth date and location, ready for the gold selects. */
  public static Dataset<Row> enriched(
      Dataset<Row> decisions, Dataset<Row> persons, Dataset<Row> locations) {
    return decisions
        .join(persons.select("id_number", "name", "birth_date"), "id_number")
        .join(locations, ScalaSeqs.of("id_number"), "left_outer");
  }

  public static Dataset<Row> eligibility(Dataset<Row> enriched, int policyYear, LocalDate asOf) {
    return select(enriched, GoldColumns.ELIGIBILITY, policyYear, asOf);
  }

  public static Dataset<Row> subsidyLedger(Dataset<Row> enriched, int policyYear, LocalDate asOf) {
    return select(enriched.filter(col("eligible")), GoldColumns.SUBSIDY_LEDGER, policyYear, asOf);
  }

  public static Dataset<Row> reachingPensionAge(
      Dataset<Row> enriched, int policyYear, LocalDate asOf) {
    return select(
        enriched.filter(col("reaches_pension_age")),
        GoldColumns.REACHING_PENSION_AGE,
        policyYear,
        asOf);
  }

  private static Dataset<Row> select(
      Dataset<Row> rows, List<String> columns, int policyYear, LocalDate asOf) {
    return rows.withColumn("policy_year", lit(policyYear))
        .withColumn("as_of", lit(asOf))
        .select(columns.stream().map(c -> col(c)).toArray(Column[]::new));
  }
}
