package org.daijiao.ops;

/**
 * A run that ended without its record in {@code ops.runs}, as its lock file left it: killed
 * (ABANDONED), or failed and unable to append its record, a full disk (FAILED with its error class,
 * docs/operations.md). The run that takes the lock over records it with these.
 */
final class LeftRun {
  private LeftRun() {}

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
