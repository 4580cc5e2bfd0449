package org.daijiao.ops;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;
import org.daijiao.UserFacingException;
import org.daijiao.UserFacingException.Code;
import org.daijiao.spark.SparkSessions;
import org.daijiao.spark.Warehouse;

/**
 * One writer per warehouse: {@code <warehouse>/_daijiao/lock}, held by a command that writes tables
 * from before its first write until after its run record. A second writer stops at once with {@code
 * another daijiao run (run id …, started …) is writing to WAREHOUSE} (or waits, with {@code
 * --wait}). Readers never take it.
 *
 * <p>On a local file system the lock is the operating system's lock on that file: the kernel drops
 * it when the holding process ends, also on SIGKILL or a crash, so a lock can never outlive its
 * run. The file's text names the holder; a holder that ends normally clears it, so a lock that is
 * free but still names a run was left by a run that was killed: the next writer takes it over and
 * records that run as ABANDONED. On HDFS and object stores there is no such lock: the file is
 * created exclusively and its modification time is a heartbeat every {@link #HEARTBEAT}; a lock
 * whose heartbeat is older than {@link #STALE}, or whose process on this host is gone, is taken
 * over (docs/operations.md#lock, for the limits).
 *
 * <p>This class is what a run and a reader use: taking the lock (and waiting), reading who holds
 * it, telling whether that run still runs. The two locks are {@link LocalWarehouseLock} and {@link
 * SharedWarehouseLock}; the file's text (JSON of a {@link LockHolder}) is {@link LockFileJson}'s.
 */
public abstract sealed class WarehouseLock implements AutoCloseable
    permits LocalWarehouseLock, SharedWarehouseLock {
  static final Duration HEARTBEAT = Duration.ofSeconds(30);
  static final Duration STALE = Duration.ofMinutes(3);
  private static final Duration POLL = Duration.ofSeconds(2);

  final String warehouseRoot;
  boolean clearOnClose = true;
  private LockHolder previous;

  WarehouseLock(String warehouseRoot) {
    this.warehouseRoot = warehouseRoot;
  }

  /**
   * Takes the lock of the warehouse for {@code me}, waiting up to {@code wait} (zero: not at all).
   *
   * @throws UserFacingException (LOCKED) when another run holds it
   */
  public static WarehouseLock acquire(
      SparkSession spark, Warehouse warehouse, LockHolder me, Duration wait) {
    String root = warehouse.root();
    WarehouseLock lock =
        isLocal(root)
            ? new LocalWarehouseLock(root)
            : new SharedWarehouseLock(spark, warehouse, root);
    Instant deadline = Instant.now().plus(wait);
    while (true) {
      LockHolder holder = lock.tryAcquire(me);
      if (holder == null) {
        return lock;
      }
      if (!Instant.now().isBefore(deadline)) {
        throw held(holder, root, wait);
      }
      try {
        Thread.sleep(POLL.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw held(holder, root, wait);
      }
    }
  }

  /** What the lock file says now, or null when no run holds it or it names none. */
  public static LockHolder current(SparkSession spark, Warehouse warehouse) {
    Path file = new Path(WarehouseFormat.opsDirectory(warehouse), "lock");
    try {
      FileSystem fs = SparkSessions.fileSystem(spark, file);
      if (!fs.exists(file)) {
        return null;
      }
      try (InputStream in = fs.open(file)) {
        return LockFileJson.parse(in.readAllBytes());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * True when the run named by the lock file is still running, false when its process is gone
   * (killed: the next writer takes the lock over). Decided from the file alone — a reader never
   * takes the lock, not even to probe it, so that it cannot make a starting writer fail. A holder
   * on another host is taken for running unless its heartbeat (HDFS, object stores) is stale.
   */
  public static boolean isHeld(SparkSession spark, Warehouse warehouse) {
    LockHolder holder = current(spark, warehouse);
    if (holder == null) {
      return false;
    }
    if (!isLocal(warehouse.root())) {
      return !SharedWarehouseLock.isDead(spark, warehouse, holder);
    }
    return !holder.ended() && holder.processAlive().orElse(true);
  }

  /**
   * The run that held the lock before and was killed (its process gone, the lock taken over by this
   * one), or null.
   */
  public LockHolder previous() {
    return previous;
  }

  /** Notes the killed run whose lock this one took over. */
  void tookOverFrom(LockHolder killed) {
    this.previous = killed;
  }

  /**
   * Makes {@link #close} leave the lock file's text: the run could not record itself, so the next
   * run takes the lock over as from a killed run and records this one as ABANDONED.
   */
  public void leaveForNextRun() {
    clearOnClose = false;
  }

  /**
   * As {@link #leaveForNextRun()} for a run that failed: the lock's text names its error class
   * ({@link LockHolder#failedWith}), so that the next run records it as FAILED. Written within the
   * file's current size where the file system allows (a full disk has no block to spare); when even
   * that fails, the next run records it as ABANDONED.
   */
  public void leaveForNextRun(LockHolder failed) {
    clearOnClose = false;
    try {
      recordFailure(failed);
    } catch (RuntimeException e) {
      // The text stays as it was: the next run records this one as ABANDONED.
    }
  }

  /** Writes a failed run's holder into the lock file, without growing it where possible. */
  abstract void recordFailure(LockHolder failed);

  /** Rewrites the lock file's text: what the run has learnt since (policy, inputs, start). */
  public abstract void update(LockHolder me);

  /** Releases the lock: clears its text, then lets the next run take it. */
  @Override
  public abstract void close();

  /** Takes the lock, or returns the holder that has it. */
  abstract LockHolder tryAcquire(LockHolder me);

  static boolean isLocal(String root) {
    return !root.matches("^[A-Za-z][A-Za-z0-9+.-]*:.*") || root.startsWith("file:");
  }

  private static UserFacingException held(LockHolder holder, String root, Duration waited) {
    return new UserFacingException(
        Code.LOCKED,
        "another daijiao run (run id "
            + holder.runId()
            + ", started "
            + local(holder.startedAt())
            + ") is writing to "
            + root
            + " — `"
            + holder.command()
            + "` in process "
            + holder.pid()
            + " on "
            + holder.host()
            + (waited.isZero() ? "" : "; waited " + waited.toMinutes() + " min")
            + ". Wait until it has finished (`bin/daijiao runs` shows it), or pass --wait MINUTES.");
  }

  /** An instant as the operator's clock shows it. */
  public static String local(String instant) {
    try {
      return DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss xxx")
          .format(Instant.parse(instant).atZone(ZoneId.systemDefault()));
    } catch (java.time.DateTimeException e) {
      return instant;
    }
  }
}
