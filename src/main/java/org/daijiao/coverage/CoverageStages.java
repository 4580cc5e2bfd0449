package org.daijiao.coverage;

import static org.apache.spark.sql.functions.array_contains;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.count_if;
import static org.apache.spark.sql.functions.grouping;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.substring;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.time.LocalDate;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.daijiao.decide.GoldColumns;
import org.daijiao.ingest.Source;
import org.daijiao.ingest.clean.CleanColumns;
import org.daijiao.person.Category;
import org.daijiao.policy.Department;
import org.daijiao.repair.Confidence;
import org.daijiao.repair.Evidence;
import org.daijiao.repair.RepairColumns;
import org.daijiao.resolve.Locations;
import org.daijiao.spark.ColumnNames;
import org.daijiao.spark.ScalaSeqs;

/**
 * Coverage statistics (参保率, docs/rules.md#coverage-statistics), the departments' funding requests
 * (§2(二)) and the township work lists (§3 清单管理、销号管理). Pure stages over {@code gold.eligibility} and
 * {@code gold.subsidy_ledger} of one policy year. Statistics hold counts and sums only: no ID
 * number, no name.
 */
public final class CoverageStages {
  /**
   * Stands for a township or village the roster left empty, so that its persons are still counted.
   */
  public static final String UNKNOWN = "UNKNOWN";

  public static final String ALL = "ALL";

  // Working columns, dropped before the result.
  private static final String TOWNSHIP_OR_UNKNOWN = "_township";
  private static final String VILLAGE_OR_UNKNOWN = "_village";
  private static final String BY_TOWNSHIP = "g_township";
  private static final String BY_VILLAGE = "g_village";
  private static final String BY_CATEGORY = "g_category";
  private static final String SUBSIDY_SUM = "subsidy_sum";
  private static final String UNRESOLVED = "_unresolved";
  private static final String CONFIRMED = "_confirmed";
  private static final String CANDIDATES = "_candidates";
  private static final String ONLY_CANDIDATE = "_only_candidate";
  private static final String SAME_NAME_CANDIDATE = "_same_name_candidate";
  private static final String SHOWN_CANDIDATE = "_shown_candidate";

  private CoverageStages() {}

  /**
   * A township or village as the statistics, the work list and the histories write it: UNKNOWN when
   * missing.
   */
  public static Column placed(String column) {
    return coalesce(col(column), lit(UNKNOWN)).as(column);
  }

