package org.daijiao.ops;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.stream.Stream;
import org.apache.spark.SparkEnv;
import org.apache.spark.SparkFiles;
import org.apache.spark.sql.SparkSession;
import org.daijiao.ingest.IngestJob;
import org.daijiao.ingest.IngestedFile;
import org.daijiao.policy.Policy;
import org.daijiao.policy.PolicyLoader;
import org.daijiao.policy.RunParameters;
import org.daijiao.resolve.ResolveJob;
import org.daijiao.spark.Progress;
import org.daijiao.spark.TableName;
import org.daijiao.spark.TableWriter;
import org.daijiao.spark.Tables;
import org.daijiao.spark.Warehouse;

/**
 * A command that writes tables, recorded in {@code ops.runs}: it holds the warehouse lock from
 * before its first write until its record is appended, so that two runs never write at once, and a
 * run killed on the way is found (its lock left behind) and recorded by the next. Recording costs
 * one Delta commit per run (the append at the end) and a listing of each table's log at the start
 * and the end; the start marker is the lock file, not a commit.
 */
public final class RecordedRun {
  private static final DateTimeFormatter ID_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss");
  private static final String STEP = "run";

  private final SparkSession spark;
  private final Warehouse warehouse;
  private final Progress progress;
  private final WarehouseLock lock;
  private final Instant startedAt;
  private LockHolder holder;
  private int horizonYears;
  private LocalDate asOf;
  private Integer policyYear;
  private List<RunRecord.InputFile> inputFiles;
  private final Map<String, RunRecord.SourceCounts> sources = new LinkedHashMap<>();

  private RecordedRun(
      SparkSession spark,
      Warehouse warehouse,
      Progress progress,
      WarehouseLock lock,
      LockHolder holder,
      Instant startedAt) {
    this.spark = spark;
    this.warehouse = warehouse;
    this.progress = progress;
    this.lock = lock;
    this.holder = holder;
    this.startedAt = startedAt;
  }

