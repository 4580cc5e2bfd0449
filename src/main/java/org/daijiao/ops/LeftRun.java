package org.daijiao.ops;

import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.daijiao.spark.Progress;
import org.daijiao.spark.Warehouse;

/**
 * A run that ended without its record in {@code ops.runs}, as its lock file left it: killed
 * (ABANDONED), or failed and unable to append its record, a full disk (FAILED with its error class,
 * docs/operations.md). The run that takes the lock over records it with these.
 */
final class LeftRun {
  private LeftRun() {}

  /**
   * Takes over from {@code left}, whose lock this run now holds: appends its record to {@code
   * ops.runs} and removes the Spark scratch directories it left on this host.
   */
  static void takeOver(
      SparkSession spark, Warehouse warehouse, Progress progress, LockHolder left) {
    Map<String, Long> now = RunRecords.versions(spark, warehouse);
    RunRecord recorded = RunRecords.left(left, now);
    progress.step(RecordedRun.STEP, note(left, recorded));
    // Recorded at once, not with this run's record: if this run is killed too, the next one only
    // knows this run's lock, and a chain of killed runs would leave only its last in ops.runs.
    // One extra commit, only after a crash.
    RunRecords.append(spark, warehouse, List.of(recorded));
    int removed = ScratchDirs.removeLeftBy(left);
    if (removed > 0) {
      progress.step(
          RecordedRun.STEP,
          "removed " + removed + " Spark scratch directories the killed run left behind");
    }
  }

  /** FAILED when the run wrote its error class into the lock, else ABANDONED. */
  static RunRecord.Outcome outcome(LockHolder left) {
    return left.ended() ? RunRecord.Outcome.FAILED : RunRecord.Outcome.ABANDONED;
  }

  /** What the taking-over run says about it on stderr. */
  static String note(LockHolder left, RunRecord recorded) {
    String run =
        "run "
            + left.runId()
            + " (`"
            + left.command()
            + "`, started "
            + WarehouseLock.local(left.startedAt())
            + ", process "
            + left.pid()
            + " on "
            + left.host()
            + ")";
    String tables =
        recorded.tablesWritten().isEmpty()
            ? "none"
            : String.join(", ", recorded.tablesWritten().keySet());
    if (left.ended()) {
      return run
          + " failed ("
          + left.failedWith()
          + ") and could not record itself: its lock is taken over and it is recorded as FAILED;"
          + " tables it changed: "
          + tables
          + " — this run writes them again";
    }
    return run
        + " ended without finishing: its lock is taken over and it is recorded as ABANDONED;"
        + " tables it changed: "
        + tables
        + " — this run writes them again";
  }
}
