package org.daijiao.coverage;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.date_add;
import static org.apache.spark.sql.functions.grouping;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;
import static org.daijiao.coverage.HistoryStages.PREVIOUS;

import java.time.LocalDate;
import java.util.Arrays;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.daijiao.spark.ColumnNames;
import org.daijiao.spark.ScalaSeqs;

/**
 * {@code gold.monthly_progress} (动态清零 month by month, docs/rules.md#month-by-month): a pure stage
 * over the history tables and the 销号 log.
 */
public final class MonthlyProgressStages {
  // Working columns, dropped before the result.
  private static final String KEY = "_key";
  private static final String BY_TOWNSHIP = "_by_township";
  private static final String BY_VILLAGE = "_by_village";
  private static final String BY_AS_OF = "_by_as_of";
  private static final String WAS_TARGET = "_was_target";
  private static final String IS_NEW = "_is_new";
  private static final String REACHED = "_reached";

  /** The counted facts of the monthly progress, each 0 or 1 per fact row. */
  private static final String[] COUNTS = {
    ColumnNames.TARGET_PERSONS,
    ColumnNames.INSURED_PERSONS,
    HistoryColumns.OPEN_ACTIONS,
    HistoryColumns.OPENED_ACTIONS,
    HistoryColumns.CLOSED_ACTIONS,
    HistoryColumns.NEW_TARGET_PERSONS,
    HistoryColumns.NEW_TARGET_INSURED,
    HistoryColumns.REACHED_60,
    HistoryColumns.REACHED_60_RECEIVING
  };

  /** Counted since the previous recorded as_of: null at the first as_of of the year. */
  private static final String[] SINCE_PREVIOUS = {
    HistoryColumns.OPENED_ACTIONS,
    HistoryColumns.CLOSED_ACTIONS,
    HistoryColumns.NEW_TARGET_PERSONS,
    HistoryColumns.NEW_TARGET_INSURED
  };

  private MonthlyProgressStages() {}

