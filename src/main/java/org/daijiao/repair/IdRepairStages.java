package org.daijiao.repair;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.array_compact;
import static org.apache.spark.sql.functions.array_contains;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.count_if;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.sort_array;
import static org.apache.spark.sql.functions.substring;
import static org.apache.spark.sql.functions.when;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;
import org.daijiao.identity.Divisions;
import org.daijiao.identity.IdNeighbours;
import org.daijiao.ingest.BronzeColumns;
import org.daijiao.ingest.Source;
import org.daijiao.ingest.clean.CleanColumns;
import org.daijiao.policy.Policy;
import org.daijiao.spark.ColumnNames;
import org.daijiao.spark.ScalaSeqs;

/**
 * Repair candidates for roster rows rejected for their ID number (docs/inputs.md#id-repair), as
 * pure stages: the rejected rows with what they say, the valid IDs one typing error away that some
 * source of the run knows (generated per row from the ID's structure and matched by equality, never
 * by comparing every row with every ID), the evidence for each and the confidence of the row, and
 * the {@code quality.id_repair_candidates} rows. Putting the confirmed ones in place is {@link
 * ConfirmedRepairs}.
 */
public final class IdRepairStages {
  // Working columns, dropped before the result.
  private static final String KNOWN_ID = "_known_id";
  private static final String NAMES = "_names";
  private static final String TOWNSHIP_KEYS = "_township_keys";
  private static final String VILLAGE_KEYS = "_village_keys";
  private static final String SAME_NAME = "_same_name";
  private static final String TOWNSHIP_KEY = "_township_key";
  private static final String VILLAGE_KEY = "_village_key";
  private static final String PLACE_SEPARATOR = "/";

  private IdRepairStages() {}

  /**
   * The rows of one roster source rejected for their ID number ({@link UnusableRow#REASONS}), one
   * {@link RepairColumns#UNUSABLE_ROW} each.
   *
   * @param bronze {@code bronze.<source>}
   * @param parsed its rows parsed by the source's cleaner (lineage + reject reason)
   */
  public static Dataset<Row> unusableRows(
      Dataset<Row> bronze, Dataset<Row> parsed, Source source, Policy policy, LocalDate asOf) {
    List<String> reasons = new ArrayList<>();
    UnusableRow.REASONS.forEach(r -> reasons.add(r.name()));
    Dataset<Row> rejected =
        parsed
            .filter(col(CleanColumns.REJECT_REASON).isin(reasons.toArray()))
            .select(
                col(ColumnNames.SOURCE_FILE),
                col(ColumnNames.LINE),
                col(CleanColumns.REJECT_REASON));
    List<Column> columns = new ArrayList<>();
    source.columnNames().forEach(c -> columns.add(bronze.col(c)));
    columns.add(rejected.col(ColumnNames.SOURCE_FILE));
    columns.add(rejected.col(ColumnNames.LINE));
    columns.add(rejected.col(CleanColumns.REJECT_REASON));
    UnusableRow reader = new UnusableRow(source, policy, asOf);
    // (file, line) names one bronze row and one parsed row: the join keeps each rejected row once.
    return bronze
        .join(
            rejected,
            bronze
                .col(BronzeColumns.SOURCE_FILE)
                .equalTo(rejected.col(ColumnNames.SOURCE_FILE))
                .and(bronze.col(BronzeColumns.LINE).equalTo(rejected.col(ColumnNames.LINE))),
            "inner")
        .select(columns.toArray(new Column[0]))
        .map((MapFunction<Row, Row>) reader::of, Encoders.row(RepairColumns.UNUSABLE_ROW));
  }

  /**
   * Every rejected row's valid neighbours ({@link IdNeighbours}): a few per row, never a product of
   * rows and known IDs.
   */
  static Dataset<Row> neighbours(Dataset<Row> unusable, LocalDate minBirth, LocalDate maxBirth) {
    return unusable
        .filter(col(RepairColumns.SEARCHED))
        .flatMap(
            (FlatMapFunction<Row, Row>) r -> neighboursOf(r, minBirth, maxBirth),
            Encoders.row(RepairColumns.NEIGHBOUR));
  }

