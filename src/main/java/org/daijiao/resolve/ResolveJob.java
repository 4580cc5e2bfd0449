package org.daijiao.resolve;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.daijiao.identity.Divisions;
import org.daijiao.ingest.Source;
import org.daijiao.ingest.clean.CleanColumns;
import org.daijiao.ingest.clean.CleanStages;
import org.daijiao.policy.Policy;
import org.daijiao.quality.QualityColumns;
import org.daijiao.quality.RejectReason;
import org.daijiao.repair.AcceptedRepairs;
import org.daijiao.repair.IdRepairs;
import org.daijiao.repair.RepairColumns;
import org.daijiao.spark.Concurrently;
import org.daijiao.spark.JobContext;
import org.daijiao.spark.JobGroups;
import org.daijiao.spark.Progress;
import org.daijiao.spark.TableWriter;
import org.daijiao.spark.Tables;
import org.daijiao.spark.Warehouse;

/**
 * Identities and the silver tables (SPEC §3, §5): parses every bronze row, keys each person by the
 * normalised ID, sends every row that cannot be parsed to {@code quality.rejected_records} with its
 * reason, and writes {@code silver.persons}, {@code silver.category_periods}, {@code
 * silver.exclusion_periods}, {@code silver.enrollments}, {@code silver.payments}, {@code
 * quality.identity_conflicts} and the per-source reconciliation {@code
 * quality.ingest_reconciliation} (rows read = accepted + rejected). Roster rows rejected for their
 * ID number get repair candidates in {@code quality.id_repair_candidates}; the ones the data team
 * confirmed are read with their candidate (issue 12).
 */
public final class ResolveJob {
  /** Per source: rows read from bronze, accepted into a clean table, rejected with a reason. */
  public record SourceCounts(long read, long accepted, long rejected) {}

  /** What the job did. */
  public record Result(Map<String, SourceCounts> counts, long persons, long identityConflicts) {}

