package org.daijiao.ops;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.hadoop.fs.FileAlreadyExistsException;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;
import org.daijiao.spark.SparkSessions;
import org.daijiao.spark.Warehouse;

/**
 * A warehouse on HDFS or an object store: an exclusively created file with a heartbeat. Exclusive
 * creation is atomic on HDFS; on object stores it is not (docs/operations.md#lock).
 */
final class SharedWarehouseLock extends WarehouseLock {
  private final FileSystem fs;
  private final Path file;
  private ScheduledExecutorService heartbeat;

  SharedWarehouseLock(SparkSession spark, Warehouse warehouse, String root) {
    super(root);
    this.file = new Path(WarehouseFormat.opsDirectory(warehouse), "lock");
    try {
      this.fs = SparkSessions.fileSystem(spark, file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  LockHolder tryAcquire(LockHolder me) {
    try {
      if (create(me)) {
        return null;
      }
      FileStatus status = fs.getFileStatus(file);
      LockHolder holder;
      try (InputStream in = fs.open(file)) {
        holder = LockFileJson.parse(in.readAllBytes());
      }
      if (holder == null || stale(holder, status)) {
        // Only the run whose exclusive create wins after the delete holds the lock.
        fs.delete(file, false);
        if (create(me)) {
          tookOverFrom(holder);
          return null;
        }
        return holder;
      }
      return holder;
    } catch (java.io.FileNotFoundException e) {
      return tryAcquire(me);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot lock warehouse " + warehouseRoot, e);
    }
  }

  private boolean create(LockHolder me) throws IOException {
    fs.mkdirs(file.getParent());
    try (OutputStream out = fs.create(file, false)) {
      out.write(LockFileJson.text(me));
    } catch (FileAlreadyExistsException e) {
      return false;
    } catch (IOException e) {
      if (fs.exists(file)) {
        return false;
      }
      throw e;
    }
    heartbeat =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "daijiao-lock-heartbeat");
              t.setDaemon(true);
              return t;
            });
    heartbeat.scheduleAtFixedRate(
        this::beat, HEARTBEAT.toMillis(), HEARTBEAT.toMillis(), TimeUnit.MILLISECONDS);
    return true;
  }

  private void beat() {
    try {
      fs.setTimes(file, System.currentTimeMillis(), -1);
    } catch (IOException e) {
      // A missed beat; the next one follows. Three minutes of misses make the lock stale.
    }
  }

  private static boolean stale(LockHolder holder, FileStatus status) {
    if (holder.ended() || !holder.processAlive().orElse(true)) {
      return true;
    }
    return Instant.ofEpochMilli(status.getModificationTime()).plus(STALE).isBefore(Instant.now());
  }

  static boolean isDead(SparkSession spark, Warehouse warehouse, LockHolder holder) {
    Path file = new Path(WarehouseFormat.opsDirectory(warehouse), "lock");
    try {
      return stale(holder, SparkSessions.fileSystem(spark, file).getFileStatus(file));
    } catch (IOException e) {
      return true;
    }
  }

  @Override
  void recordFailure(LockHolder failed) {
    update(failed);
  }

  @Override
  public void update(LockHolder me) {
    try (OutputStream out = fs.create(file, true)) {
      out.write(LockFileJson.text(me));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    if (heartbeat == null) {
      return;
    }
    heartbeat.shutdownNow();
    heartbeat = null;
    if (!clearOnClose) {
      return;
    }
    try {
      fs.delete(file, false);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