  private static Iterator<Row> neighboursOf(Row r, LocalDate minBirth, LocalDate maxBirth) {
    List<Row> out = new ArrayList<>();
    for (IdNeighbours.Neighbour n :
        IdNeighbours.of(r.getAs(RepairColumns.RAW_ID), minBirth, maxBirth)) {
      out.add(
          RowFactory.create(
              r.getAs(ColumnNames.SOURCE),
              r.getAs(ColumnNames.SOURCE_FILE),
              r.getAs(ColumnNames.LINE),
              n.id(),
              n.edit().name()));
    }
    return out.iterator();
  }

  /**
   * The repair candidates of every rejected row, before confirmation: one row per (rejected row,
   * valid neighbour some source knows), or one NONE row when there is none. A row's confidence
   * counts its candidates that carry its name: one UNIQUE, several AMBIGUOUS, none WEAK.
   *
   * @param unusable {@link #unusableRows} of the roster sources
   * @param known rows of every accepted record of every source: {@code id_number}, {@code name}
   *     (normalised), {@code source}, {@code township} and {@code village} (null outside rosters)
   * @param minBirth the policy's earliest birth date; {@code maxBirth} the run's as_of
   */
  public static Dataset<Row> candidates(
      Dataset<Row> unusable, Dataset<Row> known, LocalDate minBirth, LocalDate maxBirth) {
    Dataset<Row> neighbours = neighbours(unusable, minBirth, maxBirth);
    Dataset<Row> knownNeighbours =
        knownIds(
            known
                .unionByName(certificateIds(unusable))
                .join(
                    broadcast(
                        neighbours
                            .select(col(ColumnNames.CANDIDATE_ID_NUMBER).as(KNOWN_ID))
                            .distinct()),
                    col(ColumnNames.ID_NUMBER).equalTo(col(KNOWN_ID)),
                    "left_semi"));
    // One row per (rejected row, neighbour) and per known ID: one row per candidate.
    Dataset<Row> matches =
        neighbours.join(
            knownNeighbours, col(ColumnNames.CANDIDATE_ID_NUMBER).equalTo(col(KNOWN_ID)), "inner");
    Column candidate = col(ColumnNames.CANDIDATE_ID_NUMBER);
    Column townshipKey = Divisions.townshipKey(col(ColumnNames.TOWNSHIP));
    Column villageKey =
        concat_ws(PLACE_SEPARATOR, townshipKey, Divisions.villageKey(col(ColumnNames.VILLAGE)));
    Column evidence =
        array_compact(
            array(
                when(
                    array_contains(col(NAMES), col(RepairColumns.NAME_KEY)),
                    lit(Evidence.NAME.name())),
                when(
                    array_contains(col(TOWNSHIP_KEYS), townshipKey), lit(Evidence.TOWNSHIP.name())),
                when(array_contains(col(VILLAGE_KEYS), villageKey), lit(Evidence.VILLAGE.name())),
                when(
                    candidateSex(candidate).equalTo(col(ColumnNames.SEX)),
                    lit(Evidence.SEX.name())),
                when(
                    size(col(RepairColumns.CANDIDATE_SOURCES)).geq(2),
                    lit(Evidence.SOURCES.name()))));
    // Each rejected row is once in unusable: the left join keeps it, once per candidate.
    Dataset<Row> withEvidence =
        unusable
            .join(matches, ConfirmedRepairs.RECORD, "left_outer")
            .withColumn(
                RepairColumns.EVIDENCE, when(candidate.isNull(), emptyCodes()).otherwise(evidence))
            .withColumn(
                SAME_NAME,
                count_if(array_contains(col(RepairColumns.EVIDENCE), Evidence.NAME.name()))
                    .over(Window.partitionBy(recordColumns())));
    Column sameName = col(SAME_NAME);
    Column confidence =
        when(candidate.isNull(), lit(Confidence.NONE.name()))
            .when(sameName.equalTo(1), lit(Confidence.UNIQUE.name()))
            .when(sameName.gt(1), lit(Confidence.AMBIGUOUS.name()))
            .otherwise(lit(Confidence.WEAK.name()));
    return withEvidence
        .withColumn(RepairColumns.CONFIDENCE, confidence)
        .withColumn(
            RepairColumns.CANDIDATE_SOURCES,
            coalesce(col(RepairColumns.CANDIDATE_SOURCES), emptyCodes()))
        .drop(KNOWN_ID, NAMES, TOWNSHIP_KEYS, VILLAGE_KEYS, SAME_NAME);
  }