  private final SparkSession spark;
  private final Warehouse warehouse;
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
    this.spark = context.session();
    this.warehouse = context.warehouse();
    this.writer = context.writer();
    this.policy = context.policy();
    this.asOf = context.asOf();
    this.progress = context.progress();
    this.repairs = repairs;
  }

  public Result run() {
    return JobGroups.run(spark, "resolve", "resolve: identities and silver tables", this::resolve);
  }

  private Result resolve() {
    Map<Source, Dataset<Row>> bronze = new LinkedHashMap<>();
    Map<Source, Dataset<Row>> parsed = new LinkedHashMap<>();
    for (Source s : Source.values()) {
      bronze.put(s, warehouse.read(spark, Tables.bronze(s.folder())));
      // Kept: each source's parse feeds its clean table, its rejects and the reconciliation counts.
      parsed.put(
          s,
          CleanStages.parse(bronze.get(s), s, policy, asOf)
              .persist(StorageLevel.MEMORY_AND_DISK()));
    }
    IdRepairs.Outcome repaired = null;
    try {
      repaired = IdRepairs.apply(spark, bronze, parsed, policy, asOf, repairs);
      return writeTables(repaired);
    } finally {
      parsed.values().forEach(Dataset::unpersist);
      if (repaired != null) {
        repaired.release();
      }
    }
  }

  private Result writeTables(IdRepairs.Outcome repaired) {
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
                  col(SilverColumns.ID_NUMBER),
                  col(SilverColumns.NAME),
                  lit(s.folder()).as(SilverColumns.SOURCE)));
      if (s.isRoster()) {
        roster = union(roster, accepted);
      }
    }
    Dataset<Row> payments =
        CleanStages.withDuplicatePaymentMarked(
            CleanStages.accepted(parsed.get(Source.TAX_PAYMENTS)));
    rejects = rejects.unionByName(CleanStages.duplicatePaymentRejects(payments));

    // Every table below is independent of the others: written at once (Concurrently).
    Dataset<Row> allRejects = rejects;
    Dataset<Row> allRoster = roster;
    Dataset<Row> allIdNames = idNames;
    Concurrently.all(
        List.<Supplier<Long>>of(
            () -> writer.replace(QualityColumns.REJECTED_RECORDS, allRejects),
            () -> writer.replace(RepairColumns.ID_REPAIR_CANDIDATES, repaired.candidatesTable()),
            () ->
                writer.replace(
                    SilverColumns.CATEGORY_PERIODS, PeriodMerging.categoryPeriods(allRoster, asOf)),
            () ->
                writer.replace(
                    SilverColumns.EXCLUSION_PERIODS,
                    PeriodMerging.exclusionPeriods(
                        CleanStages.accepted(parsed.get(Source.EXCLUSIONS)), asOf)),
            () ->
                writer.replace(
                    SilverColumns.ENROLLMENTS,
                    SilverColumns.ENROLLMENTS.select(
                        CleanStages.accepted(parsed.get(Source.PENSION_ENROLLMENT)))),
            () ->
                writer.replace(
                    SilverColumns.PAYMENTS,
                    SilverColumns.PAYMENTS.select(CleanStages.uniquePayments(payments))),
            () ->
                writer.replace(
                    SilverColumns.PERSONS,
                    PersonStages.persons(
                        allRoster,
                        repaired.repairedRows(),
                        Divisions.townships(spark),
                        Divisions.villages(spark),
                        policy)),
            () ->
                writer.replace(
                    QualityColumns.IDENTITY_CONFLICTS,
                    PersonStages.identityConflicts(allIdNames))));
    progress.step("resolve", "quality.rejected_records, id_repair_candidates written");
    progress.step(
        "resolve", "silver.category_periods, exclusion_periods, enrollments, payments written");

    Map<String, SourceCounts> counts = reconcile(parsed);
    List<Long> written =
        Concurrently.all(
            List.<Supplier<Long>>of(
                () ->
                    writer.replace(
                        QualityColumns.INGEST_RECONCILIATION, reconciliationRows(counts)),
                () -> warehouse.read(spark, Tables.PERSONS).count(),
                () -> warehouse.read(spark, Tables.IDENTITY_CONFLICTS).count()));
    long persons = written.get(1);
    long conflicts = written.get(2);
    progress.step(
        "resolve", String.format("%,d persons, %,d identity conflicts", persons, conflicts));
    return new Result(counts, persons, conflicts);
  }

  /**
   * Rows read = accepted + rejected, per source, each counted on its own: rows parsed from bronze,
   * rows that parsed (less the payment copies rejected as duplicates), and rows in {@code
   * quality.rejected_records}. A difference would mean a row was lost: the job then fails instead
   * of writing a wrong reconciliation.
   */
  private Map<String, SourceCounts> reconcile(Map<Source, Dataset<Row>> parsed) {
    Map<String, Long> rejectedPerSource = new LinkedHashMap<>();
    long duplicates = 0;
    for (Row r :
        warehouse
            .read(spark, Tables.REJECTED_RECORDS)
            .groupBy(
                col(QualityColumns.SOURCE),
                col(QualityColumns.REASON).equalTo(RejectReason.DUPLICATE_ROW.name()))
            .agg(count(lit(1)))
            .collectAsList()) {
      rejectedPerSource.merge(r.getString(0), r.getLong(2), Long::sum);
      if (r.getBoolean(1)) {
        duplicates += r.getLong(2);
      }
    }
    // Rows read and accepted of every source in one pass over the kept parse results.
    Dataset<Row> outcomes = null;
    for (Map.Entry<Source, Dataset<Row>> e : parsed.entrySet()) {
      outcomes =
          union(
              outcomes,
              e.getValue()
                  .select(
                      lit(e.getKey().folder()).as(QualityColumns.SOURCE),
                      when(col(CleanColumns.REJECT_REASON).isNull(), 1L)
                          .otherwise(0L)
                          .as(CleanColumns.REJECT_REASON)));
    }
    Map<String, Row> perSource = new LinkedHashMap<>();
    for (Row r :
        outcomes
            .groupBy(col(QualityColumns.SOURCE))
            .agg(count(lit(1)), sum(col(CleanColumns.REJECT_REASON)))
            .collectAsList()) {
      perSource.put(r.getString(0), r);
    }
    Map<String, SourceCounts> counts = new LinkedHashMap<>();
    for (Map.Entry<Source, Dataset<Row>> e : parsed.entrySet()) {
      String source = e.getKey().folder();
      Row c = perSource.get(source);
      long read = c == null ? 0 : c.getLong(1);
      long accepted = c == null || c.isNullAt(2) ? 0 : c.getLong(2);
      if (e.getKey() == Source.TAX_PAYMENTS) {
        accepted -= duplicates;
      }
      long rejected = rejectedPerSource.getOrDefault(source, 0L);
      if (read != accepted + rejected) {
        throw new IllegalStateException(
            source
                + ": "
                + read
                + " rows read but "
                + accepted
                + " accepted + "
                + rejected
                + " rejected");
      }
      counts.put(source, new SourceCounts(read, accepted, rejected));
    }
    return counts;
  }

  private Dataset<Row> reconciliationRows(Map<String, SourceCounts> counts) {
    List<Row> rows = new ArrayList<>();
    counts.forEach(
        (source, c) ->
            rows.add(
                org.apache.spark.sql.RowFactory.create(
                    source, c.read(), c.accepted(), c.rejected())));
    return spark.createDataFrame(rows, QualityColumns.INGEST_RECONCILIATION.schema());
  }

  private static Dataset<Row> union(Dataset<Row> a, Dataset<Row> b) {
    return a == null ? b : a.unionByName(b);
  }
}
