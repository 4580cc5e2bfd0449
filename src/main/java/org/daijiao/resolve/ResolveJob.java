package org.daijiao.resolve;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.daijiao.identity.Divisions;
import org.daijiao.ingest.Source;
import org.daijiao.ingest.clean.CleanStages;
import org.daijiao.policy.Policy;
import org.daijiao.quality.QualityColumns;
import org.daijiao.repair.AcceptedRepairs;
import org.daijiao.repair.IdRepairs;
import org.daijiao.repair.RepairColumns;
import org.daijiao.spark.ColumnNames;
import org.daijiao.spark.Concurrently;
import org.daijiao.spark.JobContext;
import org.daijiao.spark.JobGroups;
import org.daijiao.spark.Kept;
import org.daijiao.spark.Progress;
import org.daijiao.spark.TableWriter;
import org.daijiao.spark.Tables;

/**
 * Identities and the silver tables (docs/rules.md#identities, docs/development.md#table-contracts):
 * parses every bronze row, keys each person by the normalised ID, sends every row that cannot be
 * parsed to {@code quality.rejected_records} with its reason, and writes {@code silver.persons},
 * {@code silver.category_periods}, {@code silver.exclusion_periods}, {@code silver.enrollments},
 * {@code silver.payments}, {@code quality.identity_conflicts} and the per-source reconciliation
 * {@code quality.ingest_reconciliation} (rows read = accepted + rejected). Roster rows rejected for
 * their ID number get repair candidates in {@code quality.id_repair_candidates}; the ones the data
 * team confirmed are read with their candidate (docs/inputs.md#id-repair).
 */
public final class ResolveJob {
  /** Per source: rows read from bronze, accepted into a clean table, rejected with a reason. */
  public record SourceCounts(long read, long accepted, long rejected) {}

  /** What the job did. */
  public record Result(Map<String, SourceCounts> counts, long persons, long identityConflicts) {}

  /** The job's result and the tables it wrote, kept in memory for the next stage. */
  public record Resolved(Result result, Silver silver) {}

  /**
   * Every bronze row parsed, and the confirmed ID repairs applied and checked (in memory until
   * {@link #release}): what {@link #write} writes.
   */
  public record Prepared(Map<Source, Dataset<Row>> parsed, IdRepairs.Outcome repaired) {
    /** Releases the rows kept in memory. */
    public void release() {
      parsed.values().forEach(Kept::release);
      repaired.release();
    }
  }

  private final JobContext context;
  private final SparkSession spark;
  private final TableWriter writer;
  private final Policy policy;
  private final LocalDate asOf;
  private final Progress progress;
  private final AcceptedRepairs repairs;

  public ResolveJob(JobContext context) {
    this(context, AcceptedRepairs.NONE);
  }

  /**
   * @param repairs the repairs the data team confirmed ({@code --accept-repairs}); checked against
   *     the run's rejected rows before any table is written
   */
  public ResolveJob(JobContext context, AcceptedRepairs repairs) {
    this.context = context;
    this.spark = context.session();
    this.writer = context.writer();
    this.policy = context.policy();
    this.asOf = context.asOf();
    this.progress = context.progress();
    this.repairs = repairs;
  }

  /** The bronze tables of every source, as the warehouse holds them now. */
  public static Map<Source, Dataset<Row>> bronze(JobContext context) {
    Map<Source, Dataset<Row>> bronze = new LinkedHashMap<>();
    for (Source s : Source.values()) {
      bronze.put(s, context.warehouse().read(context.session(), Tables.bronze(s.folder())));
    }
    return bronze;
  }

  /** Resolution alone, from the bronze tables of the warehouse. */
  public Result run() {
    Prepared prepared = prepare(bronze(context));
    try {
      Resolved resolved = write(prepared);
      resolved.silver().release();
      return resolved.result();
    } finally {
      prepared.release();
    }
  }

  /**
   * Parses every bronze row and applies the confirmed ID repairs; stops, before anything is
   * written, when a confirmation names no rejected roster row or not one of its candidates.
   */
  public Prepared prepare(Map<Source, Dataset<Row>> bronze) {
    return JobGroups.run(
        spark,
        "resolve",
        "resolve: parse every row, ID repairs",
        () -> {
          Map<Source, Dataset<Row>> parsed = new LinkedHashMap<>();
          for (Source s : Source.values()) {
            // Kept: each source's parse feeds its clean table, its rejects and the counts.
            parsed.put(s, Kept.rows(CleanStages.parse(bronze.get(s), s, policy, asOf)));
          }
          try {
            return new Prepared(
                parsed, IdRepairs.apply(spark, bronze, parsed, policy, asOf, repairs));
          } catch (RuntimeException e) {
            parsed.values().forEach(Kept::release);
            throw e;
          }
        });
  }

