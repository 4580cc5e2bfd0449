package org.daijiao.ops;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.array_compact;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.count_if;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.daijiao.coverage.CoverageColumns;
import org.daijiao.coverage.CoverageStages;
import org.daijiao.coverage.Level;
import org.daijiao.decide.GoldColumns;
import org.daijiao.ops.DiffColumns.Change;
import org.daijiao.spark.ColumnNames;

/**
 * What changed between two runs' gold tables of a year (§2(二) 即进立保, §3(一) 动态清零:
 * docs/rules.md#batch-and-deadline): who entered or left the subsidy ledger, whose category,
 * status, subsidy or batch changed, and how the county's and each township's coverage moved. Pure
 * stages on the two runs' tables.
 */
public final class RunDiff {
  private static final String FROM = "_from";
  private static final String TO = "_to";
  private static final String FROM_ID = "_from_id";
  private static final String TO_ID = "_to_id";
  private static final String TOWNSHIP_KEY = "_township_key";

  private RunDiff() {}

  /**
   * One row per person who entered, left or changed, between the ledger rows {@code from} and
   * {@code to} of one policy year ({@code id_number} is unique in each: one ledger row per eligible
   * person). {@code toEligibility}, the later run's decisions of that year, says why a person left.
   */
  public static Dataset<Row> ledgerChanges(
      Dataset<Row> from, Dataset<Row> to, Dataset<Row> toEligibility) {
    Dataset<Row> f = side(from, FROM, FROM_ID);
    Dataset<Row> t = side(to, TO, TO_ID);
    Column category = changed(ColumnNames.CATEGORY);
    Column status = changed(ColumnNames.STATUS);
    Column subsidy = changed(ColumnNames.SUBSIDY_AMOUNT);
    Column batch = changed(ColumnNames.BATCH);
    Column change =
        when(col(FROM_ID).isNull(), lit(Change.ENTERED.name()))
            .when(col(TO_ID).isNull(), lit(Change.LEFT.name()))
            .when(category.or(status).or(subsidy).or(batch), lit(Change.CHANGED.name()));
    Column what =
        when(
                col(FROM_ID).isNotNull().and(col(TO_ID).isNotNull()),
                array_compact(
                    array(
                        when(category, lit(ColumnNames.CATEGORY)),
                        when(status, lit(ColumnNames.STATUS)),
                        when(subsidy, lit(ColumnNames.SUBSIDY_AMOUNT)),
                        when(batch, lit(ColumnNames.BATCH)))))
            .otherwise(array().cast(DataTypes.createArrayType(DataTypes.StringType)));
    Dataset<Row> joined =
        f.join(t, col(FROM_ID).equalTo(col(TO_ID)), "full_outer")
            .withColumn(DiffColumns.CHANGE, change)
            .filter(col(DiffColumns.CHANGE).isNotNull())
            .withColumn(ColumnNames.ID_NUMBER, coalesce(col(TO_ID), col(FROM_ID)))
            .withColumn(DiffColumns.CHANGED, what);
    // Left join: a person who left the ledger may have left the rosters too (no decision row).
    Dataset<Row> reasons =
        toEligibility.select(
            col(ColumnNames.ID_NUMBER).as(TO_ID + "_e"),
            col(GoldColumns.REASONS).as(DiffColumns.REASONS_TO));
    Dataset<Row> withReasons =
        joined.join(
            reasons,
            col(ColumnNames.ID_NUMBER)
                .equalTo(col(TO_ID + "_e"))
                .and(col(DiffColumns.CHANGE).equalTo(Change.LEFT.name())),
            "left_outer");
    return withReasons.select(
        col(DiffColumns.CHANGE),
        col(ColumnNames.ID_NUMBER),
        latest(ColumnNames.NAME).as(ColumnNames.NAME),
        latest(ColumnNames.TOWNSHIP).as(ColumnNames.TOWNSHIP),
        latest(ColumnNames.VILLAGE).as(ColumnNames.VILLAGE),
        col(DiffColumns.CHANGED),
        col(ColumnNames.CATEGORY + FROM).as(DiffColumns.CATEGORY_FROM),
        col(ColumnNames.CATEGORY + TO).as(DiffColumns.CATEGORY_TO),
        col(ColumnNames.STATUS + FROM).as(DiffColumns.STATUS_FROM),
        col(ColumnNames.STATUS + TO).as(DiffColumns.STATUS_TO),
        col(ColumnNames.SUBSIDY_AMOUNT + FROM).as(DiffColumns.SUBSIDY_FROM),
        col(ColumnNames.SUBSIDY_AMOUNT + TO).as(DiffColumns.SUBSIDY_TO),
        col(ColumnNames.BATCH + FROM).as(DiffColumns.BATCH_FROM),
        col(ColumnNames.BATCH + TO).as(DiffColumns.BATCH_TO),
        col(DiffColumns.REASONS_TO));
  }

