package org.daijiao.decide;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.when;

import java.time.LocalDate;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.daijiao.ingest.Source;
import org.daijiao.ledger.LedgerFlag;
import org.daijiao.person.Category;
import org.daijiao.policy.Policy;
import org.daijiao.policy.PolicyColumns;
import org.daijiao.resolve.Locations;
import org.daijiao.resolve.SilverColumns;
import org.daijiao.spark.ColumnNames;
import org.daijiao.spark.ScalaSeqs;
import org.daijiao.spark.TableContract;
import scala.collection.Seq;

/** Pure stages from timelines to the gold tables of the decisions. No reads, writes or actions. */
public final class DecisionStages {
  // Working columns and struct fields, dropped before the result.
  private static final String DECIDED = "_decided";
  private static final String PLACING_SOURCE = "_placing_source";
  private static final String RANK = "rank";
  private static final String LEDGER_FLAGS = "_ledger_flags";

  private DecisionStages() {}

  /** Applies the rules of docs/rules.md to every person ({@link Decider}, on the executors). */
  public static Dataset<Row> decisions(Dataset<Row> timelines, Decider decider) {
    return timelines.map(
        (MapFunction<Row, Row>)
            row -> DecisionRows.toRow(decider.decide(DecisionRows.toTimeline(row))),
        Encoders.row(DecisionRows.SCHEMA));
  }

  /**
   * Where each decided person lives (docs/rules.md#location): among the records that exist at
   * as_of, the latest-starting record of the source (department) that certifies the first of: the
   * resolved category; the highest-priority target category held on a day of W (both are the
   * decision's {@code category}); the highest-priority target category ever held. A person with
   * none of these is placed by the latest-starting record of any roster source. Equal start dates:
   * the record that comes last in (source file, line) order.
   *
   * @param categoryPeriods {@code silver.category_periods}: each merged period carries the place,
   *     file and line of its latest record existing at as_of, and that record's start
   */
  public static Dataset<Row> locations(
      Dataset<Row> decisions,
      Dataset<Row> categoryPeriods,
      Dataset<Row> townships,
      Dataset<Row> villages,
      Policy policy) {
    Column category = col(ColumnNames.CATEGORY);
    Column byPriority =
        struct(
            PolicyColumns.priorityRank(policy, category).as(RANK),
            category.as(ColumnNames.CATEGORY));
    Column highestEverHeld =
        min(when(col(ColumnNames.TARGET), byPriority))
            .over(Window.partitionBy(col(ColumnNames.ID_NUMBER)))
            .getField(ColumnNames.CATEGORY);
    Column placingSource = certifyingSource(coalesce(col(DECIDED), highestEverHeld));
    Column latestRecordStart = col(SilverColumns.LATEST_RECORD_START);
    Dataset<Row> candidates =
        categoryPeriods
            // a record of the period exists at as_of
            .filter(latestRecordStart.isNotNull())
            .join(
                decisions.select(col(ColumnNames.ID_NUMBER), col(ColumnNames.CATEGORY).as(DECIDED)),
                ScalaSeqs.of(ColumnNames.ID_NUMBER),
                "inner")
            .withColumn(PLACING_SOURCE, placingSource)
            .filter(
                col(PLACING_SOURCE)
                    .isNull()
                    .or(col(ColumnNames.SOURCE).equalTo(col(PLACING_SOURCE))));
    Dataset<Row> latest =
        Locations.latestRecord(candidates, latestRecordStart)
            .select(
                col(ColumnNames.ID_NUMBER), col(ColumnNames.TOWNSHIP), col(ColumnNames.VILLAGE));
    return Locations.withDivisionCodes(latest, townships, villages)
        .drop(SilverColumns.LOCATION_FLAGS);
  }

  /** The roster source that certifies a category code ({@link Source#certifying}); else null. */
  private static Column certifyingSource(Column category) {
    Column source = null;
    for (Category c : Category.values()) {
      Column held = category.equalTo(c.name());
      String folder = Source.certifying(c).folder();
      source = source == null ? when(held, folder) : source.when(held, folder);
    }
    return source;
  }

  /**
   * {@code decisions} with name, birth date, location and the person's ID repairs, ready for the
   * gold selects.
   */
  public static Dataset<Row> enriched(
      Dataset<Row> decisions, Dataset<Row> persons, Dataset<Row> locations) {
    // Persons and locations have one row per id_number: the joins keep one row per decision.
    Seq<String> byId = ScalaSeqs.of(ColumnNames.ID_NUMBER);
    return decisions
        .join(
            persons.select(
                col(ColumnNames.ID_NUMBER),
                col(ColumnNames.NAME),
                col(ColumnNames.BIRTH_DATE),
                col(SilverColumns.ID_REPAIRS)),
            byId,
            "inner")
        .join(locations, byId, "left_outer");
  }

  public static Dataset<Row> eligibility(Dataset<Row> enriched, int policyYear, LocalDate asOf) {
    return select(enriched, GoldColumns.ELIGIBILITY, policyYear, asOf);
  }

  /**
   * The ledger rows of the eligible persons; a person read from a repaired roster row carries the
   * flag {@code ID_REPAIRED} after the rules' flags (docs/inputs.md#id-repair).
   */
  public static Dataset<Row> subsidyLedger(Dataset<Row> enriched, int policyYear, LocalDate asOf) {
    Column ruleFlags = col(GoldColumns.FLAGS);
    return select(
        enriched
            .filter(col(GoldColumns.ELIGIBLE))
            .withColumn(
                LEDGER_FLAGS,
                when(
                        size(col(SilverColumns.ID_REPAIRS)).gt(0),
                        concat(ruleFlags, array(lit(LedgerFlag.ID_REPAIRED.name()))))
                    .otherwise(ruleFlags))
            .drop(GoldColumns.FLAGS)
            .withColumnRenamed(LEDGER_FLAGS, GoldColumns.FLAGS),
        GoldColumns.SUBSIDY_LEDGER,
        policyYear,
        asOf);
  }

  public static Dataset<Row> reachingPensionAge(
      Dataset<Row> enriched, int policyYear, LocalDate asOf) {
    return select(
        enriched.filter(col(GoldColumns.REACHES_PENSION_AGE)),
        GoldColumns.REACHING_PENSION_AGE,
        policyYear,
        asOf);
  }

  /** The gold table's final select, with the run's policy year and as_of. */
  private static Dataset<Row> select(
      Dataset<Row> rows, TableContract table, int policyYear, LocalDate asOf) {
    return table.select(
        rows.withColumn(ColumnNames.POLICY_YEAR, lit(policyYear))
            .withColumn(ColumnNames.AS_OF, lit(asOf)));
  }
}
