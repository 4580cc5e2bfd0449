package org.daijiao.resolve;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.array_compact;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min_by;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.daijiao.identity.Divisions;

/**
 * Where a person lives, for work lists and statistics (SPEC §3): the latest-starting record of the
 * source that certifies the person's most important category; township names matched to official
 * division codes. An unknown township is kept as written and flagged, never rejected.
 */
public final class Locations {
  public static final String UNKNOWN_TOWNSHIP = "UNKNOWN_TOWNSHIP";
  public static final String UNKNOWN_VILLAGE = "UNKNOWN_VILLAGE";
  public static final String MISSING_TOWNSHIP = "MISSING_TOWNSHIP";

  private Locations() {}

  /**
   * One row per person: the latest-starting record (by {@code start_date}, then file and line) of
   * the source whose records rank best by {@code sourceRank} (lower is better).
   *
   * @param records rows with {@code id_number}, {@code source}, {@code start_date}, {@code
   *     source_file}, {@code line}
   */
  public static Dataset<Row> latestRecordOfPreferredSource(
      Dataset<Row> records, Column sourceRank) {
    WindowSpec person = Window.partitionBy(col("id_number"));
    Dataset<Row> ofPreferredSource =
        records
            .withColumn("_rank", sourceRank)
            .withColumn(
                "_preferred_source",
                min_by(col("source"), struct(col("_rank"), col("source"))).over(person))
            .filter(col("source").equalTo(col("_preferred_source")))
            .drop("_rank", "_preferred_source");
    return latestRecord(ofPreferredSource, col("start_date"));
  }

  /**
   * One row per person: the record with the latest {@code start} (ties: the last in {@code
   * source_file}, then {@code line} order).
   *
   * @param records rows with {@code id_number}, {@code source_file}, {@code line}
   */
  public static Dataset<Row> latestRecord(Dataset<Row> records, Column start) {
    WindowSpec latestFirst =
        Window.partitionBy(col("id_number"))
            .orderBy(
                start.desc(), col("source_file").desc_nulls_last(), col("line").desc_nulls_last());
    return records
        .withColumn("_n", row_number().over(latestFirst))
        .filter(col("_n").equalTo(1))
        .drop("_n");
  }

  /**
   * Adds {@code township_code}, {@code village_code} and {@code location_flags} to rows with {@code
   * township} and {@code village} names. Left joins against the small division lists: every row
   * stays.
   */
  public static Dataset<Row> withDivisionCodes(
      Dataset<Row> rows, Dataset<Row> townships, Dataset<Row> villages) {
    Dataset<Row> withTownship =
        rows.withColumn("_township_key", Divisions.townshipKey(col("township")))
            .join(
                broadcast(townships),
                col("_township_key").equalTo(townships.col("township_key")),
                "left_outer");
    Dataset<Row> withVillage =
        withTownship
            .withColumn("_village_key", Divisions.villageKey(col("village")))
            .join(
                broadcast(villages),
                col("township_code")
                    .equalTo(villages.col("village_township_code"))
                    .and(col("_village_key").equalTo(villages.col("village_key"))),
                "left_outer");
    Column flags =
        array_compact(
            array(
                when(col("township").isNull(), lit(MISSING_TOWNSHIP)),
                when(
                    col("township").isNotNull().and(col("township_code").isNull()),
                    lit(UNKNOWN_TOWNSHIP)),
                when(
                    col("village")
                        .isNotNull()
                        .and(col("township_code").isNotNull())
                        .and(col("village_code").isNull()),
                    lit(UNKNOWN_VILLAGE))));
    // A matched name is written the official way, so that 汉葭 and 汉葭街道 count as one township.
    return withVillage
        .withColumn("location_flags", flags)
        .withColumn("township", coalesce(col("township_official"), col("township")))
        .withColumn("village", coalesce(col("village_official"), col("village")))
        .drop(
            "_township_key",
            "township_key",
            "township_official",
            "_village_key",
            "village_key",
            "village_official",
            "village_township_code");
  }
}
