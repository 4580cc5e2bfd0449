package org.daijiao.ops;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.hadoop.fs.FileAlreadyExistsException;
import org.apache.hadoop.fs.FileStatus;
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
 */
public abstract sealed class WarehouseLock implements AutoCloseable {
  static final Duration HEARTBEAT = Duration.ofSeconds(30);
  static final Duration STALE = Duration.ofMinutes(3);
  private static final Duration POLL = Duration.ofSeconds(2);
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * Blanks after the lock's text: room for a failed run's error class on a full disk (the text of a
   * holder grows by its class name, some 60 bytes).
   */
  private static final int ROOM = 256;

  final String warehouseRoot;
  boolean clearOnClose = true;
  private LockHolder previous;

  private WarehouseLock(String warehouseRoot) {
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
    WarehouseLock lock = isLocal(root) ? new Local(root) : new Shared(spark, warehouse, root);
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
        return parse(in.readAllBytes());
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
      return !Shared.isDead(spark, warehouse, holder);
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

  private static java.nio.file.Path localFile(String root) {
    String path = root.startsWith("file:") ? java.net.URI.create(root).getPath() : root;
    return java.nio.file.Path.of(path, "_daijiao", "lock");
  }

  private static LockHolder parse(byte[] text) throws IOException {
    String s = new String(text, StandardCharsets.UTF_8).strip();
    if (s.isEmpty()) {
      return null;
    }
    try {
      return JSON.readValue(s, LockHolder.class);
    } catch (com.fasterxml.jackson.core.JacksonException e) {
      // A lock file cut short by a crash while it was written names no run we could record.
      return new LockHolder(
          "unknown",
          "unknown",
          java.util.List.of(),
          Instant.EPOCH.toString(),
          "unknown-host",
          -1,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          java.util.Map.of(),
          java.util.List.of(),
          null);
    }
  }

  private static byte[] text(LockHolder holder) {
    try {
      return JSON.writeValueAsBytes(holder);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
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

  /** A warehouse on this machine's file system: the kernel's lock on the file. */
  static final class Local extends WarehouseLock {
    /** The lock files this JVM holds. */
    private static final java.util.Set<java.nio.file.Path> HELD = new java.util.HashSet<>();

    private final java.nio.file.Path file;
    private FileChannel channel;
    private FileLock lock;

    Local(String root) {
      super(root);
      this.file = localFile(root);
    }

    @Override
    LockHolder tryAcquire(LockHolder me) {
      try {
        createPrivateDirectory(file.getParent());
        synchronized (HELD) {
          if (HELD.contains(file)) {
            // Held by another command in this JVM (an embedding application, the tests). No second
            // channel is opened on the file: closing it would drop the process's kernel lock.
            return holderOrUnknown(Files.readAllBytes(file));
          }
        }
        if (!Files.exists(file)) {
          createPrivateFile(file);
        }
        FileChannel ch =
            FileChannel.open(
                file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        FileLock l;
        try {
          l = ch.tryLock();
        } catch (OverlappingFileLockException e) {
          l = null;
        }
        byte[] content = readAll(ch);
        if (l == null) {
          ch.close();
          return holderOrUnknown(content);
        }
        LockHolder left = parse(content);
        if (left != null && !left.ended() && left.processAlive().orElse(false)) {
          // The kernel says free, the file names a live process: locks do not work here (an NFS
          // mount without lock support). Taking over would let two runs write.
          l.release();
          ch.close();
          throw new UserFacingException(
              Code.LOCKED,
              "The lock of "
                  + warehouseRoot
                  + " names run "
                  + left.runId()
                  + " of process "
                  + left.pid()
                  + ", which still runs, but that process does not hold the file lock: this file"
                  + " system does not lock files (an NFS mount without lock support?). Put the"
                  + " warehouse on a local disk or HDFS (docs/operations.md#lock).");
        }
        this.channel = ch;
        this.lock = l;
        synchronized (HELD) {
          HELD.add(file);
        }
        super.previous = left;
        write(me, false);
        return null;
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot lock warehouse " + warehouseRoot, e);
      }
    }

    @Override
    public void update(LockHolder me) {
      try {
        write(me, false);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    void recordFailure(LockHolder failed) {
      try {
        write(failed, true);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    /**
     * Overwrites the text in place, then cuts the file to its length: never a moment without a
     * text, and the blocks stay allocated. The text is followed by {@link #ROOM} blanks, so that a
     * failed run's error class fits into the file's blocks on a full disk ({@code within}).
     */
    private void write(LockHolder me, boolean within) throws IOException {
      byte[] text = text(me);
      long size = channel.size();
      int length = within && size >= text.length ? (int) size : text.length + ROOM;
      ByteBuffer buffer = ByteBuffer.allocate(length);
      buffer.put(text);
      while (buffer.hasRemaining()) {
        buffer.put((byte) ' ');
      }
      buffer.flip();
      channel.write(buffer, 0);
      channel.truncate(length);
      channel.force(true);
    }

    @Override
    public void close() {
      if (channel == null) {
        return;
      }
      try {
        if (clearOnClose) {
          channel.truncate(0);
          channel.force(true);
        }
        lock.release();
        channel.close();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } finally {
        channel = null;
        synchronized (HELD) {
          HELD.remove(file);
        }
      }
    }

    /** A holder that held the lock but could not be parsed is still a holder. */
    private static LockHolder holderOrUnknown(byte[] content) throws IOException {
      LockHolder holder = parse(content);
      return holder != null
          ? holder
          : LockHolder.of("(starting)", "(starting)", java.util.List.of(), Instant.now());
    }

    private static void createPrivateFile(java.nio.file.Path file) throws IOException {
      try {
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
          Files.createFile(
              file,
              PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } else {
          Files.createFile(file);
        }
      } catch (java.nio.file.FileAlreadyExistsException e) {
        // Another run created it first: it is then locked or free, as tryLock will tell.
      }
    }

    private static byte[] readAll(FileChannel ch) throws IOException {
      ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(ch.size(), 1 << 20));
      ch.read(buffer, 0);
      return java.util.Arrays.copyOf(buffer.array(), buffer.position());
    }

    private static void createPrivateDirectory(java.nio.file.Path dir) throws IOException {
      if (Files.isDirectory(dir)) {
        return;
      }
      if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
        Files.createDirectories(
            dir,
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
      } else {
        Files.createDirectories(dir);
      }
    }
  }

  /**
   * A warehouse on HDFS or an object store: an exclusively created file with a heartbeat. Exclusive
   * creation is atomic on HDFS; on object stores it is not (docs/operations.md#lock).
   */
  static final class Shared extends WarehouseLock {
    private final FileSystem fs;
    private final Path file;
    private ScheduledExecutorService heartbeat;

    Shared(SparkSession spark, Warehouse warehouse, String root) {
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
          holder = parse(in.readAllBytes());
        }
        if (holder == null || stale(holder, status)) {
          // Only the run whose exclusive create wins after the delete holds the lock.
          fs.delete(file, false);
          if (create(me)) {
            super.previous = holder;
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
        out.write(text(me));
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
        out.write(text(me));
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
}