  /**
   * {@code gold.coverage_stats}: COUNTY, TOWNSHIP and VILLAGE levels, each by category and for ALL.
   * The population is the coverage target; a person's category is the resolved one (or the highest
   * held). Beside it, the roster rows of each place that have no usable ID number
   * (docs/inputs.md#id-repair): they are in no count of the target, and a place with only such rows
   * still gets its row.
   *
   * @param unresolved {@link #unresolvedRosterRows}
   */
  public static Dataset<Row> coverageStats(
      Dataset<Row> eligibility,
      Dataset<Row> ledger,
      Dataset<Row> unresolved,
      int policyYear,
      LocalDate asOf) {
    // The ledger has one row per eligible person: the left join keeps one row per person.
    Dataset<Row> target =
        eligibility
            .filter(col(GoldColumns.IN_COVERAGE_TARGET))
            .join(
                ledger.select(col(ColumnNames.ID_NUMBER), col(ColumnNames.SUBSIDY_AMOUNT)),
                ScalaSeqs.of(ColumnNames.ID_NUMBER),
                "left_outer")
            .select(
                col(ColumnNames.TOWNSHIP),
                col(ColumnNames.VILLAGE),
                col(ColumnNames.CATEGORY),
                col(ColumnNames.INSURED),
                col(GoldColumns.ELIGIBLE),
                col(GoldColumns.PAID),
                col(ColumnNames.SUBSIDY_AMOUNT),
                lit(false).as(UNRESOLVED));
    // An unresolved row counts under its category only when that is a target category.
    Dataset<Row> rows =
        target
            .unionByName(
                unresolved.select(
                    col(ColumnNames.TOWNSHIP),
                    col(ColumnNames.VILLAGE),
                    when(
                            col(ColumnNames.CATEGORY).isin(targetCategories()),
                            col(ColumnNames.CATEGORY))
                        .as(ColumnNames.CATEGORY),
                    lit(null).cast(DataTypes.BooleanType).as(ColumnNames.INSURED),
                    lit(null).cast(DataTypes.BooleanType).as(GoldColumns.ELIGIBLE),
                    lit(null).cast(DataTypes.BooleanType).as(GoldColumns.PAID),
                    lit(null).cast(CleanColumns.MONEY).as(ColumnNames.SUBSIDY_AMOUNT),
                    lit(true).as(UNRESOLVED)))
            .withColumn(TOWNSHIP_OR_UNKNOWN, placed(ColumnNames.TOWNSHIP))
            .withColumn(VILLAGE_OR_UNKNOWN, placed(ColumnNames.VILLAGE));
    // cube() yields every combination; a village without its township is not a level, and an
    // unresolved row without a target category has no category row: both are dropped.
    Dataset<Row> grouped =
        rows.cube(col(TOWNSHIP_OR_UNKNOWN), col(VILLAGE_OR_UNKNOWN), col(ColumnNames.CATEGORY))
            .agg(
                grouping(col(TOWNSHIP_OR_UNKNOWN)).as(BY_TOWNSHIP),
                grouping(col(VILLAGE_OR_UNKNOWN)).as(BY_VILLAGE),
                grouping(col(ColumnNames.CATEGORY)).as(BY_CATEGORY),
                count_if(not(col(UNRESOLVED))).as(ColumnNames.TARGET_PERSONS),
                count_if(col(ColumnNames.INSURED)).as(ColumnNames.INSURED_PERSONS),
                count_if(col(GoldColumns.ELIGIBLE)).as(CoverageColumns.ELIGIBLE_PERSONS),
                count_if(col(GoldColumns.PAID)).as(CoverageColumns.PAID_PERSONS),
                sum(coalesce(col(ColumnNames.SUBSIDY_AMOUNT), lit(0))).as(SUBSIDY_SUM),
                count_if(col(UNRESOLVED)).as(CoverageColumns.UNRESOLVED_ROSTER_ROWS))
            .filter(col(BY_TOWNSHIP).equalTo(0).or(col(BY_VILLAGE).equalTo(1)))
            .filter(col(BY_CATEGORY).equalTo(1).or(col(ColumnNames.CATEGORY).isNotNull()));
    Column level =
        when(col(BY_TOWNSHIP).equalTo(1), Level.COUNTY.name())
            .when(col(BY_VILLAGE).equalTo(1), Level.TOWNSHIP.name())
            .otherwise(Level.VILLAGE.name());
    Column targetPersons = col(ColumnNames.TARGET_PERSONS);
    return CoverageColumns.COVERAGE_STATS.select(
        grouped.select(
            lit(policyYear).as(ColumnNames.POLICY_YEAR),
            level.as(ColumnNames.LEVEL),
            when(col(BY_TOWNSHIP).equalTo(0), col(TOWNSHIP_OR_UNKNOWN)).as(ColumnNames.TOWNSHIP),
            when(col(BY_VILLAGE).equalTo(0), col(VILLAGE_OR_UNKNOWN)).as(ColumnNames.VILLAGE),
            when(col(BY_CATEGORY).equalTo(1), lit(ALL))
                .otherwise(col(ColumnNames.CATEGORY))
                .as(ColumnNames.CATEGORY),
            targetPersons,
            col(ColumnNames.INSURED_PERSONS),
            rate(col(ColumnNames.INSURED_PERSONS), targetPersons).as(ColumnNames.INSURED_RATE),
            col(CoverageColumns.ELIGIBLE_PERSONS),
            col(CoverageColumns.PAID_PERSONS),
            rate(col(CoverageColumns.PAID_PERSONS), targetPersons).as(CoverageColumns.PAID_RATE),
            col(SUBSIDY_SUM).cast(CleanColumns.MONEY).as(ColumnNames.SUBSIDY_AMOUNT),
            lit(asOf).as(ColumnNames.AS_OF),
            col(CoverageColumns.UNRESOLVED_ROSTER_ROWS)));
  }

