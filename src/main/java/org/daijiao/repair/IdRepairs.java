package org.daijiao.repair;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.daijiao.ingest.Source;
import org.daijiao.ingest.clean.CleanStages;
import org.daijiao.policy.Policy;
import org.daijiao.spark.ColumnNames;
import org.daijiao.spark.Kept;
import org.daijiao.spark.ScalaSeqs;

/**
 * The repair step of the resolve job (docs/inputs.md#id-repair): proposes candidates for every
 * roster row rejected for its ID number and, for the rows the data team confirmed (or the policy
 * accepts), parses the row again with the candidate. Nothing changes silently: without a
 * confirmation the parsed rows are handed on as they are.
 */
public final class IdRepairs {
  /** What {@code policy id_repair.accept_unique_same_township} writes as {@code confirmed_in}. */
  public static final String POLICY_LABEL = "policy id_repair.accept_unique_same_township";

  /**
   * What the resolve job goes on with: the parsed rows of every source (a confirmed row parsed with
   * its candidate, in place of its rejection), {@code quality.id_repair_candidates}, and the
   * repaired rows that reached the roster ({@link RepairColumns#REPAIRED_ROW}).
   */
  public record Outcome(
      Map<Source, Dataset<Row>> parsed,
      Dataset<Row> candidatesTable,
      Dataset<Row> repairedRows,
      List<Dataset<Row>> kept) {
    /** Releases what the step kept in memory. */
    public void release() {
      kept.forEach(Kept::release);
    }
  }

  private IdRepairs() {}

  /**
   * @param bronze {@code bronze.<source>} of every source
   * @param parsed the same rows parsed by each source's cleaner
   * @throws org.daijiao.UserFacingException when a confirmation names no rejected roster row or not
   *     one of its candidates, before anything is written
   */
  public static Outcome apply(
      SparkSession spark,
      Map<Source, Dataset<Row>> bronze,
      Map<Source, Dataset<Row>> parsed,
      Policy policy,
      LocalDate asOf,
      AcceptedRepairs accepted) {
    Dataset<Row> unusable = unusable(bronze, parsed, policy, asOf);
    Dataset<Row> candidates =
        IdRepairStages.candidates(unusable, known(parsed), policy.minBirthDate(), asOf);
    boolean automatic = policy.acceptsUniqueSameTownship();
    if (accepted.isEmpty() && !automatic) {
      return new Outcome(
          parsed,
          IdRepairStages.table(candidates, noConfirmations(spark)),
          spark.createDataFrame(List.of(), RepairColumns.REPAIRED_ROW),
          List.of());
    }
    // Kept: read by the check, the table, the confirmations and the lineage of repaired rows.
    unusable = Kept.rows(unusable);
    candidates = Kept.rows(candidates);
    RepairCheck.failOnProblems(spark, accepted, unusable, candidates);
    Dataset<Row> confirmations = RepairCheck.confirmations(spark, accepted);
    if (automatic) {
      // A row the file confirms keeps the file's candidate.
      confirmations =
          confirmations.unionByName(
              IdRepairStages.automaticConfirmations(candidates, POLICY_LABEL)
                  .join(
                      confirmations,
                      ScalaSeqs.of(ColumnNames.SOURCE, ColumnNames.SOURCE_FILE, ColumnNames.LINE),
                      "left_anti"));
    }
    confirmations = Kept.rows(confirmations);
    Map<Source, Dataset<Row>> repairedParse = new LinkedHashMap<>();
    Dataset<Row> acceptedRepaired = null;
    for (Source s : Source.values()) {
      if (!s.isRoster()) {
        repairedParse.put(s, parsed.get(s));
        continue;
      }
      Dataset<Row> reparsed =
          CleanStages.parse(
              ConfirmedRepairs.repairedBronze(bronze.get(s), confirmations, s), s, policy, asOf);
      Dataset<Row> confirmedLines =
          confirmations
              .filter(col(ColumnNames.SOURCE).equalTo(s.folder()))
              .select(col(ColumnNames.SOURCE_FILE), col(ColumnNames.LINE));
      // The confirmed rows' rejections give way to their new parse: still one row per bronze row.
      repairedParse.put(
          s,
          parsed
              .get(s)
              .join(
                  confirmedLines,
                  ScalaSeqs.of(ColumnNames.SOURCE_FILE, ColumnNames.LINE),
                  "left_anti")
              .unionByName(reparsed));
      Dataset<Row> acceptedOfSource = CleanStages.accepted(reparsed);
      acceptedRepaired =
          acceptedRepaired == null
              ? acceptedOfSource
              : acceptedRepaired.unionByName(acceptedOfSource);
    }
    List<Dataset<Row>> kept = new ArrayList<>(List.of(unusable, candidates, confirmations));
    return new Outcome(
        repairedParse,
        IdRepairStages.table(candidates, confirmations),
        ConfirmedRepairs.repairedRows(acceptedRepaired, confirmations, unusable),
        kept);
  }

