package org.daijiao.decide;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.struct;

import java.time.LocalDate;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.daijiao.spark.ScalaSeqs;

/**
 * Gathers everything §2 looks at for one person into one row: birth date, category periods,
 * exclusion periods, enrolments and the policy year's payments. Records that start after as_of do
 * not exist for the run (SPEC §2), and a person none of whose roster records exists yet is not in
 * the run at all.
 */
public final class TimelineStage {
  public static final String CATEGORY_PERIODS = "category_periods";
  public static final String EXCLUSION_PERIODS = "exclusion_periods";
  public static final String ENROLLMENTS = "enrollments";
  public static final String PAYMENTS = "payments";

  private TimelineStage() {}

  /**
   * @return one row per person in the run: {@code id_number, birth_date} and four arrays of structs
   *     ({@code code/start/end}, {@code code/start/end}, {@code scheme/region_code/status/tier},
   *     {@code payment_year/amount/paid_date/payer_type})
   */
  public static Dataset<Row> timelines(
      Dataset<Row> persons,
      Dataset<Row> categoryPeriods,
      Dataset<Row> exclusionPeriods,
      Dataset<Row> enrollments,
      Dataset<Row> payments,
      int policyYear,
      LocalDate asOf) {
    Dataset<Row> categories =
        categoryPeriods
            .filter(col("start_date").leq(lit(asOf)))
            .groupBy(col("id_number"))
            .agg(
                collect_list(
                        struct(
                            col("category").as("code"),
                            col("start_date").as("start"),
                            col("end_date").as("end")))
                    .as(CATEGORY_PERIODS));
    Dataset<Row> exclusions =
        exclusionPeriods
            .filter(col("start_date").leq(lit(asOf)))
            .groupBy(col("id_number"))
            .agg(
                collect_list(
                        struct(
                            col("reason").as("code"),
                            col("start_date").as("start"),
                            col("end_date").as("end")))
                    .as(EXCLUSION_PERIODS));
    Dataset<Row> enrolled =
        enrollments
            .groupBy(col("id_number"))
            .agg(
                collect_list(struct(col("scheme"), col("region_code"), col("status"), col("tier")))
                    .as(ENROLLMENTS));
    Dataset<Row> paid =
        payments
            .filter(col("payment_year").equalTo(policyYear))
            .groupBy(col("id_number"))
            .agg(
                collect_list(
                        struct(
                            col("payment_year"),
                            col("amount"),
                            col("paid_date"),
                            col("payer_type")))
                    .as(PAYMENTS));
    // Each side is aggregated to one row per id_number, so the joins cannot multiply persons.
    return persons
        .select(col("id_number"), col("birth_date"))
        .join(categories, "id_number")
        .join(exclusions, ScalaSeqs.of("id_number"), "left_outer")
        .join(enrolled, ScalaSeqs.of("id_number"), "left_outer")
        .join(paid, ScalaSeqs.of("id_number"), "left_outer");
  }
}