  /**
   * Writes the quality and silver tables; the silver rows (and the repair candidates) are kept in
   * memory for the decisions, and released by {@link Silver#release}.
   */
  public Resolved write(Prepared prepared) {
    return JobGroups.run(
        spark, "resolve", "resolve: identities and silver tables", () -> writeTables(prepared));
  }

  private Resolved writeTables(Prepared prepared) {
    IdRepairs.Outcome repaired = prepared.repaired();
    Map<Source, Dataset<Row>> parsed = repaired.parsed();
    Dataset<Row> roster = null;
    Dataset<Row> rejects = null;
    Dataset<Row> idNames = null;
    for (Map.Entry<Source, Dataset<Row>> e : parsed.entrySet()) {
      Source s = e.getKey();
      Dataset<Row> accepted = CleanStages.accepted(e.getValue());
      rejects = union(rejects, CleanStages.rejected(e.getValue(), s));
      idNames =
          union(
              idNames,
              accepted.select(
                  col(ColumnNames.ID_NUMBER),
                  col(ColumnNames.NAME),
                  lit(s.folder()).as(ColumnNames.SOURCE)));
      if (s.isRoster()) {
        roster = union(roster, accepted);
      }
    }
    Dataset<Row> payments =
        CleanStages.withDuplicatePaymentMarked(
            CleanStages.accepted(parsed.get(Source.TAX_PAYMENTS)));
    rejects = rejects.unionByName(CleanStages.duplicatePaymentRejects(payments));

    // Kept: each is written and then read again by this run (the counts, the decisions).
    List<Dataset<Row>> kept = new ArrayList<>();
    Dataset<Row> allRejects = keep(kept, rejects);
    Dataset<Row> candidates = keep(kept, repaired.candidatesTable());
    Dataset<Row> conflicts = keep(kept, PersonStages.identityConflicts(idNames));
    Silver silver =
        new Silver(
            keep(
                kept,
                PersonStages.persons(
                    roster,
                    repaired.repairedRows(),
                    Divisions.townships(spark),
                    Divisions.villages(spark),
                    policy)),
            keep(kept, PeriodMerging.categoryPeriods(roster, asOf)),
            keep(
                kept,
                PeriodMerging.exclusionPeriods(
                    CleanStages.accepted(parsed.get(Source.EXCLUSIONS)), asOf)),
            keep(
                kept,
                SilverColumns.ENROLLMENTS.select(
                    CleanStages.accepted(parsed.get(Source.PENSION_ENROLLMENT)))),
            keep(kept, SilverColumns.PAYMENTS.select(CleanStages.uniquePayments(payments))),
            candidates,
            kept);
    try {
      // Every table below is independent of the others: written at once (Concurrently).
      Concurrently.all(
          List.<Supplier<Long>>of(
              () -> writer.replace(QualityColumns.REJECTED_RECORDS, allRejects),
              () -> writer.replace(RepairColumns.ID_REPAIR_CANDIDATES, candidates),
              () -> writer.replace(SilverColumns.CATEGORY_PERIODS, silver.categoryPeriods()),
              () -> writer.replace(SilverColumns.EXCLUSION_PERIODS, silver.exclusionPeriods()),
              () -> writer.replace(SilverColumns.ENROLLMENTS, silver.enrollments()),
              () -> writer.replace(SilverColumns.PAYMENTS, silver.payments()),
              () -> writer.replace(SilverColumns.PERSONS, silver.persons()),
              () -> writer.replace(QualityColumns.IDENTITY_CONFLICTS, conflicts)));
      progress.step("resolve", "quality.rejected_records, id_repair_candidates written");
      progress.step(
          "resolve", "silver.category_periods, exclusion_periods, enrollments, payments written");

      Map<String, SourceCounts> counts = Reconciliation.counts(parsed, allRejects);
      writer.replace(QualityColumns.INGEST_RECONCILIATION, Reconciliation.rows(spark, counts));
      long persons = silver.persons().count();
      long identityConflicts = conflicts.count();
      progress.step(
          "resolve",
          String.format("%,d persons, %,d identity conflicts", persons, identityConflicts));
      Kept.release(allRejects);
      Kept.release(conflicts);
      return new Resolved(new Result(counts, persons, identityConflicts), silver);
    } catch (RuntimeException e) {
      silver.release();
      throw e;
    }
  }

  private static Dataset<Row> keep(List<Dataset<Row>> kept, Dataset<Row> rows) {
    Dataset<Row> k = Kept.rows(rows);
    kept.add(k);
    return k;
  }

  private static Dataset<Row> union(Dataset<Row> a, Dataset<Row> b) {
    return a == null ? b : a.unionByName(b);
  }
}
