package org.daijiao.coverage;

import static org.apache.spark.sql.functions.add_months;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.date_add;
import static org.apache.spark.sql.functions.grouping;
import static org.apache.spark.sql.functions.lag;
import static org.apache.spark.sql.functions.lead;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.max_by;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.substring;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.to_date;
import static org.apache.spark.sql.functions.when;

import java.time.LocalDate;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.apache.spark.sql.types.DataTypes;
import org.daijiao.decide.GoldColumns;
import org.daijiao.person.EnrollmentStatus;
import org.daijiao.person.Scheme;
import org.daijiao.resolve.SilverColumns;
import org.daijiao.spark.ScalaSeqs;

/**
 * Month by month (docs/rules.md#month-by-month): the rows a run keeps for its as_of in the history
 * tables, and the 销号 log and the monthly progress derived from the history tables alone. Pure
 * stages; the log and the progress depend only on the set of history rows, never on the order in
 * which the runs came.
 */
public final class HistoryStages {
  // Working columns, dropped before the result.
  private static final String INDEX = "_index";
  private static final String PREVIOUS = "_previous";
  private static final String NEXT = "_next";
  private static final String KEY = "_key";
  private static final String STRETCH = "_stretch";
  private static final String LAST = "_last";
  private static final String STILL_THERE = "_still_there";
  private static final String BY_TOWNSHIP = "_by_township";
  private static final String BY_VILLAGE = "_by_village";
  private static final String BY_AS_OF = "_by_as_of";
  private static final String WAS_TARGET = "_was_target";
  private static final String IS_NEW = "_is_new";
  private static final String REACHED = "_reached";

