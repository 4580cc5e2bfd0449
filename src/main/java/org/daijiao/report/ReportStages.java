package org.daijiao.report;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.sum;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.daijiao.coverage.CoverageColumns;
import org.daijiao.coverage.CoverageStages;
import org.daijiao.coverage.Level;
import org.daijiao.identity.Divisions;
import org.daijiao.ingest.BronzeColumns;
import org.daijiao.ingest.clean.CleanColumns;
import org.daijiao.spark.ColumnNames;
import org.daijiao.spark.ScalaSeqs;

/**
 * The report's tables, as pure stages over one policy year's gold rows: they select and sum what
 * {@code gold.coverage_stats}, {@code gold.department_funding} and {@code gold.worklist} hold and
 * decide nothing. A total is the sum of its rows' counts and money, and its rates are derived from
 * those sums with {@link CoverageStages#rate}, exactly as the statistics derive theirs.
 */
final class ReportStages {
  // Working columns of the village join, dropped before the result.
  private static final String OFFICIAL_TOWNSHIP_CODE = "o_township_code";
  private static final String OFFICIAL_TOWNSHIP = "o_township";
  private static final String OFFICIAL_VILLAGE_CODE = "o_village_code";
  private static final String OFFICIAL_VILLAGE = "o_village";
  private static final String STATS_TOWNSHIP_CODE = "s_township_code";
  private static final String STATS_TOWNSHIP = "s_township";

  private ReportStages() {}

  /** The county's row (category ALL). */
  static Dataset<Row> countyRow(Dataset<Row> coverageStats) {
    return figures(coverageStats.filter(at(Level.COUNTY).and(allCategories())), List.of());
  }

  /**
   * One row per township: every official township of the county in official order with its code,
   * also one nobody in the target lives in (counts 0, rates null), then the townships the rosters
   * wrote that are not official (code null) and the persons whose township is missing.
   */
  static Dataset<Row> townshipRows(Dataset<Row> coverageStats, Dataset<Row> townships) {
    Dataset<Row> stats = coverageStats.filter(at(Level.TOWNSHIP).and(allCategories()));
    // One statistics row per township name, one official row per code: at most one match each.
    Dataset<Row> joined =
        townships.join(
            stats,
            townships.col(Divisions.TOWNSHIP_OFFICIAL).equalTo(stats.col(ColumnNames.TOWNSHIP)),
            "full_outer");
    return figures(
            joined,
            List.of(
                col(ColumnNames.TOWNSHIP_CODE).as(ColumnNames.TOWNSHIP_CODE),
                coalesce(col(Divisions.TOWNSHIP_OFFICIAL), col(ColumnNames.TOWNSHIP))
                    .as(ColumnNames.TOWNSHIP)))
        .orderBy(col(ColumnNames.TOWNSHIP_CODE).asc_nulls_last(), col(ColumnNames.TOWNSHIP).asc());
  }