  /**
   * The county's and each township's coverage (category ALL) in both runs' statistics of one policy
   * year, with the persons who entered and left the ledger there ({@code changes}, from {@link
   * #ledgerChanges}). A township that exists in one run only has nulls on the other side.
   */
  public static Dataset<Row> townshipCoverage(
      Dataset<Row> fromStats, Dataset<Row> toStats, Dataset<Row> changes) {
    Dataset<Row> f = coverageSide(fromStats, FROM);
    Dataset<Row> t = coverageSide(toStats, TO);
    Column sameLevel = col(ColumnNames.LEVEL + FROM).equalTo(col(ColumnNames.LEVEL + TO));
    Column sameTownship = col(TOWNSHIP_KEY + FROM).eqNullSafe(col(TOWNSHIP_KEY + TO));
    // (level, township) is unique in each run's statistics of a year and category.
    Dataset<Row> coverage =
        f.join(t, sameLevel.and(sameTownship), "full_outer")
            .withColumn(
                ColumnNames.LEVEL,
                coalesce(col(ColumnNames.LEVEL + TO), col(ColumnNames.LEVEL + FROM)))
            .withColumn(TOWNSHIP_KEY, coalesce(col(TOWNSHIP_KEY + TO), col(TOWNSHIP_KEY + FROM)));

    Column entered = col(DiffColumns.CHANGE).equalTo(Change.ENTERED.name());
    Column left = col(DiffColumns.CHANGE).equalTo(Change.LEFT.name());
    Column township = coalesce(col(ColumnNames.TOWNSHIP), lit(CoverageStages.UNKNOWN));
    Dataset<Row> perTownship =
        changes
            .groupBy(
                lit(Level.TOWNSHIP.name()).as(ColumnNames.LEVEL + "_c"),
                township.as(TOWNSHIP_KEY + "_c"))
            .agg(count_if(entered).as(DiffColumns.ENTERED), count_if(left).as(DiffColumns.LEFT));
    Dataset<Row> county =
        changes
            .agg(count_if(entered).as(DiffColumns.ENTERED), count_if(left).as(DiffColumns.LEFT))
            .select(
                lit(Level.COUNTY.name()).as(ColumnNames.LEVEL + "_c"),
                lit(null).cast(DataTypes.StringType).as(TOWNSHIP_KEY + "_c"),
                col(DiffColumns.ENTERED),
                col(DiffColumns.LEFT));
    // (level, township) is unique in the counts too.
    Dataset<Row> withCounts =
        coverage.join(
            perTownship.unionByName(county),
            col(ColumnNames.LEVEL)
                .equalTo(col(ColumnNames.LEVEL + "_c"))
                .and(col(TOWNSHIP_KEY).eqNullSafe(col(TOWNSHIP_KEY + "_c"))),
            "left_outer");
    return withCounts.select(
        col(ColumnNames.LEVEL),
        col(TOWNSHIP_KEY).as(ColumnNames.TOWNSHIP),
        col(ColumnNames.TARGET_PERSONS + FROM).as(DiffColumns.TARGET_FROM),
        col(ColumnNames.TARGET_PERSONS + TO).as(DiffColumns.TARGET_TO),
        col(ColumnNames.INSURED_PERSONS + FROM).as(DiffColumns.INSURED_FROM),
        col(ColumnNames.INSURED_PERSONS + TO).as(DiffColumns.INSURED_TO),
        col(ColumnNames.INSURED_RATE + FROM).as(DiffColumns.RATE_FROM),
        col(ColumnNames.INSURED_RATE + TO).as(DiffColumns.RATE_TO),
        col(ColumnNames.INSURED_RATE + TO)
            .minus(col(ColumnNames.INSURED_RATE + FROM))
            .cast(CoverageColumns.RATE)
            .as(DiffColumns.RATE_CHANGE),
        coalesce(col(DiffColumns.ENTERED), lit(0L)).as(DiffColumns.ENTERED),
        coalesce(col(DiffColumns.LEFT), lit(0L)).as(DiffColumns.LEFT));
  }

