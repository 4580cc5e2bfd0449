package org.daijiao.decide;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.struct;

import java.time.LocalDate;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.daijiao.spark.ColumnNames;
import org.daijiao.spark.ScalaSeqs;
import scala.collection.Seq;

/**
 * Gathers everything §2 looks at for one person into one row: birth date, category periods,
 * exclusion periods, enrolments and the policy year's payments. Records that start after as_of do
 * not exist for the run (docs/rules.md#window), and a person none of whose roster records exists
 * yet is not in the run at all.
 */
public final class TimelineStage {
  public static final String CATEGORY_PERIODS = "category_periods";
  public static final String EXCLUSION_PERIODS = "exclusion_periods";
  public static final String ENROLLMENTS = "enrollments";
  public static final String PAYMENTS = "payments";

  /** The fields of a period in {@link #CATEGORY_PERIODS} and {@link #EXCLUSION_PERIODS}. */
  public static final String CODE = "code";

  public static final String START = "start";
  public static final String END = "end";

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
    Column id = col(ColumnNames.ID_NUMBER);
    Dataset<Row> categories =
        categoryPeriods
            .filter(col(ColumnNames.START_DATE).leq(lit(asOf)))
            .groupBy(id)
            .agg(collect_list(period(ColumnNames.CATEGORY)).as(CATEGORY_PERIODS));
    Dataset<Row> exclusions =
        exclusionPeriods
            .filter(col(ColumnNames.START_DATE).leq(lit(asOf)))
            .groupBy(id)
            .agg(collect_list(period(ColumnNames.REASON)).as(EXCLUSION_PERIODS));
    Dataset<Row> enrolled =
        enrollments
            .groupBy(id)
            .agg(
                collect_list(
                        struct(
                            col(ColumnNames.SCHEME),
                            col(ColumnNames.REGION_CODE),
                            col(ColumnNames.STATUS),
                            col(ColumnNames.TIER)))
                    .as(ENROLLMENTS));
    Dataset<Row> paid =
        payments
            .filter(col(ColumnNames.PAYMENT_YEAR).equalTo(policyYear))
            .groupBy(id)
            .agg(
                collect_list(
                        struct(
                            col(ColumnNames.PAYMENT_YEAR),
                            col(ColumnNames.AMOUNT),
                            col(ColumnNames.PAID_DATE),
                            col(ColumnNames.PAYER_TYPE)))
                    .as(PAYMENTS));
    // Each side is aggregated to one row per id_number, so the joins cannot multiply persons.
    Seq<String> byId = ScalaSeqs.of(ColumnNames.ID_NUMBER);
    return persons
        .select(id, col(ColumnNames.BIRTH_DATE))
        .join(categories, byId, "inner")
        .join(exclusions, byId, "left_outer")
        .join(enrolled, byId, "left_outer")
        .join(paid, byId, "left_outer");
  }

  /** A period of a silver periods table as the struct the engine reads. */
  private static Column period(String codeColumn) {
    return struct(
        col(codeColumn).as(CODE),
        col(ColumnNames.START_DATE).as(START),
        col(ColumnNames.END_DATE).as(END));
  }
}
