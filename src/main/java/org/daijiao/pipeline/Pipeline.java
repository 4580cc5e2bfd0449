package org.daijiao.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.daijiao.UserFacingException;
import org.daijiao.UserFacingException.Code;
import org.daijiao.coverage.StatsJob;
import org.daijiao.decide.DecideJob;
import org.daijiao.ingest.IngestJob;
import org.daijiao.ingest.IngestedFile;
import org.daijiao.policy.RunParameters;
import org.daijiao.repair.AcceptedRepairs;
import org.daijiao.resolve.ResolveJob;
import org.daijiao.resolve.Silver;
import org.daijiao.spark.JobContext;
import org.daijiao.spark.Kept;
import org.daijiao.spark.RecordedParameters;
import org.daijiao.spark.Tables;
import org.daijiao.spark.Warehouse;

/**
 * The one place where the order of the stages is written: ingest → resolve → decide → stats. Within
 * a run each stage receives the rows of the stage before it in memory (the rows it has just
 * written, kept where they are used twice), writes each of its tables once and reads back nothing
 * this run wrote. A run that starts at a later stage ({@code decide} alone) reads that stage's
 * inputs from the warehouse, after checking that they were made with the same as_of and policy.
 *
 * <p>Every check of what was read comes before the first write: unreadable files, and the confirmed
 * ID repairs (which need the rows parsed), so a refused run changes no table.
 */
public final class Pipeline {
  /** The stages, in the order they run. */
  public enum Stage {
    INGEST,
    RESOLVE,
    DECIDE,
    STATS
  }

  /** What the stages that ran reported; null for a stage that did not run. */
  public record Result(
      IngestJob.Result ingest,
      ResolveJob.Result resolve,
      DecideJob.Result decide,
      StatsJob.Result stats) {}

  /**
   * Told what a run has done as it goes, before its next stage: the run record follows it, so that
   * a run killed later is recorded with what it had read.
   */
  public interface Observer {
    /** Every input file with the hash of the bytes that were read, before any table is written. */
    default void read(List<IngestedFile> files) {}

    default void ingested(IngestJob.Result result) {}

    default void resolved(ResolveJob.Result result) {}
  }

  private final JobContext context;
  private String inputDir;
  private String batchId = "batch";
  private AcceptedRepairs repairs = AcceptedRepairs.NONE;
  private Observer observer = new Observer() {};

  private Pipeline(JobContext context) {
    this.context = context;
  }

  /** A pipeline whose jobs run with {@code context}. */
  public static Pipeline with(JobContext context) {
    return new Pipeline(context);
  }

  /** The input directory (one folder per source), for a run that ingests. */
  public Pipeline input(String dir, String batch) {
    this.inputDir = dir;
    this.batchId = batch;
    return this;
  }

  /** The ID repairs the data team confirmed, for a run that resolves. */
  public Pipeline repairs(AcceptedRepairs confirmed) {
    this.repairs = confirmed;
    return this;
  }

  public Pipeline observer(Observer o) {
    this.observer = o;
    return this;
  }

  /** All four stages. */
  public Result run() {
    return run(Stage.INGEST, Stage.STATS);
  }

  /** The stages from {@code first} to {@code last}, in order. */
  public Result run(Stage first, Stage last) {
    if (first.compareTo(last) > 0) {
      throw new IllegalArgumentException(first + " comes after " + last);
    }
    if (context.parameters() != null) {
      requireInputsAgree(context.session(), context.warehouse(), first, context.parameters());
    }
    SparkSession spark = context.session();
    String previous = spark.conf().get(RecordedParameters.DELTA_USER_METADATA, null);
    if (context.parameters() != null) {
      spark.conf().set(RecordedParameters.DELTA_USER_METADATA, context.parameters().toJson());
    }
    List<Runnable> release = new ArrayList<>();
    try {
      return stages(first, last, release);
    } finally {
      release.forEach(Runnable::run);
      if (previous == null) {
        spark.conf().unset(RecordedParameters.DELTA_USER_METADATA);
      } else {
        spark.conf().set(RecordedParameters.DELTA_USER_METADATA, previous);
      }
    }
  }

