package org.daijiao.resolve;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.sort_array;
import static org.apache.spark.sql.functions.substring;
import static org.apache.spark.sql.functions.to_date;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.daijiao.policy.Policy;
import org.daijiao.policy.PolicyColumns;

/** Pure stages that build {@code silver.persons} and {@code quality.identity_conflicts}. */
public final class PersonStages {
  private PersonStages() {}

  /**
   * {@code silver.persons}: one row per valid ID on any roster. Name, township and village come
   * from the latest-starting record of the source certifying the person's highest-priority category
   * (any year); birth date and sex from the ID (SPEC §3).
   *
   * @param roster accepted roster rows of the three roster sources (clean roster schema + lineage)
   */
  public static Dataset<Row> persons(
      Dataset<Row> roster, Dataset<Row> townships, Dataset<Row> villages, Policy policy) {
    Dataset<Row> sources =
        roster.groupBy(col("id_number")).agg(sort_array(collect_set(col("source"))).as("sources"));
    Dataset<Row> latest =
        Locations.latestRecordOfPreferredSource(
                roster, PolicyColumns.priorityRank(policy, col("category")))
            .select("id_number", "name", "township", "village");
    Dataset<Row> located = Locations.withDivisionCodes(latest, townships, villages);
    return located
        .join(sources, "id_number")
        .select(
            col("id_number"),
            col("name"),
            birthDate(col("id_number")).as("birth_date"),
            sex(col("id_number")).as("sex"),
            col("township"),
            col("township_code"),
            col("village"),
            col("village_code"),
            col("location_flags"),
            col("sources"));
  }

  /**
   * {@code quality.identity_conflicts}: IDs that carry different (normalised) names across rows or
   * sources. They stay linked under the one ID; the conflict is listed for review (SPEC §3).
   *
   * @param idNames rows with {@code id_number}, {@code name}, {@code source} from every source
   */
  public static Dataset<Row> identityConflicts(Dataset<Row> idNames) {
    return idNames
        .filter(col("name").isNotNull())
        .groupBy(col("id_number"))
        .agg(
            sort_array(collect_set(col("name"))).as("names"),
            sort_array(collect_set(col("source"))).as("sources"))
        .filter(size(col("names")).gt(1))
        .select("id_number", "names", "sources");
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
