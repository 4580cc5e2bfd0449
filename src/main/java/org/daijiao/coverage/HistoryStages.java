package org.daijiao.coverage;

import static org.apache.spark.sql.functions.add_months;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lag;
import static org.apache.spark.sql.functions.lead;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.max_by;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.row_number;
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
import org.daijiao.resolve.PersonStages;
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
  static final String INDEX = "_index";
  static final String PREVIOUS = "_previous";
  static final String NEXT = "_next";
  private static final String KEY = "_key";
  private static final String STRETCH = "_stretch";
  private static final String LAST = "_last";
  private static final String STILL_THERE = "_still_there";

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
    // The birth date as silver reads it from the ID; add_months by whole years moves 29 February to
    // 28 February, as decide's plusYears does (eligibility/QualifyingDays).
    Column birthDate = PersonStages.birthDate(col(GoldColumns.ID_NUMBER));
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
                CoverageStages.placed(GoldColumns.TOWNSHIP),
                col(GoldColumns.TOWNSHIP_CODE),
                CoverageStages.placed(GoldColumns.VILLAGE),
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
