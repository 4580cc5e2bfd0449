package org.daijiao.ops;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.apache.spark.sql.SparkSession;
import org.daijiao.ingest.IngestJob;
import org.daijiao.ingest.IngestedFile;
import org.daijiao.pipeline.Pipeline;
import org.daijiao.resolve.ResolveJob;
import org.daijiao.spark.Progress;
import org.daijiao.spark.Warehouse;

/**
 * A command that writes tables, recorded in {@code ops.runs}: it holds the warehouse lock from
 * before its first write until its record is appended, so that two runs never write at once, and a
 * run killed on the way is found (its lock left behind) and recorded by the next. Recording costs
 * one Delta commit per run (the append at the end) and a listing of each table's log at the start
 * and the end; the start marker is the lock file, not a commit.
 *
 * <p>This class only puts the steps in order; each is its own class: the lock ({@link
 * WarehouseLock}) and what its file says of the run ({@link LockHolder}), taking over from a killed
 * run ({@link LeftRun}, {@link ScratchDirs}), the audit horizon ({@link AuditHorizon}), the input
 * files ({@link InputFingerprints}, {@link RunHistory#repeatOf}), the rows of {@code ops.runs}
 * ({@link RunRecords}) and the finished-run marker ({@link FinishedRunMarker}). What the run is
 * asked to be comes in as a value ({@link RunRequest}); what its stages report comes through {@link
 * #observer}.
 */
public final class RecordedRun {
  static final String STEP = "run";
  private static final DateTimeFormatter ID_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss");

  private final SparkSession spark;
  private final Warehouse warehouse;
  private final Progress progress;
  private final WarehouseLock lock;
  private final RunPolicy policy;
  private final Instant startedAt;
  private LockHolder holder;
  private RunFacts facts = RunFacts.NONE;

  private RecordedRun(
      SparkSession spark,
      Warehouse warehouse,
      Progress progress,
      WarehouseLock lock,
      LockHolder holder,
      RunRequest request,
      Instant startedAt) {
    this.spark = spark;
    this.warehouse = warehouse;
    this.progress = progress;
    this.lock = lock;
    this.holder = holder;
    this.policy = request.policy();
    this.startedAt = startedAt;
  }

  /** As {@link #record(SparkSession, Warehouse, Progress, RunRequest, Function)}, no policy. */
  public static <T> T record(
      SparkSession spark,
      Warehouse warehouse,
      Progress progress,
      String command,
      List<String> arguments,
      Duration wait,
      Function<RecordedRun, T> work) {
    return record(spark, warehouse, progress, RunRequest.of(command, arguments, wait), work);
  }

  /**
   * Runs {@code work} as a recorded run of {@code request}: checks the warehouse's format, takes
   * its lock (waiting up to the request's wait), records a run the lock shows was killed, applies
   * the request's policy (recorded with the policy file's hash; its audit horizon becomes the
   * warehouse's if longer), runs the work and appends the run's record — SUCCEEDED, or FAILED with
   * the error's class, which is then thrown on.
   */
  public static <T> T record(
      SparkSession spark,
      Warehouse warehouse,
      Progress progress,
      RunRequest request,
      Function<RecordedRun, T> work) {
    WarehouseFormat.requireKnown(spark, warehouse);
    Instant startedAt = Instant.now();
    LockHolder me = LockHolder.of(newId(), request.command(), request.arguments(), startedAt);
    try (WarehouseLock lock = WarehouseLock.acquire(spark, warehouse, me, request.lockWait())) {
      RecordedRun run = new RecordedRun(spark, warehouse, progress, lock, me, request, startedAt);
      int horizonYears = run.start();
      T result;
      try {
        run.applyPolicy(horizonYears);
        result = work.apply(run);
      } catch (Throwable e) {
        // Throwable: Spark throws its SparkException (a checked exception) undeclared.
        // A full disk: one line with the folder and the space a run needs (docs/operations.md).
        RuntimeException full = DiskFullException.of(e, spark, warehouse, run.holder.inputDir());
        run.finish(RunRecord.Outcome.FAILED, full != null ? full : e);
        if (full != null) {
          throw full;
        }
        throw e;
      }
      run.finish(RunRecord.Outcome.SUCCEEDED, null);
      return result;
    } finally {
      Retention.clearSessionDefaults(spark);
    }
  }

  /** The run's id: also the {@code _batch_id} of the bronze rows it ingests. */
  public String id() {
    return holder.runId();
  }