  /** The counted facts of the monthly progress, each 0 or 1 per fact row. */
  private static final String[] COUNTS = {
    HistoryColumns.TARGET_PERSONS,
    HistoryColumns.INSURED_PERSONS,
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

  private HistoryStages() {}

  /**
   * The persons with a county resident pension record in status RECEIVING (达龄一个，发放一个,
   * docs/decisions.md#pension-claimed): one {@code id_number} column, each person once.
   *
   * @param enrollments {@code silver.enrollments}
   */
  public static Dataset<Row> receivingPension(Dataset<Row> enrollments, String countyCode) {
    return enrollments
        .filter(
            col(SilverColumns.SCHEME)
                .equalTo(Scheme.RESIDENT.name())
                .and(col(SilverColumns.REGION_CODE).equalTo(countyCode))
                .and(col(SilverColumns.STATUS).equalTo(EnrollmentStatus.RECEIVING.name())))
        .select(col(SilverColumns.ID_NUMBER).as(GoldColumns.ID_NUMBER))
        .distinct();
  }

  /**
   * {@code gold.target_history}'s rows of one as_of: every person of the coverage target, placed as
   * the statistics place them, with the 60th birthday read from the ID number.
   *
   * @param receiving {@link #receivingPension}
   * @param pensionAge the age at which the resident pension is paid (the policy's maximum age)
   */
  public static Dataset<Row> targetHistory(
      Dataset<Row> eligibility,
      Dataset<Row> receiving,
      int policyYear,
      LocalDate asOf,
      int pensionAge) {
    Column birthDate = to_date(substring(col(GoldColumns.ID_NUMBER), 7, 8), "yyyyMMdd");
    return HistoryColumns.TARGET_HISTORY.select(
        eligibility
            .filter(col(GoldColumns.IN_COVERAGE_TARGET))
            .join(
                receiving.withColumn(HistoryColumns.RECEIVING_PENSION, lit(true)),
                ScalaSeqs.of(GoldColumns.ID_NUMBER),
                "left_outer")
            .select(
                lit(policyYear).as(HistoryColumns.POLICY_YEAR),
                lit(asOf).as(HistoryColumns.AS_OF),
                col(GoldColumns.ID_NUMBER),
                col(GoldColumns.NAME),
                placed(GoldColumns.TOWNSHIP),
                col(GoldColumns.TOWNSHIP_CODE),
                placed(GoldColumns.VILLAGE),
                col(GoldColumns.VILLAGE_CODE),
                col(GoldColumns.CATEGORY),
                col(GoldColumns.INSURED),
                add_months(birthDate, 12 * pensionAge).as(HistoryColumns.PENSION_AGE_DATE),
                coalesce(col(HistoryColumns.RECEIVING_PENSION), lit(false))
                    .as(HistoryColumns.RECEIVING_PENSION)));
  }

  /**
   * The as_ofs recorded for the year (those of {@code gold.coverage_history}, which holds at least
   * the county's row for every run), numbered in date order, each with the one before and after.
   */
  public static Dataset<Row> recordedAsOfs(Dataset<Row> coverageHistory) {
    WindowSpec inOrder = Window.orderBy(col(HistoryColumns.AS_OF));
    return coverageHistory
        .select(col(HistoryColumns.AS_OF))
        .distinct()
        .select(
            col(HistoryColumns.AS_OF),
            row_number().over(inOrder).as(INDEX),
            lag(col(HistoryColumns.AS_OF), 1).over(inOrder).as(PREVIOUS),
            lead(col(HistoryColumns.AS_OF), 1).over(inOrder).as(NEXT));
  }

  /**
   * {@code gold.action_log} (销号): one row per action kept on the work list through an unbroken
   * stretch of recorded as_ofs. An action is a person's (a FIX_ID row's: its department's and the
   * value as exported) action in one township and village; it closes at the first recorded as_of
   * after the stretch, DONE when the person is then still in the coverage target in that place,
   * NO_LONGER_DUE otherwise (docs/decisions.md#action-log). A FIX_ID row that is no longer exported
   * closes DONE: its person cannot be followed without a usable ID.
   */
  public static Dataset<Row> actionLog(
      Dataset<Row> worklistHistory,
      Dataset<Row> coverageHistory,
      Dataset<Row> targetHistory,
      int policyYear) {
    Dataset<Row> recorded = recordedAsOfs(coverageHistory);
    String[] key = {
      KEY,
      HistoryColumns.DEPARTMENT,
      HistoryColumns.ACTION,
      HistoryColumns.TOWNSHIP,
      HistoryColumns.VILLAGE
    };
    Dataset<Row> open =
        worklistHistory
            .withColumn(
                KEY, coalesce(col(HistoryColumns.PERSON_ID_NUMBER), col(HistoryColumns.ID_NUMBER)))
            .groupBy(columns(key, HistoryColumns.AS_OF))
            .agg(
                max(col(HistoryColumns.NAME)).as(HistoryColumns.NAME),
                max(col(HistoryColumns.CATEGORY)).as(HistoryColumns.CATEGORY))
            .join(recorded.select(HistoryColumns.AS_OF, INDEX), HistoryColumns.AS_OF);
    // Gaps and islands: within one unbroken stretch, index − rank is constant.
    WindowSpec byKey = Window.partitionBy(columns(key)).orderBy(col(INDEX));
    Dataset<Row> stretches =
        open.withColumn(STRETCH, col(INDEX).minus(row_number().over(byKey)))
            .groupBy(columns(key, STRETCH))
            .agg(
                min(col(HistoryColumns.AS_OF)).as(HistoryColumns.OPENED_AS_OF),
                max(col(INDEX)).as(LAST),
                max_by(col(HistoryColumns.NAME), col(INDEX)).as(HistoryColumns.NAME),
                max_by(col(HistoryColumns.CATEGORY), col(INDEX)).as(HistoryColumns.CATEGORY))
            .join(
                recorded.select(col(INDEX).as(LAST), col(NEXT).as(HistoryColumns.CLOSED_AS_OF)),
                LAST);
    Dataset<Row> stillThere =
        targetHistory.select(
            col(HistoryColumns.AS_OF).as(HistoryColumns.CLOSED_AS_OF),
            col(HistoryColumns.ID_NUMBER).as(KEY),
            col(HistoryColumns.TOWNSHIP),
            col(HistoryColumns.VILLAGE),
            lit(true).as(STILL_THERE));
    Column resolution =
        when(col(HistoryColumns.CLOSED_AS_OF).isNull(), lit(null).cast(DataTypes.StringType))
            .when(
                col(HistoryColumns.ACTION)
                    .equalTo(WorklistAction.FIX_ID.name())
                    .or(col(STILL_THERE)),
                Resolution.DONE.name())
            .otherwise(Resolution.NO_LONGER_DUE.name());
    return HistoryColumns.ACTION_LOG.select(
        stretches
            .join(
                stillThere,
                ScalaSeqs.of(
                    HistoryColumns.CLOSED_AS_OF,
                    KEY,
                    HistoryColumns.TOWNSHIP,
                    HistoryColumns.VILLAGE),
                "left_outer")
            .select(
                lit(policyYear).as(HistoryColumns.POLICY_YEAR),
                col(KEY).as(HistoryColumns.ID_NUMBER),
                col(HistoryColumns.NAME),
                col(HistoryColumns.TOWNSHIP),
                col(HistoryColumns.VILLAGE),
                col(HistoryColumns.CATEGORY),
                col(HistoryColumns.ACTION),
                col(HistoryColumns.DEPARTMENT),
                col(HistoryColumns.OPENED_AS_OF),
                col(HistoryColumns.CLOSED_AS_OF),
                resolution.as(HistoryColumns.RESOLUTION)));
  }

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
    Dataset<Row> recorded = recordedAsOfs(coverageHistory);
    LocalDate yearBegins = LocalDate.of(policyYear, 1, 1);
    Dataset<Row> previousTarget =
        targetHistory.select(
            col(HistoryColumns.AS_OF).as(PREVIOUS),
            col(HistoryColumns.ID_NUMBER),
            lit(true).as(WAS_TARGET));
    Column isNew = col(PREVIOUS).isNotNull().and(col(WAS_TARGET).isNull());
    Column reached =
        col(HistoryColumns.PENSION_AGE_DATE)
            .geq(coalesce(date_add(col(PREVIOUS), 1), lit(yearBegins)))
            .and(col(HistoryColumns.PENSION_AGE_DATE).leq(col(HistoryColumns.AS_OF)));
    Dataset<Row> persons =
        targetHistory
            .join(recorded.select(HistoryColumns.AS_OF, PREVIOUS), HistoryColumns.AS_OF)
            .join(previousTarget, ScalaSeqs.of(PREVIOUS, HistoryColumns.ID_NUMBER), "left_outer")
            .withColumn(IS_NEW, isNew)
            .withColumn(REACHED, coalesce(reached, lit(false)))
            .select(
                facts(
                    col(HistoryColumns.AS_OF),
                    lit(1),
                    one(col(HistoryColumns.INSURED)),
                    lit(0),
                    lit(0),
                    lit(0),
                    one(col(IS_NEW)),
                    one(col(IS_NEW).and(col(HistoryColumns.INSURED))),
                    one(col(REACHED)),
                    one(col(REACHED).and(col(HistoryColumns.RECEIVING_PENSION)))));
    Column actionKey =
        coalesce(col(HistoryColumns.PERSON_ID_NUMBER), col(HistoryColumns.ID_NUMBER));
    Dataset<Row> open =
        worklistHistory
            .select(
                col(HistoryColumns.AS_OF),
                actionKey.as(KEY),
                col(HistoryColumns.DEPARTMENT),
                col(HistoryColumns.ACTION),
                col(HistoryColumns.TOWNSHIP),
                col(HistoryColumns.VILLAGE))
            .distinct()
            .select(facts(col(HistoryColumns.AS_OF), 0, 0, 1, 0, 0));
    Dataset<Row> opened = actionLog.select(facts(col(HistoryColumns.OPENED_AS_OF), 0, 0, 0, 1, 0));
    Dataset<Row> closed =
        actionLog
            .filter(col(HistoryColumns.CLOSED_AS_OF).isNotNull())
            .select(facts(col(HistoryColumns.CLOSED_AS_OF), 0, 0, 0, 0, 1));
    // Every place the statistics know, even one with only roster rows awaiting an ID.
    Dataset<Row> places =
        coverageHistory
            .filter(col(HistoryColumns.LEVEL).equalTo(Level.VILLAGE.name()))
            .filter(col(HistoryColumns.CATEGORY).equalTo(CoverageStages.ALL))
            .select(facts(col(HistoryColumns.AS_OF), 0, 0, 0, 0, 0));
    Dataset<Row> all = persons.unionByName(open).unionByName(opened).unionByName(closed);
    all = all.unionByName(places);
    Column[] sums = new Column[COUNTS.length + 3];
    sums[0] = grouping(col(HistoryColumns.AS_OF)).as(BY_AS_OF);
    sums[1] = grouping(col(HistoryColumns.TOWNSHIP)).as(BY_TOWNSHIP);
    sums[2] = grouping(col(HistoryColumns.VILLAGE)).as(BY_VILLAGE);
    for (int i = 0; i < COUNTS.length; i++) {
      sums[i + 3] = sum(col(COUNTS[i])).cast(DataTypes.LongType).as(COUNTS[i]);
    }
    Dataset<Row> rolledUp =
        all.rollup(
                col(HistoryColumns.AS_OF),
                col(HistoryColumns.TOWNSHIP),
                col(HistoryColumns.VILLAGE))
            .agg(sums[0], java.util.Arrays.copyOfRange(sums, 1, sums.length))
            .filter(col(BY_AS_OF).equalTo(0))
            .join(recorded.select(HistoryColumns.AS_OF, PREVIOUS), HistoryColumns.AS_OF);
    for (String since : SINCE_PREVIOUS) {
      rolledUp = rolledUp.withColumn(since, when(col(PREVIOUS).isNotNull(), col(since)));
    }
    Column level =
        when(col(BY_TOWNSHIP).equalTo(1), Level.COUNTY.name())
            .when(col(BY_VILLAGE).equalTo(1), Level.TOWNSHIP.name())
            .otherwise(Level.VILLAGE.name());
    return HistoryColumns.MONTHLY_PROGRESS.select(
        rolledUp
            .withColumn(HistoryColumns.POLICY_YEAR, lit(policyYear))
            .withColumn(HistoryColumns.LEVEL, level)
            .withColumn(
                HistoryColumns.INSURED_RATE,
                CoverageStages.rate(
                    col(HistoryColumns.INSURED_PERSONS), col(HistoryColumns.TARGET_PERSONS))));
  }

  /** A township or village as the statistics and the work list write it: UNKNOWN when missing. */
  private static Column placed(String column) {
    return coalesce(col(column), lit(CoverageStages.UNKNOWN)).as(column);
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
    out[0] = asOf.as(HistoryColumns.AS_OF);
    out[1] = col(HistoryColumns.TOWNSHIP);
    out[2] = col(HistoryColumns.VILLAGE);
    for (int i = 0; i < counts.length; i++) {
      out[i + 3] = counts[i].as(COUNTS[i]);
    }
    return out;
  }

  private static Column[] columns(String[] names, String... more) {
    Column[] out = new Column[names.length + more.length];
    for (int i = 0; i < names.length; i++) {
      out[i] = col(names[i]);
    }
    for (int i = 0; i < more.length; i++) {
      out[names.length + i] = col(more[i]);
    }
    return out;
  }
}