  /**
   * One row per village: every official village, under its township in official order, then the
   * villages the rosters wrote that are not official (village code null).
   */
  static Dataset<Row> villageRows(
      Dataset<Row> coverageStats, Dataset<Row> townships, Dataset<Row> villages) {
    // Each village has one township (its code's parent): the inner join keeps one row per village.
    Dataset<Row> official =
        villages
            .join(
                townships,
                villages
                    .col(Divisions.VILLAGE_TOWNSHIP_CODE)
                    .equalTo(townships.col(ColumnNames.TOWNSHIP_CODE)),
                "inner")
            .select(
                col(ColumnNames.TOWNSHIP_CODE).as(OFFICIAL_TOWNSHIP_CODE),
                col(Divisions.TOWNSHIP_OFFICIAL).as(OFFICIAL_TOWNSHIP),
                col(ColumnNames.VILLAGE_CODE).as(OFFICIAL_VILLAGE_CODE),
                col(Divisions.VILLAGE_OFFICIAL).as(OFFICIAL_VILLAGE));
    // A village's statistics row keeps its township's code when the township is official.
    Dataset<Row> stats =
        coverageStats
            .filter(at(Level.VILLAGE).and(allCategories()))
            .join(
                townships.select(
                    col(ColumnNames.TOWNSHIP_CODE).as(STATS_TOWNSHIP_CODE),
                    col(Divisions.TOWNSHIP_OFFICIAL).as(STATS_TOWNSHIP)),
                col(ColumnNames.TOWNSHIP).equalTo(col(STATS_TOWNSHIP)),
                "left_outer");
    // (township, village) names one statistics row and at most one official village.
    Dataset<Row> joined =
        official.join(
            stats,
            col(OFFICIAL_TOWNSHIP)
                .equalTo(col(ColumnNames.TOWNSHIP))
                .and(col(OFFICIAL_VILLAGE).equalTo(col(ColumnNames.VILLAGE))),
            "full_outer");
    return figures(
            joined,
            List.of(
                coalesce(col(OFFICIAL_TOWNSHIP_CODE), col(STATS_TOWNSHIP_CODE))
                    .as(ColumnNames.TOWNSHIP_CODE),
                coalesce(col(OFFICIAL_TOWNSHIP), col(ColumnNames.TOWNSHIP))
                    .as(ColumnNames.TOWNSHIP),
                col(OFFICIAL_VILLAGE_CODE).as(ColumnNames.VILLAGE_CODE),
                coalesce(col(OFFICIAL_VILLAGE), col(ColumnNames.VILLAGE)).as(ColumnNames.VILLAGE)))
        .orderBy(
            col(ColumnNames.TOWNSHIP_CODE).asc_nulls_last(),
            col(ColumnNames.TOWNSHIP).asc(),
            col(ColumnNames.VILLAGE_CODE).asc_nulls_last(),
            col(ColumnNames.VILLAGE).asc());
  }

  /** The county's rows by category (resolved, or the highest held), without ALL. */
  static Dataset<Row> categoryRows(Dataset<Row> coverageStats) {
    return figures(
        coverageStats.filter(at(Level.COUNTY).and(not(allCategories()))),
        List.of(col(ColumnNames.CATEGORY)));
  }

  /**
   * The total of rows of {@link #townshipRows}, {@link #villageRows} or {@link #categoryRows}: the
   * sums of counts and money, and the rates of those sums ({@link CoverageStages#rate}).
   */
  static Dataset<Row> total(Dataset<Row> rows) {
    Dataset<Row> sums =
        rows.agg(
            sumOf(ColumnNames.TARGET_PERSONS),
            sumOf(ColumnNames.INSURED_PERSONS),
            sumOf(CoverageColumns.ELIGIBLE_PERSONS),
            sumOf(CoverageColumns.PAID_PERSONS),
            coalesce(sum(col(ColumnNames.SUBSIDY_AMOUNT)), lit(0))
                .cast(CleanColumns.MONEY)
                .as(ColumnNames.SUBSIDY_AMOUNT));
    Column target = col(ColumnNames.TARGET_PERSONS);
    return sums.select(
        target,
        col(ColumnNames.INSURED_PERSONS),
        CoverageStages.rate(col(ColumnNames.INSURED_PERSONS), target).as(ColumnNames.INSURED_RATE),
        col(CoverageColumns.ELIGIBLE_PERSONS),
        col(CoverageColumns.PAID_PERSONS),
        CoverageStages.rate(col(CoverageColumns.PAID_PERSONS), target)
            .as(CoverageColumns.PAID_RATE),
        col(ColumnNames.SUBSIDY_AMOUNT));
  }

  /** The funding requests summed over the given columns of {@code gold.department_funding}. */
  static Dataset<Row> fundingBy(Dataset<Row> departmentFunding, String... columns) {
    Column[] keys = new Column[columns.length];
    for (int i = 0; i < columns.length; i++) {
      keys[i] = col(columns[i]);
    }
    return departmentFunding
        .groupBy(keys)
        .agg(
            coalesce(sum(col(CoverageColumns.PERSONS)), lit(0L)).as(CoverageColumns.PERSONS),
            coalesce(sum(col(ColumnNames.SUBSIDY_AMOUNT)), lit(0))
                .cast(CleanColumns.MONEY)
                .as(ColumnNames.SUBSIDY_AMOUNT))
        .orderBy(keys);
  }