  private Result stages(Stage first, Stage last, List<Runnable> release) {
    IngestJob.Result ingested = null;
    ResolveJob.Result resolved = null;
    Silver silver = null;
    if (first == Stage.INGEST) {
      if (inputDir == null) {
        throw new IllegalStateException("a run that ingests needs an input directory");
      }
      IngestJob ingest = new IngestJob(context, inputDir, batchId);
      IngestJob.Read read = ingest.read();
      release.add(read::release);
      observer.read(read.ingestedFiles());
      if (last == Stage.INGEST) {
        ingested = ingest.write(read);
        observer.ingested(ingested);
        return new Result(ingested, null, null, null);
      }
      ResolveJob resolve = new ResolveJob(context, repairs);
      // Parsed, and the confirmed repairs checked, before bronze is written.
      ResolveJob.Prepared prepared = resolve.prepare(read.bronze());
      release.add(prepared::release);
      ingested = ingest.write(read);
      observer.ingested(ingested);
      ResolveJob.Resolved r = resolve.write(prepared);
      silver = r.silver();
      release.add(silver::release);
      resolved = r.result();
      observer.resolved(resolved);
    } else if (first == Stage.RESOLVE) {
      ResolveJob resolve = new ResolveJob(context, repairs);
      ResolveJob.Prepared prepared = resolve.prepare(ResolveJob.bronze(context));
      release.add(prepared::release);
      ResolveJob.Resolved r = resolve.write(prepared);
      silver = r.silver();
      release.add(silver::release);
      resolved = r.result();
      observer.resolved(resolved);
    }
    if (last == Stage.RESOLVE) {
      return new Result(ingested, resolved, null, null);
    }
    if (silver == null) {
      silver = Silver.fromWarehouse(context.session(), context.warehouse());
    }
    DecideJob.Decided decided;
    if (first.compareTo(Stage.DECIDE) <= 0) {
      decided =
          new DecideJob(context)
              .run(
                  new Silver(
                      rowsOf(silver.persons()),
                      rowsOf(silver.categoryPeriods()),
                      rowsOf(silver.exclusionPeriods()),
                      rowsOf(silver.enrollments()),
                      rowsOf(silver.payments()),
                      silver.repairCandidates(),
                      List.of()));
      release.add(decided::release);
    } else {
      decided =
          DecideJob.Decided.fromWarehouse(
              context.session(), context.warehouse(), context.policyYear());
    }
    if (last == Stage.DECIDE) {
      return new Result(ingested, resolved, decided.result(), null);
    }
    StatsJob.Result stats =
        new StatsJob(context)
            .run(
                new DecideJob.Decided(
                    decided.result(),
                    rowsOf(decided.eligibility()),
                    rowsOf(decided.subsidyLedger()),
                    rowsOf(decided.reachingPensionAge()),
                    List.of()),
                rowsOf(silver.repairCandidates()),
                silver.enrollments());
    return new Result(ingested, resolved, decided.result(), stats);
  }

  /**
   * The rows as the next stage receives them. On one machine the kept rows are local checkpoints
   * ({@link Kept}): a plan over them already starts at the stored rows, and is handed on as it is.
   * Where rows are only persisted (a cluster), a stage's output carries the plan of every stage
   * before it, which Spark would analyse and optimise again for every job of the next stage: a new
   * DataFrame over the rows' RDD (computed from the kept rows) is planned as a scan.
   */
  private Dataset<Row> rowsOf(Dataset<Row> rows) {
    if (Kept.asLocalCheckpoints(context.session())) {
      return rows;
    }
    return context.session().createDataFrame(rows.javaRDD(), rows.schema());
  }

  /**
   * The parameters of the run that wrote the inputs of a stage that starts from the warehouse: the
   * silver tables' for {@code decide}, the policy year's decisions' for {@code stats}; none for the
   * first two stages, whose inputs (the exports, bronze) depend on no parameter, and for tables
   * written before runs recorded them.
   */
  public static Optional<RunParameters> recordedInputs(
      SparkSession spark, Warehouse warehouse, Stage first, int policyYear) {
    return switch (first) {
      case INGEST, RESOLVE -> Optional.empty();
      case DECIDE -> RecordedParameters.latest(spark, warehouse, Tables.PERSONS);
      case STATS -> RecordedParameters.ofYear(spark, warehouse, Tables.ELIGIBILITY, policyYear);
    };
  }

  /**
   * A stage that starts from the warehouse goes on only from inputs made with the same as_of and
   * policy: decisions over silver resolved as of another date would mix two reference dates. A
   * command checks this before it takes the warehouse's lock, and the pipeline again under it.
   *
   * @throws UserFacingException naming both values and the command that makes them agree
   */
  public static void requireInputsAgree(
      SparkSession spark, Warehouse warehouse, Stage first, RunParameters mine) {
    Optional<RunParameters> recorded = recordedInputs(spark, warehouse, first, mine.policyYear());
    if (recorded.isEmpty()) {
      return;
    }
    Optional<String> why = mine.disagreementWith(recorded.get());
    if (why.isPresent()) {
      String inputs =
          first == Stage.DECIDE ? "the silver tables" : "the decisions of " + mine.policyYear();
      String stage = first == Stage.DECIDE ? "resolve" : "decide";
      throw new UserFacingException(
          Code.OPTION,
          inputs
              + " were made with another run's parameters: "
              + why.get()
              + ". Run `bin/daijiao "
              + stage
              + " --as-of "
              + mine.asOf()
              + mine.policyOption()
              + "` first, or run `bin/daijiao "
              + first.name().toLowerCase(java.util.Locale.ROOT)
              + "` without --as-of and --policy to go on with the recorded ones; nothing was"
              + " written.");
    }
  }
}
