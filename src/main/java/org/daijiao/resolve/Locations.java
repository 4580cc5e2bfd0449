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
import org.daijiao.spark.ColumnNames;

/**
 * Where a person lives, for work lists and statistics (docs/rules.md#location): the latest-starting
 * record of the source that certifies the person's most important category; township names matched
 * to official division codes. An unknown township is kept as written and flagged, never rejected.
 */
public final class Locations {
  public static final String UNKNOWN_TOWNSHIP = "UNKNOWN_TOWNSHIP";
  public static final String UNKNOWN_VILLAGE = "UNKNOWN_VILLAGE";
  public static final String MISSING_TOWNSHIP = "MISSING_TOWNSHIP";

  // Working columns, dropped before the result.
  private static final String RANK = "_rank";
  private static final String PREFERRED_SOURCE = "_preferred_source";
  private static final String ORDINAL = "_n";
  private static final String ROW_TOWNSHIP_KEY = "_township_key";
  private static final String ROW_VILLAGE_KEY = "_village_key";

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
    WindowSpec person = Window.partitionBy(col(ColumnNames.ID_NUMBER));
    Column source = col(ColumnNames.SOURCE);
    Dataset<Row> ofPreferredSource =
        records
            .withColumn(RANK, sourceRank)
            .withColumn(PREFERRED_SOURCE, min_by(source, struct(col(RANK), source)).over(person))
            .filter(source.equalTo(col(PREFERRED_SOURCE)))
            .drop(RANK, PREFERRED_SOURCE);
    return latestRecord(ofPreferredSource, col(ColumnNames.START_DATE));
  }

  /**
   * One row per person: the record with the latest {@code start} (ties: the last in {@code
   * source_file}, then {@code line} order).
   *
   * @param records rows with {@code id_number}, {@code source_file}, {@code line}
   */
  public static Dataset<Row> latestRecord(Dataset<Row> records, Column start) {
    WindowSpec latestFirst =
        Window.partitionBy(col(ColumnNames.ID_NUMBER))
            .orderBy(
                start.desc(),
                col(ColumnNames.SOURCE_FILE).desc_nulls_last(),
                col(ColumnNames.LINE).desc_nulls_last());
    return records
        .withColumn(ORDINAL, row_number().over(latestFirst))
        .filter(col(ORDINAL).equalTo(1))
        .drop(ORDINAL);
  }

  /**
   * Adds {@code township_code}, {@code village_code} and {@code location_flags} to rows with {@code
   * township} and {@code village} names. Left joins against the small division lists: every row
   * stays.
   */
  public static Dataset<Row> withDivisionCodes(
      Dataset<Row> rows, Dataset<Row> townships, Dataset<Row> villages) {
    Column township = col(ColumnNames.TOWNSHIP);
    Column village = col(ColumnNames.VILLAGE);
    Column townshipCode = col(ColumnNames.TOWNSHIP_CODE);
    // Each key column is unique in its division list: a left join keeps every row once.
    Dataset<Row> withTownship =
        rows.withColumn(ROW_TOWNSHIP_KEY, Divisions.townshipKey(township))
            .join(
                broadcast(townships),
                col(ROW_TOWNSHIP_KEY).equalTo(townships.col(Divisions.TOWNSHIP_KEY)),
                "left_outer");
    Dataset<Row> withVillage =
        withTownship
            .withColumn(ROW_VILLAGE_KEY, Divisions.villageKey(village))
            .join(
                broadcast(villages),
                townshipCode
                    .equalTo(villages.col(Divisions.VILLAGE_TOWNSHIP_CODE))
                    .and(col(ROW_VILLAGE_KEY).equalTo(villages.col(Divisions.VILLAGE_KEY))),
                "left_outer");
    Column flags =
        array_compact(
            array(
                when(township.isNull(), lit(MISSING_TOWNSHIP)),
                when(township.isNotNull().and(townshipCode.isNull()), lit(UNKNOWN_TOWNSHIP)),
                when(
                    village
                        .isNotNull()
                        .and(townshipCode.isNotNull())
                        .and(col(ColumnNames.VILLAGE_CODE).isNull()),
                    lit(UNKNOWN_VILLAGE))));
    // A matched name is written the official way, so that 汉葭 and 汉葭街道 count as one township.
    return withVillage
        .withColumn(SilverColumns.LOCATION_FLAGS, flags)
        .withColumn(ColumnNames.TOWNSHIP, coalesce(col(Divisions.TOWNSHIP_OFFICIAL), township))
        .withColumn(ColumnNames.VILLAGE, coalesce(col(Divisions.VILLAGE_OFFICIAL), village))
        .drop(
            ROW_TOWNSHIP_KEY,
            Divisions.TOWNSHIP_KEY,
            Divisions.TOWNSHIP_OFFICIAL,
            ROW_VILLAGE_KEY,
            Divisions.VILLAGE_KEY,
            Divisions.VILLAGE_OFFICIAL,
            Divisions.VILLAGE_TOWNSHIP_CODE);
  }
}
