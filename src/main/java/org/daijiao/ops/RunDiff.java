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
    Column category = changed(GoldColumns.CATEGORY);
    Column status = changed(GoldColumns.STATUS);
    Column subsidy = changed(GoldColumns.SUBSIDY_AMOUNT);
    Column batch = changed(GoldColumns.BATCH);
    Column change =
        when(col(FROM_ID).isNull(), lit(Change.ENTERED.name()))
            .when(col(TO_ID).isNull(), lit(Change.LEFT.name()))
            .when(category.or(status).or(subsidy).or(batch), lit(Change.CHANGED.name()));
    Column what =
        when(
                col(FROM_ID).isNotNull().and(col(TO_ID).isNotNull()),
                array_compact(
                    array(
                        when(category, lit(GoldColumns.CATEGORY)),
                        when(status, lit(GoldColumns.STATUS)),
                        when(subsidy, lit(GoldColumns.SUBSIDY_AMOUNT)),
                        when(batch, lit(GoldColumns.BATCH)))))
            .otherwise(array().cast(DataTypes.createArrayType(DataTypes.StringType)));
    Dataset<Row> joined =
        f.join(t, col(FROM_ID).equalTo(col(TO_ID)), "full_outer")
            .withColumn(DiffColumns.CHANGE, change)
            .filter(col(DiffColumns.CHANGE).isNotNull())
            .withColumn(DiffColumns.ID_NUMBER, coalesce(col(TO_ID), col(FROM_ID)))
            .withColumn(DiffColumns.CHANGED, what);
    // Left join: a person who left the ledger may have left the rosters too (no decision row).
    Dataset<Row> reasons =
        toEligibility.select(
            col(GoldColumns.ID_NUMBER).as(TO_ID + "_e"),
            col(GoldColumns.REASONS).as(DiffColumns.REASONS_TO));
    Dataset<Row> withReasons =
        joined.join(
            reasons,
            col(DiffColumns.ID_NUMBER)
                .equalTo(col(TO_ID + "_e"))
                .and(col(DiffColumns.CHANGE).equalTo(Change.LEFT.name())),
            "left_outer");
    return withReasons.select(
        col(DiffColumns.CHANGE),
        col(DiffColumns.ID_NUMBER),
        latest(GoldColumns.NAME).as(DiffColumns.NAME),
        latest(GoldColumns.TOWNSHIP).as(DiffColumns.TOWNSHIP),
        latest(GoldColumns.VILLAGE).as(DiffColumns.VILLAGE),
        col(DiffColumns.CHANGED),
        col(GoldColumns.CATEGORY + FROM).as(DiffColumns.CATEGORY_FROM),
        col(GoldColumns.CATEGORY + TO).as(DiffColumns.CATEGORY_TO),
        col(GoldColumns.STATUS + FROM).as(DiffColumns.STATUS_FROM),
        col(GoldColumns.STATUS + TO).as(DiffColumns.STATUS_TO),
        col(GoldColumns.SUBSIDY_AMOUNT + FROM).as(DiffColumns.SUBSIDY_FROM),
        col(GoldColumns.SUBSIDY_AMOUNT + TO).as(DiffColumns.SUBSIDY_TO),
        col(GoldColumns.BATCH + FROM).as(DiffColumns.BATCH_FROM),
        col(GoldColumns.BATCH + TO).as(DiffColumns.BATCH_TO),
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
    Column sameLevel = col(CoverageColumns.LEVEL + FROM).equalTo(col(CoverageColumns.LEVEL + TO));
    Column sameTownship = col(TOWNSHIP_KEY + FROM).eqNullSafe(col(TOWNSHIP_KEY + TO));
    // (level, township) is unique in each run's statistics of a year and category.
    Dataset<Row> coverage =
        f.join(t, sameLevel.and(sameTownship), "full_outer")
            .withColumn(
                DiffColumns.LEVEL,
                coalesce(col(CoverageColumns.LEVEL + TO), col(CoverageColumns.LEVEL + FROM)))
            .withColumn(TOWNSHIP_KEY, coalesce(col(TOWNSHIP_KEY + TO), col(TOWNSHIP_KEY + FROM)));

    Column entered = col(DiffColumns.CHANGE).equalTo(Change.ENTERED.name());
    Column left = col(DiffColumns.CHANGE).equalTo(Change.LEFT.name());
    Column township = coalesce(col(DiffColumns.TOWNSHIP), lit(CoverageStages.UNKNOWN));
    Dataset<Row> perTownship =
        changes
            .groupBy(
                lit(Level.TOWNSHIP.name()).as(DiffColumns.LEVEL + "_c"),
                township.as(TOWNSHIP_KEY + "_c"))
            .agg(count_if(entered).as(DiffColumns.ENTERED), count_if(left).as(DiffColumns.LEFT));
    Dataset<Row> county =
        changes
            .agg(count_if(entered).as(DiffColumns.ENTERED), count_if(left).as(DiffColumns.LEFT))
            .select(
                lit(Level.COUNTY.name()).as(DiffColumns.LEVEL + "_c"),
                lit(null).cast(DataTypes.StringType).as(TOWNSHIP_KEY + "_c"),
                col(DiffColumns.ENTERED),
                col(DiffColumns.LEFT));
    // (level, township) is unique in the counts too.
    Dataset<Row> withCounts =
        coverage.join(
            perTownship.unionByName(county),
            col(DiffColumns.LEVEL)
                .equalTo(col(DiffColumns.LEVEL + "_c"))
                .and(col(TOWNSHIP_KEY).eqNullSafe(col(TOWNSHIP_KEY + "_c"))),
            "left_outer");
    return withCounts.select(
        col(DiffColumns.LEVEL),
        col(TOWNSHIP_KEY).as(DiffColumns.TOWNSHIP),
        col(CoverageColumns.TARGET_PERSONS + FROM).as(DiffColumns.TARGET_FROM),
        col(CoverageColumns.TARGET_PERSONS + TO).as(DiffColumns.TARGET_TO),
        col(CoverageColumns.INSURED_PERSONS + FROM).as(DiffColumns.INSURED_FROM),
        col(CoverageColumns.INSURED_PERSONS + TO).as(DiffColumns.INSURED_TO),
        col(CoverageColumns.INSURED_RATE + FROM).as(DiffColumns.RATE_FROM),
        col(CoverageColumns.INSURED_RATE + TO).as(DiffColumns.RATE_TO),
        col(CoverageColumns.INSURED_RATE + TO)
            .minus(col(CoverageColumns.INSURED_RATE + FROM))
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
        .orderBy(col(DiffColumns.CHANGE), col(DiffColumns.TOWNSHIP), col(DiffColumns.ID_NUMBER))
        .select(
            col(DiffColumns.CHANGE),
            CoverageStages.masked(col(DiffColumns.ID_NUMBER)).as(DiffColumns.ID_NUMBER),
            col(DiffColumns.TOWNSHIP),
            col(DiffColumns.VILLAGE),
            pair(DiffColumns.CATEGORY_FROM, DiffColumns.CATEGORY_TO).as(GoldColumns.CATEGORY),
            pair(DiffColumns.STATUS_FROM, DiffColumns.STATUS_TO).as(GoldColumns.STATUS),
            pair(DiffColumns.SUBSIDY_FROM, DiffColumns.SUBSIDY_TO).as(GoldColumns.SUBSIDY_AMOUNT),
            pair(DiffColumns.BATCH_FROM, DiffColumns.BATCH_TO).as(GoldColumns.BATCH),
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
        col(GoldColumns.ID_NUMBER).as(idName),
        col(GoldColumns.NAME).as(GoldColumns.NAME + suffix),
        col(GoldColumns.TOWNSHIP).as(GoldColumns.TOWNSHIP + suffix),
        col(GoldColumns.VILLAGE).as(GoldColumns.VILLAGE + suffix),
        col(GoldColumns.CATEGORY).as(GoldColumns.CATEGORY + suffix),
        col(GoldColumns.STATUS).as(GoldColumns.STATUS + suffix),
        col(GoldColumns.SUBSIDY_AMOUNT).as(GoldColumns.SUBSIDY_AMOUNT + suffix),
        col(GoldColumns.BATCH).as(GoldColumns.BATCH + suffix));
  }

  private static Dataset<Row> coverageSide(Dataset<Row> stats, String suffix) {
    return stats
        .filter(
            col(CoverageColumns.CATEGORY)
                .equalTo(CoverageStages.ALL)
                .and(col(CoverageColumns.LEVEL).isin(Level.COUNTY.name(), Level.TOWNSHIP.name())))
        .select(
            col(CoverageColumns.LEVEL).as(CoverageColumns.LEVEL + suffix),
            col(CoverageColumns.TOWNSHIP).as(TOWNSHIP_KEY + suffix),
            col(CoverageColumns.TARGET_PERSONS).as(CoverageColumns.TARGET_PERSONS + suffix),
            col(CoverageColumns.INSURED_PERSONS).as(CoverageColumns.INSURED_PERSONS + suffix),
            col(CoverageColumns.INSURED_RATE).as(CoverageColumns.INSURED_RATE + suffix));
  }

  /** True when a compared column differs between the two sides (null-safe). */
  private static Column changed(String column) {
    return not(col(column + FROM).eqNullSafe(col(column + TO)));
  }

  private static Column latest(String column) {
    return coalesce(col(column + TO), col(column + FROM));
  }
}