  /**
   * The roster rows still without a usable ID number (docs/inputs.md#id-repair): one row per row of
   * {@code quality.id_repair_candidates} that no confirmation repaired, placed like a person
   * (township and village matched to the official divisions), with the name and masked value as
   * written and the candidate to show the clerk: the UNIQUE one, or the only one.
   *
   * @param candidates {@code quality.id_repair_candidates}
   */
  public static Dataset<Row> unresolvedRosterRows(
      Dataset<Row> candidates, Dataset<Row> townships, Dataset<Row> villages) {
    Column candidate = col(ColumnNames.CANDIDATE_ID_NUMBER);
    // Every column grouped on is the rejected row's own: one group per rejected row.
    Dataset<Row> rows =
        candidates
            .groupBy(
                col(ColumnNames.SOURCE),
                col(ColumnNames.SOURCE_FILE),
                col(ColumnNames.LINE),
                col(RepairColumns.CONFIDENCE),
                col(ColumnNames.NAME),
                col(ColumnNames.TOWNSHIP),
                col(ColumnNames.VILLAGE),
                col(ColumnNames.CATEGORY),
                col(RepairColumns.ID_NUMBER_AS_WRITTEN))
            .agg(
                count_if(col(RepairColumns.CONFIRMED_IN).isNotNull()).as(CONFIRMED),
                count(candidate).as(CANDIDATES),
                max(candidate).as(ONLY_CANDIDATE),
                max(when(
                        array_contains(col(RepairColumns.EVIDENCE), Evidence.NAME.name()),
                        candidate))
                    .as(SAME_NAME_CANDIDATE))
            .filter(col(CONFIRMED).equalTo(0))
            .withColumn(
                SHOWN_CANDIDATE,
                when(
                        col(RepairColumns.CONFIDENCE).equalTo(Confidence.UNIQUE.name()),
                        col(SAME_NAME_CANDIDATE))
                    .when(col(CANDIDATES).equalTo(1), col(ONLY_CANDIDATE)));
    return Locations.withDivisionCodes(rows, townships, villages)
        .select(
            col(ColumnNames.TOWNSHIP).as(ColumnNames.TOWNSHIP),
            col(ColumnNames.TOWNSHIP_CODE).as(ColumnNames.TOWNSHIP_CODE),
            col(ColumnNames.VILLAGE).as(ColumnNames.VILLAGE),
            col(ColumnNames.VILLAGE_CODE).as(ColumnNames.VILLAGE_CODE),
            col(RepairColumns.ID_NUMBER_AS_WRITTEN),
            col(ColumnNames.NAME).as(ColumnNames.NAME),
            col(ColumnNames.CATEGORY).as(ColumnNames.CATEGORY),
            department(col(ColumnNames.SOURCE)).as(ColumnNames.DEPARTMENT),
            masked(col(SHOWN_CANDIDATE)).as(ColumnNames.CANDIDATE_ID_NUMBER),
            col(ColumnNames.SOURCE_FILE).as(ColumnNames.SOURCE_FILE),
            col(ColumnNames.LINE).as(ColumnNames.LINE));
  }

  private static Object[] targetCategories() {
    Category[] all = Category.values();
    Object[] names = new Object[all.length];
    for (int i = 0; i < all.length; i++) {
      names[i] = all[i].name();
    }
    return names;
  }

  /** The department (认定部门) whose roster a source folder is. */
  private static Column department(Column source) {
    return when(source.equalTo(Source.CIVIL_AFFAIRS.folder()), Department.CIVIL_AFFAIRS.name())
        .when(
            source.equalTo(Source.RURAL_REVITALIZATION.folder()),
            Department.RURAL_REVITALIZATION.name())
        .when(
            source.equalTo(Source.DISABILITY.folder()),
            Department.DISABLED_PERSONS_FEDERATION.name());
  }

  /** {@code gold.department_funding}: what each department asks the finance bureau for (§2(二)). */
  public static Dataset<Row> departmentFunding(
      Dataset<Row> ledger, int policyYear, LocalDate asOf) {
    return CoverageColumns.DEPARTMENT_FUNDING.select(
        ledger
            .groupBy(
                col(ColumnNames.DEPARTMENT),
                col(ColumnNames.FUNDING_SOURCE),
                col(ColumnNames.BATCH),
                col(ColumnNames.MODE))
            .agg(
                count(lit(1)).as(CoverageColumns.PERSONS),
                sum(col(ColumnNames.SUBSIDY_AMOUNT))
                    .cast(CleanColumns.MONEY)
                    .as(ColumnNames.SUBSIDY_AMOUNT))
            .withColumn(ColumnNames.POLICY_YEAR, lit(policyYear))
            .withColumn(ColumnNames.AS_OF, lit(asOf)));
  }

  /**
   * {@code 500243********123X}: the area code and the last four characters only
   * (docs/privacy.md#privacy-rule) — the column form of {@link org.daijiao.identity.IdNumber#mask},
   * which explain and reports use.
   */
  public static Column masked(Column id) {
    return concat(substring(id, 1, 6), lit("********"), substring(id, 15, 4));
  }

  /**
   * {@code part / whole} with 4 decimals; null when {@code whole} is 0 (an empty target). Public so
   * that a report's total row derives its rate exactly as the statistics do.
   */
  public static Column rate(Column part, Column whole) {
    return when(whole.gt(0), part.cast("decimal(20,4)").divide(whole).cast("decimal(7,4)"));
  }
}
