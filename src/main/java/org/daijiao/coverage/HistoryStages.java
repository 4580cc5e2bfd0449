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
import org.daijiao.spark.ColumnNames;
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
            col(ColumnNames.SCHEME)
                .equalTo(Scheme.RESIDENT.name())
                .and(col(ColumnNames.REGION_CODE).equalTo(countyCode))
                .and(col(ColumnNames.STATUS).equalTo(EnrollmentStatus.RECEIVING.name())))
        .select(col(ColumnNames.ID_NUMBER).as(ColumnNames.ID_NUMBER))
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
    Column birthDate = PersonStages.birthDate(col(ColumnNames.ID_NUMBER));
    return HistoryColumns.TARGET_HISTORY.select(
        eligibility
            .filter(col(GoldColumns.IN_COVERAGE_TARGET))
            .join(
                receiving.withColumn(HistoryColumns.RECEIVING_PENSION, lit(true)),
                ScalaSeqs.of(ColumnNames.ID_NUMBER),
                "left_outer")
            .select(
                lit(policyYear).as(ColumnNames.POLICY_YEAR),
                lit(asOf).as(ColumnNames.AS_OF),
                col(ColumnNames.ID_NUMBER),
                col(ColumnNames.NAME),
                CoverageStages.placed(ColumnNames.TOWNSHIP),
                col(ColumnNames.TOWNSHIP_CODE),
                CoverageStages.placed(ColumnNames.VILLAGE),
                col(ColumnNames.VILLAGE_CODE),
                col(ColumnNames.CATEGORY),
                col(ColumnNames.INSURED),
                add_months(birthDate, 12 * pensionAge).as(ColumnNames.PENSION_AGE_DATE),
                coalesce(col(HistoryColumns.RECEIVING_PENSION), lit(false))
                    .as(HistoryColumns.RECEIVING_PENSION)));
  }

  /**
   * The as_ofs recorded for the year (those of {@code gold.coverage_history}, which holds at least
   * the county's row for every run), numbered in date order, each with the one before and after.
   */
  public static Dataset<Row> recordedAsOfs(Dataset<Row> coverageHistory) {
    WindowSpec inOrder = Window.orderBy(col(ColumnNames.AS_OF));
    return coverageHistory
        .select(col(ColumnNames.AS_OF))
        .distinct()
        .select(
            col(ColumnNames.AS_OF),
            row_number().over(inOrder).as(INDEX),
            lag(col(ColumnNames.AS_OF), 1).over(inOrder).as(PREVIOUS),
            lead(col(ColumnNames.AS_OF), 1).over(inOrder).as(NEXT));
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
      KEY, ColumnNames.DEPARTMENT, ColumnNames.ACTION, ColumnNames.TOWNSHIP, ColumnNames.VILLAGE
    };
    Dataset<Row> open =
        worklistHistory
            .withColumn(
                KEY, coalesce(col(HistoryColumns.PERSON_ID_NUMBER), col(ColumnNames.ID_NUMBER)))
            .groupBy(columns(key, ColumnNames.AS_OF))
            .agg(
                max(col(ColumnNames.NAME)).as(ColumnNames.NAME),
                max(col(ColumnNames.CATEGORY)).as(ColumnNames.CATEGORY))
            .join(recorded.select(ColumnNames.AS_OF, INDEX), ColumnNames.AS_OF);
    // Gaps and islands: within one unbroken stretch, index − rank is constant.
    WindowSpec byKey = Window.partitionBy(columns(key)).orderBy(col(INDEX));
    Dataset<Row> stretches =
        open.withColumn(STRETCH, col(INDEX).minus(row_number().over(byKey)))
            .groupBy(columns(key, STRETCH))
            .agg(
                min(col(ColumnNames.AS_OF)).as(HistoryColumns.OPENED_AS_OF),
                max(col(INDEX)).as(LAST),
                max_by(col(ColumnNames.NAME), col(INDEX)).as(ColumnNames.NAME),
                max_by(col(ColumnNames.CATEGORY), col(INDEX)).as(ColumnNames.CATEGORY))
            .join(
                recorded.select(col(INDEX).as(LAST), col(NEXT).as(HistoryColumns.CLOSED_AS_OF)),
                LAST);
    Dataset<Row> stillThere =
        targetHistory.select(
            col(ColumnNames.AS_OF).as(HistoryColumns.CLOSED_AS_OF),
            col(ColumnNames.ID_NUMBER).as(KEY),
            col(ColumnNames.TOWNSHIP),
            col(ColumnNames.VILLAGE),
            lit(true).as(STILL_THERE));
    Column resolution =
        when(col(HistoryColumns.CLOSED_AS_OF).isNull(), lit(null).cast(DataTypes.StringType))
            .when(
                col(ColumnNames.ACTION).equalTo(WorklistAction.FIX_ID.name()).or(col(STILL_THERE)),
                Resolution.DONE.name())
            .otherwise(Resolution.NO_LONGER_DUE.name());
    return HistoryColumns.ACTION_LOG.select(
        stretches
            .join(
                stillThere,
                ScalaSeqs.of(
                    HistoryColumns.CLOSED_AS_OF, KEY, ColumnNames.TOWNSHIP, ColumnNames.VILLAGE),
                "left_outer")
            .select(
                lit(policyYear).as(ColumnNames.POLICY_YEAR),
                col(KEY).as(ColumnNames.ID_NUMBER),
                col(ColumnNames.NAME),
                col(ColumnNames.TOWNSHIP),
                col(ColumnNames.VILLAGE),
                col(ColumnNames.CATEGORY),
                col(ColumnNames.ACTION),
                col(ColumnNames.DEPARTMENT),
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