  /**
   * Runs {@code work} as a recorded run of {@code command}: checks the warehouse's format, takes
   * its lock (waiting up to {@code wait}), records a run the lock shows was killed, runs the work
   * and appends the run's record — SUCCEEDED, or FAILED with the error's class, which is then
   * thrown on.
   */
  public static <T> T record(
      SparkSession spark,
      Warehouse warehouse,
      Progress progress,
      String command,
      List<String> arguments,
      Duration wait,
      Function<RecordedRun, T> work) {
    WarehouseFormat.requireKnown(spark, warehouse);
    Instant startedAt = Instant.now();
    LockHolder me = LockHolder.of(newId(), command, arguments, startedAt);
    try (WarehouseLock lock = WarehouseLock.acquire(spark, warehouse, me, wait)) {
      RecordedRun run = new RecordedRun(spark, warehouse, progress, lock, me, startedAt);
      run.start();
      T result;
      try {
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
   * The policy the run applies and its reference date: recorded with the policy file's hash; its
   * audit horizon becomes the warehouse's if longer.
   *
   * @param file the file given with {@code --policy}, or null for the bundled one
   */
  public void policy(Path file, Policy policy, LocalDate asOf) {
    PolicyLoader.Origin origin = PolicyLoader.origin(file, policy.policyYear());
    // A command that decides no year (maintain) records the policy only for its horizon.
    this.asOf = asOf;
    this.policyYear = asOf == null ? null : policy.policyYear();
    holder =
        holder.withPolicy(
            origin.file(), origin.sha256(), policyYear, asOf == null ? null : asOf.toString());
    lock.update(holder);
    applyHorizon(policy.auditHorizonYears());
  }

  /**
   * The parameters the run decides with (the policy file and its hash, the year, as_of): recorded;
   * the policy's audit horizon becomes the warehouse's if longer.
   */
  public void parameters(RunParameters parameters, Policy policy) {
    this.asOf = parameters.asOf();
    this.policyYear = parameters.policyYear();
    holder =
        holder.withPolicy(
            parameters.policyFile(),
            parameters.policySha256(),
            policyYear,
            parameters.asOf().toString());
    lock.update(holder);
    applyHorizon(policy.auditHorizonYears());
  }

  /**
   * The files the run ingested, with the size and SHA-256 of the bytes that were read: recorded;
   * files whose content an earlier run already ingested are reported, and so are files of this run
   * with the same content, and a run whose inputs, policy and as_of repeat an earlier run's.
   */
  public void inputs(String inputDir, List<IngestedFile> read) {
    RunHistory history = RunHistory.read(spark, warehouse);
    List<RunRecord.InputFile> files = InputFingerprints.of(read, history.ingestedBefore());
    long bytes = files.stream().mapToLong(RunRecord.InputFile::bytes).sum();
    List<RunRecord.InputFile> seen =
        files.stream().filter(f -> f.ingestedBeforeBy() != null).toList();
    this.inputFiles = files;
    holder = holder.withInputs(absolute(inputDir), files);
    lock.update(holder);
    progress.step(
        STEP,
        String.format(
            "%d input files, %,d bytes read and hashed: %d new or changed, %d as ingested before",
            files.size(), bytes, files.size() - seen.size(), seen.size()));
    if (!seen.isEmpty() && seen.size() == files.size()) {
      progress.step(
          STEP,
          "every input file has the content an earlier run ingested (the latest: run "
              + seen.stream()
                  .map(RunRecord.InputFile::ingestedBeforeBy)
                  .max(String::compareTo)
                  .get()
              + "); they are read again");
    } else {
      for (RunRecord.InputFile f : seen) {
        progress.step(
            STEP,
            f.file()
                + ": same content as ingested by run "
                + f.ingestedBeforeBy()
                + " (read again)");
      }
    }
    for (List<String> group : InputFingerprints.sameContent(files)) {
      progress.step(
          STEP,
          "warning: "
              + String.join(" and ", group)
              + " have the same content; both are read (a roster's periods merge, a repeated"
              + " payment is rejected as DUPLICATE_ROW) — remove the copy if it was sent twice");
    }
    repeatOf(history)
        .ifPresent(
            r ->
                progress.step(
                    STEP,
                    "same input files, policy and as_of as run "
                        + r
                        + ": the tables will hold the same rows again"));
  }

  /** Rows read per source, from ingestion. */
  public void ingested(IngestJob.Result result) {
    result
        .rowsRead()
        .forEach((s, n) -> sources.put(s, new RunRecord.SourceCounts(s, n, null, null)));
  }

  /** Rows read, accepted and rejected per source, from resolution. */
  public void resolved(ResolveJob.Result result) {
    result
        .counts()
        .forEach(
            (s, c) ->
                sources.put(
                    s, new RunRecord.SourceCounts(s, c.read(), c.accepted(), c.rejected())));
  }

  /** The audit horizon this run keeps, in years (the warehouse's, raised by the policy's). */
  public int auditHorizonYears() {
    return horizonYears;
  }

  /**
   * Takes over from a killed run if its lock was left, notes every table's version, and sets the
   * horizon the run's new tables keep.
   */
  private void start() {
    LockHolder killed = lock.previous();
    if (killed != null) {
      Map<String, Long> now = versions();
      RunRecord abandoned = abandonedRecord(killed, now);
      progress.step(STEP, LeftRun.note(killed, abandoned));
      // Recorded at once, not with this run's record: if this run is killed too, the next one only
      // knows this run's lock, and a chain of killed runs would leave only its last in ops.runs.
      // One extra commit, only after a crash.
      appendRecords(List.of(abandoned));
      int removed = removeScratchDirs(killed);
      if (removed > 0) {
        progress.step(
            STEP, "removed " + removed + " Spark scratch directories the killed run left behind");
      }
    }
    holder = holder.withStart(versions(), scratchDirs());
    lock.update(holder);
    WarehouseFormat marker = WarehouseFormat.read(spark, warehouse);
    applyHorizon(
        marker != null && marker.auditHorizonYears() > 0
            ? marker.auditHorizonYears()
            : PolicyLoader.bundled().auditHorizonYears());
  }

  /**
   * Keeps at least {@code years} of history on every table: tables created from now on through the
   * session's defaults; existing tables, once, when the warehouse's marker had a shorter horizon or
   * none (then the marker is raised, after the tables, so that a crash in between repeats it).
   */
  private void applyHorizon(int years) {
    int target = Math.max(years, horizonYears);
    WarehouseFormat marker = WarehouseFormat.read(spark, warehouse);
    boolean upToDate =
        marker != null
            && marker.format() == WarehouseFormat.CURRENT
            && marker.auditHorizonYears() >= target;
    if (!upToDate) {
      int altered = 0;
      for (TableName t : warehouse.tables(spark)) {
        if (Retention.ensure(spark, warehouse, t, target)) {
          altered++;
        }
      }
      if (altered > 0) {
        progress.step(
            STEP,
            altered
                + " tables now keep their history "
                + target
                + " years (the audit horizon; Delta's defaults: 30 days of log, 7 days of files)");
      }
    }
    horizonYears = WarehouseFormat.stamp(spark, warehouse, target);
    Retention.setSessionDefaults(spark, horizonYears);
  }

  /**
   * Appends the run's record to {@code ops.runs}: one commit. The lock is then released. If the
   * record cannot be written, the lock's text is left so that the next run records this one as
   * ABANDONED.
   */
  private void finish(RunRecord.Outcome outcome, Throwable error) {
    Map<String, Long> end = versions();
    RunRecord record =
        new RunRecord(
            holder.runId(),
            holder.command(),
            holder.arguments(),
            WarehouseFormat.DAIJIAO_VERSION,
            WarehouseFormat.CURRENT,
            holder.policyFile(),
            holder.policySha256(),
            policyYear,
            asOf,
            holder.inputDir(),
            inputFiles,
            sources.isEmpty() ? null : List.copyOf(sources.values()),
            written(holder.versionsAtStart(), end),
            end,
            startedAt,
            Instant.now(),
            outcome,
            error == null ? null : error.getClass().getName());
    try {
      appendRecords(List.of(record));
      if (outcome == RunRecord.Outcome.SUCCEEDED) {
        marker(end);
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

  /**
   * The versions this run left, for readers (FinishedRunMarker); only a shortcut, so never fatal.
   */
  private void marker(Map<String, Long> end) {
    try {
      FinishedRunMarker.write(spark, warehouse, new FinishedRunMarker(holder.runId(), end));
    } catch (IOException | RuntimeException e) {
      progress.step(
          STEP,
          "note: "
              + WarehouseFormat.opsDirectory(warehouse)
              + "/finished-run.json could not be written ("
              + e.getClass().getSimpleName()
              + "); queries read ops.runs to find this run's versions instead");
    }
  }

  /** Appends run records to {@code ops.runs}: one commit. */
  private void appendRecords(List<RunRecord> rows) {
    new TableWriter(spark, warehouse)
        .append(
            RunColumns.RUNS,
            spark.createDataFrame(
                rows.stream().map(RunRecord::toRow).toList(), RunColumns.RUNS.schema()));
  }

  /** Every table's latest Delta version ({@code layer.table} → version), ops.runs aside. */
  private Map<String, Long> versions() {
    Map<String, Long> out = new TreeMap<>();
    for (TableName t : warehouse.tables(spark)) {
      if (!t.equals(Tables.RUNS)) {
        out.put(t.qualified(), warehouse.latestVersion(spark, t));
      }
    }
    return out;
  }

  private static Map<String, Long> written(Map<String, Long> start, Map<String, Long> end) {
    Map<String, Long> out = new TreeMap<>();
    end.forEach(
        (t, v) -> {
          if (start == null || !v.equals(start.get(t))) {
            out.put(t, v);
          }
        });
    return out;
  }

  /** The record of a run that was killed, as its lock file left it. */
  private RunRecord abandonedRecord(LockHolder killed, Map<String, Long> now) {
    Instant started;
    try {
      started = Instant.parse(killed.startedAt());
    } catch (java.time.DateTimeException e) {
      started = Instant.EPOCH;
    }
    return new RunRecord(
        killed.runId(),
        killed.command(),
        killed.arguments() == null ? List.of() : killed.arguments(),
        WarehouseFormat.DAIJIAO_VERSION,
        WarehouseFormat.CURRENT,
        killed.policyFile(),
        killed.policySha256(),
        killed.policyYear(),
        killed.asOf() == null ? null : LocalDate.parse(killed.asOf()),
        killed.inputDir(),
        killed.inputFiles(),
        null,
        killed.versionsAtStart() == null || killed.versionsAtStart().isEmpty()
            ? Map.of()
            : written(killed.versionsAtStart(), now),
        now,
        started,
        null,
        LeftRun.outcome(killed),
        killed.failedWith());
  }

  /** A repeated run: the latest finished run with the same files, policy and as_of. */
  private java.util.Optional<String> repeatOf(RunHistory history) {
    if (inputFiles == null || holder.policySha256() == null) {
      return java.util.Optional.empty();
    }
    List<String> mine = inputFiles.stream().map(RunRecord.InputFile::sha256).sorted().toList();
    return history.newestFirst().stream()
        .filter(r -> r.outcome() == RunRecord.Outcome.SUCCEEDED && r.inputFiles() != null)
        .filter(
            r ->
                holder.policySha256().equals(r.policySha256())
                    && java.util.Objects.equals(asOf, r.asOf())
                    && mine.equals(
                        r.inputFiles().stream().map(RunRecord.InputFile::sha256).sorted().toList()))
        .map(RunRecord::runId)
        .findFirst();
  }

  /**
   * Spark's local directories of this process: shuffle and spill files hold rows (IDs, names) while
   * a run lasts; Spark deletes them when it stops, a killed process cannot.
   */
  private static List<String> scratchDirs() {
    List<String> dirs = new ArrayList<>();
    try {
      for (File f : SparkEnv.get().blockManager().diskBlockManager().localDirs()) {
        dirs.add(f.getAbsolutePath());
      }
      Path files = Path.of(SparkFiles.getRootDirectory()).getParent();
      if (files != null) {
        dirs.add(files.toString());
      }
    } catch (RuntimeException e) {
      // Not a local session (the executors' directories are the cluster manager's to clean).
    }
    return dirs;
  }

  /** Removes the scratch directories a killed run on this host left; only Spark's own names. */
  private static int removeScratchDirs(LockHolder killed) {
    if (!killed.processAlive().equals(java.util.Optional.of(false))
        || killed.scratchDirs() == null) {
      return 0;
    }
    int removed = 0;
    for (String d : killed.scratchDirs()) {
      Path dir = Path.of(d);
      String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
      if ((name.startsWith("blockmgr-") || name.startsWith("spark-")) && Files.isDirectory(dir)) {
        try (Stream<Path> tree = Files.walk(dir)) {
          for (Path p : tree.sorted(Comparator.reverseOrder()).toList()) {
            Files.deleteIfExists(p);
          }
          removed++;
        } catch (IOException e) {
          // Left for the operator: docs/operations.md#after-a-crash.
        }
      }
    }
    return removed;
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