  /**
   * The IDs that rejected disability rows' own certificate numbers hold (known from the
   * certificate, with the row's name and place), in the shape of the known rows.
   */
  static Dataset<Row> certificateIds(Dataset<Row> unusable) {
    return unusable
        .filter(col(RepairColumns.CERTIFICATE_ID).isNotNull())
        .select(
            col(RepairColumns.CERTIFICATE_ID).as(ColumnNames.ID_NUMBER),
            col(RepairColumns.NAME_KEY).as(ColumnNames.NAME),
            lit(RepairColumns.CERTIFICATE_SOURCE).as(ColumnNames.SOURCE),
            col(ColumnNames.TOWNSHIP).as(ColumnNames.TOWNSHIP),
            col(ColumnNames.VILLAGE).as(ColumnNames.VILLAGE));
  }

  /**
   * One row per known ID: the names it is given, the sources that know it, the townships and
   * villages of its roster rows (as match keys without type suffix, 汉葭 = 汉葭街道).
   */
  static Dataset<Row> knownIds(Dataset<Row> known) {
    Column township = col(ColumnNames.TOWNSHIP);
    Column townshipKey = Divisions.townshipKey(township);
    return known
        .withColumn(TOWNSHIP_KEY, townshipKey)
        .withColumn(
            VILLAGE_KEY,
            when(
                township.isNotNull(),
                concat_ws(
                    PLACE_SEPARATOR, townshipKey, Divisions.villageKey(col(ColumnNames.VILLAGE)))))
        .groupBy(col(ColumnNames.ID_NUMBER).as(KNOWN_ID))
        .agg(
            collect_set(col(ColumnNames.NAME)).as(NAMES),
            sort_array(collect_set(col(ColumnNames.SOURCE))).as(RepairColumns.CANDIDATE_SOURCES),
            collect_set(col(TOWNSHIP_KEY)).as(TOWNSHIP_KEYS),
            collect_set(col(VILLAGE_KEY)).as(VILLAGE_KEYS));
  }

  /**
   * {@code quality.id_repair_candidates}: the candidates, each marked with what confirmed it.
   *
   * @param confirmations {@link RepairColumns#CONFIRMATION} rows, at most one per rejected row
   */
  public static Dataset<Row> table(Dataset<Row> candidates, Dataset<Row> confirmations) {
    // A confirmation names one candidate of one row: the left join keeps every candidate once.
    return RepairColumns.ID_REPAIR_CANDIDATES.select(
        candidates.join(
            confirmations,
            ScalaSeqs.of(
                ColumnNames.SOURCE,
                ColumnNames.SOURCE_FILE,
                ColumnNames.LINE,
                ColumnNames.CANDIDATE_ID_NUMBER),
            "left_outer"));
  }

  /**
   * The candidates the policy file accepts without a file ({@code
   * id_repair.accept_unique_same_township}): a UNIQUE candidate whose roster rows share the
   * township of the rejected row.
   */
  public static Dataset<Row> automaticConfirmations(Dataset<Row> candidates, String label) {
    Column evidence = col(RepairColumns.EVIDENCE);
    return candidates
        .filter(
            col(RepairColumns.CONFIDENCE)
                .equalTo(Confidence.UNIQUE.name())
                .and(array_contains(evidence, Evidence.NAME.name()))
                .and(array_contains(evidence, Evidence.TOWNSHIP.name())))
        .select(
            col(ColumnNames.SOURCE),
            col(ColumnNames.SOURCE_FILE),
            col(ColumnNames.LINE),
            col(ColumnNames.CANDIDATE_ID_NUMBER),
            lit(label).as(RepairColumns.CONFIRMED_IN));
  }

  private static Column candidateSex(Column id) {
    return when(substring(id, 17, 1).cast(DataTypes.IntegerType).mod(2).equalTo(1), lit("M"))
        .otherwise(lit("F"));
  }

  private static Column emptyCodes() {
    return array().cast(DataTypes.createArrayType(DataTypes.StringType));
  }

  private static Column[] recordColumns() {
    return new Column[] {
      col(ColumnNames.SOURCE), col(ColumnNames.SOURCE_FILE), col(ColumnNames.LINE)
    };
  }
}
