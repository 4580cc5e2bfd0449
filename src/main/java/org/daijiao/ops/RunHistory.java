package org.daijiao.ops;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.daijiao.UserFacingException;
import org.daijiao.UserFacingException.Code;
import org.daijiao.spark.Tables;
import org.daijiao.spark.Warehouse;

/**
 * The recorded runs of a warehouse ({@code ops.runs}), newest first. A county's warehouse records a
 * few dozen runs a year, so they are read onto the driver whole.
 */
public final class RunHistory {
  private final Warehouse warehouse;
  private final List<RunRecord> runs;

  private RunHistory(Warehouse warehouse, List<RunRecord> runs) {
    this.warehouse = warehouse;
    this.runs = runs;
  }

  /** The runs of the warehouse; none when nothing has been recorded yet. */
  public static RunHistory read(SparkSession spark, Warehouse warehouse) {
    List<RunRecord> runs = new ArrayList<>();
    if (warehouse.exists(spark, Tables.RUNS)) {
      for (Row r : RunColumns.RUNS.select(warehouse.read(spark, Tables.RUNS)).collectAsList()) {
        runs.add(RunRecord.fromRow(r));
      }
    }
    runs.sort(
        Comparator.comparing(RunRecord::startedAt).thenComparing(RunRecord::runId).reversed());
    return new RunHistory(warehouse, List.copyOf(runs));
  }

  public List<RunRecord> newestFirst() {
    return runs;
  }

  public Optional<RunRecord> find(String runId) {
    return runs.stream().filter(r -> r.runId().equals(runId)).findFirst();
  }

  /**
   * The run with this id.
   *
   * @param option the option that named it, for the message ({@code --run}, {@code --from})
   * @throws UserFacingException when the warehouse recorded no such run
   */
  public RunRecord require(String runId, String option) {
    return find(runId)
        .orElseThrow(
            () ->
                new UserFacingException(
                    Code.WAREHOUSE,
                    option
                        + " "
                        + runId
                        + ": no run with this id is recorded in "
                        + warehouse.root()
                        + (runs.isEmpty()
                            ? " (it records none yet: runs are recorded from daijiao 0.1.0 on)"
                            : " (" + runs.size() + " runs, the latest " + runs.get(0).runId() + ")")
                        + ". `bin/daijiao runs --warehouse "
                        + warehouse.root()
                        + "` lists them."));
  }

  /**
   * The latest run that changed tables and did not finish (killed, failed) with no finished run
   * after it: its changes are what the warehouse's latest versions hold beyond the last finished
   * run's. Empty when the latest run that changed a table finished.
   */
  public Optional<RunRecord> unfinishedChanges() {
    return runs.stream()
        .filter(r -> r.outcome() == RunRecord.Outcome.SUCCEEDED || !r.tablesWritten().isEmpty())
        .findFirst()
        .filter(r -> r.outcome() != RunRecord.Outcome.SUCCEEDED);
  }

  /**
   * The latest run that finished: its table versions are the last complete state of the warehouse.
   * Empty when none did.
   */
  public Optional<RunRecord> lastSucceeded() {
    return runs.stream().filter(r -> r.outcome() == RunRecord.Outcome.SUCCEEDED).findFirst();
  }

  /**
   * Content hash → the latest run that finished after ingesting a file with that content: how a run
   * recognises a file it has seen before.
   */
  public Map<String, RunRecord> ingestedBefore() {
    Map<String, RunRecord> seen = new LinkedHashMap<>();
    for (RunRecord r : runs) {
      if (r.outcome() == RunRecord.Outcome.SUCCEEDED && r.inputFiles() != null) {
        for (RunRecord.InputFile f : r.inputFiles()) {
          seen.putIfAbsent(f.sha256(), r);
        }
      }
    }
    return seen;
  }

  /**
   * A repeated run: the latest finished run that read files of the same contents, with the same
   * policy file content and as_of. Empty when there is none, or this run read no files or applies
   * no policy.
   */
  Optional<String> repeatOf(List<RunRecord.InputFile> files, String policySha256, LocalDate asOf) {
    if (files == null || policySha256 == null) {
      return Optional.empty();
    }
    List<String> mine = hashes(files);
    return runs.stream()
        .filter(r -> r.outcome() == RunRecord.Outcome.SUCCEEDED && r.inputFiles() != null)
        .filter(
            r ->
                policySha256.equals(r.policySha256())
                    && Objects.equals(asOf, r.asOf())
                    && mine.equals(hashes(r.inputFiles())))
        .map(RunRecord::runId)
        .findFirst();
  }

  private static List<String> hashes(List<RunRecord.InputFile> files) {
    return files.stream().map(RunRecord.InputFile::sha256).sorted().toList();
  }
}