  /**
   * The ledger changes as {@code daijiao diff} prints them: by change, township and ID, the ID
   * masked, no name, each pair of values as "from → to" (one value when both are equal).
   */
  public static Dataset<Row> printable(Dataset<Row> changes) {
    return changes
        .orderBy(col(DiffColumns.CHANGE), col(ColumnNames.TOWNSHIP), col(ColumnNames.ID_NUMBER))
        .select(
            col(DiffColumns.CHANGE),
            CoverageStages.masked(col(ColumnNames.ID_NUMBER)).as(ColumnNames.ID_NUMBER),
            col(ColumnNames.TOWNSHIP),
            col(ColumnNames.VILLAGE),
            pair(DiffColumns.CATEGORY_FROM, DiffColumns.CATEGORY_TO).as(ColumnNames.CATEGORY),
            pair(DiffColumns.STATUS_FROM, DiffColumns.STATUS_TO).as(ColumnNames.STATUS),
            pair(DiffColumns.SUBSIDY_FROM, DiffColumns.SUBSIDY_TO).as(ColumnNames.SUBSIDY_AMOUNT),
            pair(DiffColumns.BATCH_FROM, DiffColumns.BATCH_TO).as(ColumnNames.BATCH),
            col(DiffColumns.REASONS_TO));
  }

  private static Column pair(String fromColumn, String toColumn) {
    Column a = col(fromColumn).cast("string");
    Column b = col(toColumn).cast("string");
    return when(a.eqNullSafe(b), a)
        .otherwise(concat_ws(" → ", coalesce(a, lit("-")), coalesce(b, lit("-"))));
  }

  /** The compared columns of one side of the ledger, suffixed. */
  private static Dataset<Row> side(Dataset<Row> ledger, String suffix, String idName) {
    return ledger.select(
        col(ColumnNames.ID_NUMBER).as(idName),
        col(ColumnNames.NAME).as(ColumnNames.NAME + suffix),
        col(ColumnNames.TOWNSHIP).as(ColumnNames.TOWNSHIP + suffix),
        col(ColumnNames.VILLAGE).as(ColumnNames.VILLAGE + suffix),
        col(ColumnNames.CATEGORY).as(ColumnNames.CATEGORY + suffix),
        col(ColumnNames.STATUS).as(ColumnNames.STATUS + suffix),
        col(ColumnNames.SUBSIDY_AMOUNT).as(ColumnNames.SUBSIDY_AMOUNT + suffix),
        col(ColumnNames.BATCH).as(ColumnNames.BATCH + suffix));
  }

  private static Dataset<Row> coverageSide(Dataset<Row> stats, String suffix) {
    return stats
        .filter(
            col(ColumnNames.CATEGORY)
                .equalTo(CoverageStages.ALL)
                .and(col(ColumnNames.LEVEL).isin(Level.COUNTY.name(), Level.TOWNSHIP.name())))
        .select(
            col(ColumnNames.LEVEL).as(ColumnNames.LEVEL + suffix),
            col(ColumnNames.TOWNSHIP).as(TOWNSHIP_KEY + suffix),
            col(ColumnNames.TARGET_PERSONS).as(ColumnNames.TARGET_PERSONS + suffix),
            col(ColumnNames.INSURED_PERSONS).as(ColumnNames.INSURED_PERSONS + suffix),
            col(ColumnNames.INSURED_RATE).as(ColumnNames.INSURED_RATE + suffix));
  }

  /** True when a compared column differs between the two sides (null-safe). */
  private static Column changed(String column) {
    return not(col(column + FROM).eqNullSafe(col(column + TO)));
  }

  private static Column latest(String column) {
    return coalesce(col(column + TO), col(column + FROM));
  }
}
