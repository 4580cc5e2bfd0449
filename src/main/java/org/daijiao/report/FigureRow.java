package org.daijiao.report;

import java.math.BigDecimal;
import org.apache.spark.sql.Row;
import org.daijiao.coverage.CoverageColumns;
import org.daijiao.spark.ColumnNames;

/**
 * One line of the report's coverage tables: a township, a village, a category or a total, with the
 * figures of {@code gold.coverage_stats} (docs/rules.md#coverage-statistics). Rates are fractions
 * ({@code 0.9732}), null when the target is empty; money is yuan to the cent.
 *
 * @param townshipCode the official code; null for a total, a category or a place not in the list
 * @param township the township; null for the county, a category or a total
 * @param villageCode the official code of a village; null when not official or not a village
 * @param village the village; null above village level
 * @param category the category code; null when the row is not a category
 */
public record FigureRow(
    String townshipCode,
    String township,
    String villageCode,
    String village,
    String category,
    long target,
    long insured,
    BigDecimal insuredRate,
    long eligible,
    long paid,
    BigDecimal paidRate,
    BigDecimal subsidy) {

  /** A row of a report stage; key columns it lacks are null. */
  static FigureRow of(Row r) {
    return new FigureRow(
        text(r, ColumnNames.TOWNSHIP_CODE),
        text(r, ColumnNames.TOWNSHIP),
        text(r, ColumnNames.VILLAGE_CODE),
        text(r, ColumnNames.VILLAGE),
        text(r, ColumnNames.CATEGORY),
        r.<Long>getAs(ColumnNames.TARGET_PERSONS),
        r.<Long>getAs(ColumnNames.INSURED_PERSONS),
        r.getAs(ColumnNames.INSURED_RATE),
        r.<Long>getAs(CoverageColumns.ELIGIBLE_PERSONS),
        r.<Long>getAs(CoverageColumns.PAID_PERSONS),
        r.getAs(CoverageColumns.PAID_RATE),
        r.getAs(ColumnNames.SUBSIDY_AMOUNT));
  }

  private static String text(Row r, String column) {
    return r.schema().getFieldIndex(column).isDefined() ? r.getAs(column) : null;
  }
}