  /** Open actions of {@code gold.worklist} by action: persons and the money involved. */
  static Dataset<Row> openActions(Dataset<Row> worklist) {
    return worklist
        .groupBy(col(ColumnNames.ACTION))
        .agg(
            count(lit(1)).as(CoverageColumns.PERSONS),
            sum(col(ColumnNames.AMOUNT)).cast(CleanColumns.MONEY).as(ColumnNames.AMOUNT));
  }

  /**
   * Rows read, rejected and accepted per input file: {@code lineage} has one row per bronze row
   * ({@link ColumnNames#SOURCE}, {@link ColumnNames#SOURCE_FILE}, {@link BronzeColumns#BATCH_ID}),
   * {@code rejected} is {@code quality.rejected_records}. A file's accepted rows are its rows read
   * less its rejected ones, the reconciliation the resolve stage checks per source.
   */
  static Dataset<Row> fileCounts(Dataset<Row> lineage, Dataset<Row> rejected) {
    // A snapshot of bronze comes from one ingest run: one batch per file.
    Dataset<Row> read =
        lineage
            .groupBy(col(ColumnNames.SOURCE), col(ColumnNames.SOURCE_FILE))
            .agg(
                count(lit(1)).as(ColumnNames.ROWS_READ),
                max(col(BronzeColumns.BATCH_ID)).as(BronzeColumns.BATCH_ID));
    // source_file starts with the source folder: one count per file.
    Dataset<Row> rejects =
        rejected
            .groupBy(col(ColumnNames.SOURCE_FILE))
            .agg(count(lit(1)).as(ColumnNames.ROWS_REJECTED));
    Column rejectedRows = coalesce(col(ColumnNames.ROWS_REJECTED), lit(0L));
    return read.join(rejects, ScalaSeqs.of(ColumnNames.SOURCE_FILE), "left_outer")
        .select(
            col(ColumnNames.SOURCE),
            col(ColumnNames.SOURCE_FILE),
            col(ColumnNames.ROWS_READ),
            col(ColumnNames.ROWS_READ).minus(rejectedRows).as(ColumnNames.ROWS_ACCEPTED),
            rejectedRows.as(ColumnNames.ROWS_REJECTED),
            col(BronzeColumns.BATCH_ID))
        .orderBy(col(ColumnNames.SOURCE), col(ColumnNames.SOURCE_FILE));
  }

  /** The given key columns, then the figures of a statistics row (0 where there is none). */
  private static Dataset<Row> figures(Dataset<Row> rows, List<Column> keys) {
    List<Column> columns = new ArrayList<>(keys);
    columns.add(countOrZero(ColumnNames.TARGET_PERSONS));
    columns.add(countOrZero(ColumnNames.INSURED_PERSONS));
    columns.add(col(ColumnNames.INSURED_RATE));
    columns.add(countOrZero(CoverageColumns.ELIGIBLE_PERSONS));
    columns.add(countOrZero(CoverageColumns.PAID_PERSONS));
    columns.add(col(CoverageColumns.PAID_RATE));
    columns.add(
        coalesce(col(ColumnNames.SUBSIDY_AMOUNT), lit(0))
            .cast(CleanColumns.MONEY)
            .as(ColumnNames.SUBSIDY_AMOUNT));
    return rows.select(columns.toArray(new Column[0]));
  }

  private static Column countOrZero(String column) {
    return coalesce(col(column), lit(0L)).as(column);
  }

  private static Column sumOf(String column) {
    return coalesce(sum(col(column)), lit(0L)).as(column);
  }

  private static Column at(Level level) {
    return col(ColumnNames.LEVEL).equalTo(level.name());
  }

  private static Column allCategories() {
    return col(ColumnNames.CATEGORY).equalTo(CoverageStages.ALL);
  }
}