  /**
   * What the pipeline reports as it goes, into the run's record and lock file (a run killed later
   * is recorded with what it had read).
   *
   * @param inputDir the folder the run ingests from, or null when it ingests nothing
   */
  public Pipeline.Observer observer(String inputDir) {
    return new Pipeline.Observer() {
      @Override
      public void read(List<IngestedFile> files) {
        inputsRead(inputDir, files);
      }

      @Override
      public void ingested(IngestJob.Result result) {
        facts = facts.withIngested(result);
      }

      @Override
      public void resolved(ResolveJob.Result result) {
        facts = facts.withResolved(result);
      }
    };
  }

  /**
   * Takes over from a killed run if its lock was left, notes every table's version and Spark's
   * scratch directories in the lock, and sets the horizon the run's new tables keep.
   *
   * @return that horizon, in years
   */
  private int start() {
    LockHolder killed = lock.previous();
    if (killed != null) {
      LeftRun.takeOver(spark, warehouse, progress, killed);
    }
    learn(h -> h.withStart(RunRecords.versions(spark, warehouse), ScratchDirs.ofThisProcess()));
    return AuditHorizon.atStart(spark, warehouse, progress);
  }

  /**
   * The request's policy, into the lock file; its audit horizon becomes the warehouse's if longer.
   */
  private void applyPolicy(int horizonYears) {
    if (policy != null) {
      learn(policy::on);
      AuditHorizon.raise(spark, warehouse, progress, horizonYears, policy.auditHorizonYears());
    }
  }

  /**
   * The files the run ingested, with the size and SHA-256 of the bytes that were read: recorded;
   * files whose content an earlier run already ingested are reported, and so are files of this run
   * with the same content, and a run whose inputs, policy and as_of repeat an earlier run's.
   */
  private void inputsRead(String inputDir, List<IngestedFile> read) {
    RunHistory history = RunHistory.read(spark, warehouse);
    List<RunRecord.InputFile> files = InputFingerprints.of(read, history.ingestedBefore());
    facts = facts.withInputFiles(files);
    learn(h -> h.withInputs(absolute(inputDir), files));
    InputFingerprints.notes(files).forEach(n -> progress.step(STEP, n));
    history
        .repeatOf(files, holder.policySha256(), policy == null ? null : policy.asOf())
        .ifPresent(
            r ->
                progress.step(
                    STEP,
                    "same input files, policy and as_of as run "
                        + r
                        + ": the tables will hold the same rows again"));
  }

  /** What the run has learnt, into its lock file: a run killed from now on is recorded with it. */
  private void learn(UnaryOperator<LockHolder> change) {
    holder = change.apply(holder);
    lock.update(holder);
  }

  /**
   * Appends the run's record to {@code ops.runs}: one commit. The lock is then released. If the
   * record cannot be written, the lock's text is left so that the next run records this one as
   * ABANDONED.
   */
  private void finish(RunRecord.Outcome outcome, Throwable error) {
    Map<String, Long> end = RunRecords.versions(spark, warehouse);
    RunRecord record = RunRecords.finished(holder, policy, facts, end, startedAt, outcome, error);
    try {
      RunRecords.append(spark, warehouse, List.of(record));
      if (outcome == RunRecord.Outcome.SUCCEEDED) {
        FinishedRunMarker.afterRun(spark, warehouse, holder.runId(), end, progress);
        FinishedRunManifests.afterRun(spark, warehouse, holder.runId(), end, progress);
      }
      progress.step(
          STEP,
          id()
              + " recorded in ops.runs: "
              + outcome
              + ", "
              + record.tablesWritten().size()
              + " tables written");
    } catch (Exception e) {
      // Exception: the append is a Spark job, whose SparkException is checked but undeclared.
      lock.leaveForNextRun(holder.withFailure(error == null ? null : error.getClass().getName()));
      if (error != null) {
        error.addSuppressed(e);
        return;
      }
      throw e;
    }
  }

  private static String absolute(String dir) {
    return dir.matches("^[A-Za-z][A-Za-z0-9+.-]*:.*")
        ? dir
        : Path.of(dir).toAbsolutePath().normalize().toString();
  }

  /** yyyyMMdd'T'HHmmss (the operator's clock) and four random hex digits. */
  static String newId() {
    byte[] random = new byte[2];
    ThreadLocalRandom.current().nextBytes(random);
    return LocalDateTime.now().format(ID_TIME) + "-" + HexFormat.of().formatHex(random);
  }
}