  /**
   * Checks an accept-repairs file against exports not yet written to bronze ({@code run} checks
   * before ingestion writes anything): the same parse and the same candidates as {@link #apply}.
   *
   * @throws org.daijiao.UserFacingException as {@link #apply} does
   */
  public static void check(
      SparkSession spark,
      Map<Source, Dataset<Row>> bronze,
      Policy policy,
      LocalDate asOf,
      AcceptedRepairs accepted) {
    if (accepted.isEmpty()) {
      return;
    }
    Map<Source, Dataset<Row>> parsed = new LinkedHashMap<>();
    bronze.forEach((s, rows) -> parsed.put(s, CleanStages.parse(rows, s, policy, asOf)));
    Dataset<Row> named =
        unusable(bronze, parsed, policy, asOf)
            .join(
                RepairCheck.confirmations(spark, accepted),
                ScalaSeqs.of(ColumnNames.SOURCE, ColumnNames.SOURCE_FILE, ColumnNames.LINE),
                "left_semi");
    RepairCheck.failOnProblems(
        spark,
        accepted,
        named,
        IdRepairStages.candidates(named, known(parsed), policy.minBirthDate(), asOf));
  }

  private static Dataset<Row> unusable(
      Map<Source, Dataset<Row>> bronze,
      Map<Source, Dataset<Row>> parsed,
      Policy policy,
      LocalDate asOf) {
    Dataset<Row> out = null;
    for (Source s : Source.values()) {
      if (s.isRoster()) {
        Dataset<Row> rows =
            IdRepairStages.unusableRows(bronze.get(s), parsed.get(s), s, policy, asOf);
        out = out == null ? rows : out.unionByName(rows);
      }
    }
    return out;
  }

  /** The valid IDs of every accepted row of every source, with name, source and roster place. */
  private static Dataset<Row> known(Map<Source, Dataset<Row>> parsed) {
    Dataset<Row> out = null;
    for (Map.Entry<Source, Dataset<Row>> e : parsed.entrySet()) {
      Dataset<Row> accepted = CleanStages.accepted(e.getValue());
      boolean roster = e.getKey().isRoster();
      Dataset<Row> rows =
          accepted.select(
              col(ColumnNames.ID_NUMBER),
              col(ColumnNames.NAME),
              lit(e.getKey().folder()).as(ColumnNames.SOURCE),
              roster
                  ? col(ColumnNames.TOWNSHIP)
                  : lit(null).cast(DataTypes.StringType).as(ColumnNames.TOWNSHIP),
              roster
                  ? col(ColumnNames.VILLAGE)
                  : lit(null).cast(DataTypes.StringType).as(ColumnNames.VILLAGE));
      out = out == null ? rows : out.unionByName(rows);
    }
    return out;
  }

  private static Dataset<Row> noConfirmations(SparkSession spark) {
    return spark.createDataFrame(List.of(), RepairColumns.CONFIRMATION);
  }
}
