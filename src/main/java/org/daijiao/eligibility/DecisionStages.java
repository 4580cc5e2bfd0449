package org.daijiao.eligibility;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import java.time.LocalDate;
import java.util.List;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.daijiao.identity.Locations;
import org.daijiao.policy.PolicyColumns;
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
   * Where each decided person lives (SPEC §3): the latest-starting record, existing at as_of, of
   * the source that certifies the person's resolved (or highest held) category; any roster source
   * when there is none.
   */
  public static Dataset<Row> locations(
      Dataset<Row> decisions,
      Dataset<Row> categoryPeriods,
      Dataset<Row> townships,
      Dataset<Row> villages,
      LocalDate asOf) {
    Dataset<Row> records =
        categoryPeriods
            .filter(col("start_date").leq(lit(asOf)))
            .join(decisions.select(col("id_number"), col("category").as("_decided")), "id_number");
    Column preferred =
        when(col("_decided").isNull(), 0)
            .when(col("source").equalTo(PolicyColumns.sourceOfCategory(col("_decided"))), 0)
            .otherwise(1);
    Dataset<Row> latest =
        Locations.latestRecordOfPreferredSource(records, preferred)
            .select("id_number", "township", "village");
    return Locations.withDivisionCodes(latest, townships, villages).drop("location_flags");
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
