package org.daijiao.decide;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.max;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.daijiao.person.PersonTimeline;
import org.daijiao.spark.ColumnNames;
import org.daijiao.spark.Tables;
import org.daijiao.spark.Warehouse;

/**
 * One person's inputs to the decisions, and the as_of of a year's stored decisions: what {@code
 * explain} reads to run the rules of {@code decide} again for one person.
 */
public final class DecisionLookup {
  private static final String LATEST_AS_OF = "latest_as_of";

  private DecisionLookup() {}

  /**
   * The person's timeline built from the silver tables as {@code decide} builds it ({@link
   * TimelineStage#timelines}); empty when the person is on no roster with a record starting on or
   * before {@code asOf}.
   *
   * @param id the normalised 18-digit ID number
   */
  public static Optional<PersonTimeline> timeline(
      SparkSession spark, Warehouse warehouse, String id, int year, LocalDate asOf) {
    List<Row> rows =
        TimelineStage.timelines(
                only(warehouse.read(spark, Tables.PERSONS), id),
                only(warehouse.read(spark, Tables.CATEGORY_PERIODS), id),
                only(warehouse.read(spark, Tables.EXCLUSION_PERIODS), id),
                only(warehouse.read(spark, Tables.ENROLLMENTS), id),
                only(warehouse.read(spark, Tables.PAYMENTS), id),
                year,
                asOf)
            .collectAsList();
    return rows.stream().findFirst().map(DecisionRows::toTimeline);
  }

  /**
   * The as_of of the stored decisions of {@code year} (the latest, should they differ); empty when
   * there is no decision table or no decision of that year.
   */
  public static Optional<LocalDate> decidedAsOf(SparkSession spark, Warehouse warehouse, int year) {
    if (!warehouse.exists(spark, Tables.ELIGIBILITY)) {
      return Optional.empty();
    }
    Row r =
        warehouse
            .read(spark, Tables.ELIGIBILITY)
            .filter(col(ColumnNames.POLICY_YEAR).equalTo(year))
            .select(max(col(ColumnNames.AS_OF)).as(LATEST_AS_OF))
            .first();
    return Optional.ofNullable(r.getAs(LATEST_AS_OF));
  }

  private static Dataset<Row> only(Dataset<Row> table, String id) {
    return table.filter(col(ColumnNames.ID_NUMBER).equalTo(id));
  }
}