  /**
   * {@code gold.monthly_progress}: per recorded as_of, for the county, each township and each
   * village, the target and the insured (as {@code gold.coverage_history} counts them), the open
   * actions, and what changed since the previous recorded as_of. {@code open = previous open +
   * opened − closed} holds in every place, since an action belongs to one place
   * (docs/decisions.md#action-log).
   */
  public static Dataset<Row> monthlyProgress(
      Dataset<Row> coverageHistory,
      Dataset<Row> worklistHistory,
      Dataset<Row> targetHistory,
      Dataset<Row> actionLog,
      int policyYear) {
    Dataset<Row> recorded = HistoryStages.recordedAsOfs(coverageHistory);
    LocalDate yearBegins = LocalDate.of(policyYear, 1, 1);
    Dataset<Row> previousTarget =
        targetHistory.select(
            col(ColumnNames.AS_OF).as(PREVIOUS),
            col(ColumnNames.ID_NUMBER),
            lit(true).as(WAS_TARGET));
    Column isNew = col(PREVIOUS).isNotNull().and(col(WAS_TARGET).isNull());
    Column reached =
        col(ColumnNames.PENSION_AGE_DATE)
            .geq(coalesce(date_add(col(PREVIOUS), 1), lit(yearBegins)))
            .and(col(ColumnNames.PENSION_AGE_DATE).leq(col(ColumnNames.AS_OF)));
    Dataset<Row> persons =
        targetHistory
            .join(recorded.select(ColumnNames.AS_OF, PREVIOUS), ColumnNames.AS_OF)
            .join(previousTarget, ScalaSeqs.of(PREVIOUS, ColumnNames.ID_NUMBER), "left_outer")
            .withColumn(IS_NEW, isNew)
            .withColumn(REACHED, coalesce(reached, lit(false)))
            .select(
                facts(
                    col(ColumnNames.AS_OF),
                    lit(1),
                    one(col(ColumnNames.INSURED)),
                    lit(0),
                    lit(0),
                    lit(0),
                    one(col(IS_NEW)),
                    one(col(IS_NEW).and(col(ColumnNames.INSURED))),
                    one(col(REACHED)),
                    one(col(REACHED).and(col(HistoryColumns.RECEIVING_PENSION)))));
    Column actionKey = coalesce(col(HistoryColumns.PERSON_ID_NUMBER), col(ColumnNames.ID_NUMBER));
    Dataset<Row> open =
        worklistHistory
            .select(
                col(ColumnNames.AS_OF),
                actionKey.as(KEY),
                col(ColumnNames.DEPARTMENT),
                col(ColumnNames.ACTION),
                col(ColumnNames.TOWNSHIP),
                col(ColumnNames.VILLAGE))
            .distinct()
            .select(facts(col(ColumnNames.AS_OF), 0, 0, 1, 0, 0));
    Dataset<Row> opened = actionLog.select(facts(col(HistoryColumns.OPENED_AS_OF), 0, 0, 0, 1, 0));
    Dataset<Row> closed =
        actionLog
            .filter(col(HistoryColumns.CLOSED_AS_OF).isNotNull())
            .select(facts(col(HistoryColumns.CLOSED_AS_OF), 0, 0, 0, 0, 1));
    // Every place the statistics know, even one with only roster rows awaiting an ID.
    Dataset<Row> places =
        coverageHistory
            .filter(col(ColumnNames.LEVEL).equalTo(Level.VILLAGE.name()))
            .filter(col(ColumnNames.CATEGORY).equalTo(CoverageStages.ALL))
            .select(facts(col(ColumnNames.AS_OF), 0, 0, 0, 0, 0));
    Dataset<Row> all = persons.unionByName(open).unionByName(opened).unionByName(closed);
    all = all.unionByName(places);
    Column[] sums = new Column[COUNTS.length + 3];
    sums[0] = grouping(col(ColumnNames.AS_OF)).as(BY_AS_OF);
    sums[1] = grouping(col(ColumnNames.TOWNSHIP)).as(BY_TOWNSHIP);
    sums[2] = grouping(col(ColumnNames.VILLAGE)).as(BY_VILLAGE);
    for (int i = 0; i < COUNTS.length; i++) {
      sums[i + 3] = sum(col(COUNTS[i])).cast(DataTypes.LongType).as(COUNTS[i]);
    }
    Dataset<Row> rolledUp =
        all.rollup(col(ColumnNames.AS_OF), col(ColumnNames.TOWNSHIP), col(ColumnNames.VILLAGE))
            .agg(sums[0], Arrays.copyOfRange(sums, 1, sums.length))
            .filter(col(BY_AS_OF).equalTo(0))
            .join(recorded.select(ColumnNames.AS_OF, PREVIOUS), ColumnNames.AS_OF);
    for (String since : SINCE_PREVIOUS) {
      rolledUp = rolledUp.withColumn(since, when(col(PREVIOUS).isNotNull(), col(since)));
    }
    Column level =
        when(col(BY_TOWNSHIP).equalTo(1), Level.COUNTY.name())
            .when(col(BY_VILLAGE).equalTo(1), Level.TOWNSHIP.name())
            .otherwise(Level.VILLAGE.name());
    return HistoryColumns.MONTHLY_PROGRESS.select(
        rolledUp
            .withColumn(ColumnNames.POLICY_YEAR, lit(policyYear))
            .withColumn(ColumnNames.LEVEL, level)
            .withColumn(
                ColumnNames.INSURED_RATE,
                CoverageStages.rate(
                    col(ColumnNames.INSURED_PERSONS), col(ColumnNames.TARGET_PERSONS))));
  }

  private static Column one(Column condition) {
    return when(condition, lit(1)).otherwise(lit(0));
  }

  /** A fact row of the actions: where, when, and which of the action counts it adds to. */
  private static Column[] facts(
      Column asOf, int target, int insured, int open, int opened, int closed) {
    return facts(
        asOf,
        lit(target),
        lit(insured),
        lit(open),
        lit(opened),
        lit(closed),
        lit(0),
        lit(0),
        lit(0),
        lit(0));
  }

  /** One fact row: its as_of, its place, and one value per column of {@link #COUNTS}. */
  private static Column[] facts(Column asOf, Column... counts) {
    Column[] out = new Column[counts.length + 3];
    out[0] = asOf.as(ColumnNames.AS_OF);
    out[1] = col(ColumnNames.TOWNSHIP);
    out[2] = col(ColumnNames.VILLAGE);
    for (int i = 0; i < counts.length; i++) {
      out[i + 3] = counts[i].as(COUNTS[i]);
    }
    return out;
  }
}
