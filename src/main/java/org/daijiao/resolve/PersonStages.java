package org.daijiao.resolve;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.sort_array;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.substring;
import static org.apache.spark.sql.functions.to_date;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.daijiao.policy.Policy;
import org.daijiao.policy.PolicyColumns;
import org.daijiao.quality.QualityColumns;
import org.daijiao.repair.RepairColumns;
import org.daijiao.spark.ColumnNames;
import org.daijiao.spark.ScalaSeqs;

/** Pure stages that build {@code silver.persons} and {@code quality.identity_conflicts}. */
public final class PersonStages {
  // Working column, dropped before the result.
  private static final String REPAIRS_FOUND = "_repairs";

  private PersonStages() {}

  /**
   * {@code silver.persons}: one row per valid ID on any roster. Name, township and village come
   * from the latest-starting record of the source certifying the person's highest-priority category
   * (any year); birth date and sex from the ID (docs/rules.md#one-person-per-id).
   *
   * @param roster accepted roster rows of the three roster sources (clean roster schema + lineage)
   * @param repairedRows the roster rows read with a confirmed ID repair ({@link
   *     RepairColumns#REPAIRED_ROW}): each person's go to {@code id_repairs}
   */
  public static Dataset<Row> persons(
      Dataset<Row> roster,
      Dataset<Row> repairedRows,
      Dataset<Row> townships,
      Dataset<Row> villages,
      Policy policy) {
    Column id = col(ColumnNames.ID_NUMBER);
    Dataset<Row> sources =
        roster
            .groupBy(id)
            .agg(sort_array(collect_set(col(ColumnNames.SOURCE))).as(ColumnNames.SOURCES));
    Dataset<Row> latest =
        Locations.latestRecordOfPreferredSource(
                roster, PolicyColumns.priorityRank(policy, col(ColumnNames.CATEGORY)))
            .select(id, col(ColumnNames.NAME), col(ColumnNames.TOWNSHIP), col(ColumnNames.VILLAGE));
    Dataset<Row> located = Locations.withDivisionCodes(latest, townships, villages);
    Dataset<Row> repairs =
        repairedRows
            .groupBy(col(ColumnNames.ID_NUMBER))
            .agg(
                sort_array(
                        collect_list(
                            struct(
                                col(ColumnNames.SOURCE),
                                col(ColumnNames.SOURCE_FILE),
                                col(ColumnNames.LINE),
                                col(RepairColumns.REPAIRED_FROM),
                                col(RepairColumns.CONFIRMED_IN))))
                    .as(REPAIRS_FOUND));
    // All three sides have one row per id_number.
    return SilverColumns.PERSONS.select(
        located
            .join(sources, ScalaSeqs.of(ColumnNames.ID_NUMBER), "inner")
            .join(repairs, ScalaSeqs.of(ColumnNames.ID_NUMBER), "left_outer")
            .withColumn(ColumnNames.BIRTH_DATE, birthDate(id))
            .withColumn(ColumnNames.SEX, sex(id))
            .withColumn(
                SilverColumns.ID_REPAIRS,
                coalesce(
                    col(REPAIRS_FOUND),
                    array().cast(DataTypes.createArrayType(RepairColumns.ID_REPAIR)))));
  }

  /**
   * {@code quality.identity_conflicts}: IDs that carry different (normalised) names across rows or
   * sources. They stay linked under the one ID; the conflict is listed for review
   * (docs/rules.md#one-person-per-id).
   *
   * @param idNames rows with {@code id_number}, {@code name}, {@code source} from every source
   */
  public static Dataset<Row> identityConflicts(Dataset<Row> idNames) {
    return QualityColumns.IDENTITY_CONFLICTS.select(
        idNames
            .filter(col(ColumnNames.NAME).isNotNull())
            .groupBy(col(ColumnNames.ID_NUMBER).as(ColumnNames.ID_NUMBER))
            .agg(
                sort_array(collect_set(col(ColumnNames.NAME))).as(QualityColumns.NAMES),
                sort_array(collect_set(col(ColumnNames.SOURCE))).as(ColumnNames.SOURCES))
            .filter(size(col(QualityColumns.NAMES)).gt(1)));
  }

  /** The birth date of a valid 18-character ID (digits 7–14). */
  public static Column birthDate(Column id) {
    return to_date(substring(id, 7, 8), "yyyyMMdd");
  }

  /** {@code M} for an odd sequence digit (17th), {@code F} for an even one. */
  public static Column sex(Column id) {
    return when(substring(id, 17, 1).cast("int").mod(2).equalTo(1), "M").otherwise("F");
  }
}
