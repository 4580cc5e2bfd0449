package org.daijiao.ops;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import org.daijiao.UserFacingException;
import org.daijiao.UserFacingException.Code;

/**
 * The lock of a warehouse on this machine's file system: the kernel's lock on {@code
 * <warehouse>/_daijiao/lock}, which the kernel drops when the holding process ends, also on SIGKILL
 * (docs/operations.md#lock).
 */
final class LocalWarehouseLock extends WarehouseLock {
  /**
   * Blanks after the lock's text: room for a failed run's error class on a full disk (the text of a
   * holder grows by its class name, some 60 bytes).
   */
  private static final int ROOM = 256;

  /** The lock files this JVM holds. */
  private static final java.util.Set<Path> HELD = new java.util.HashSet<>();

  private final Path file;
  private FileChannel channel;
  private FileLock lock;

  LocalWarehouseLock(String root) {
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
      LockHolder left = LockFileJson.parse(content);
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
      tookOverFrom(left);
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
   * Overwrites the text in place, then cuts the file to its length: never a moment without a text,
   * and the blocks stay allocated. The text is followed by {@link #ROOM} blanks, so that a failed
   * run's error class fits into the file's blocks on a full disk ({@code within}).
   */
  private void write(LockHolder me, boolean within) throws IOException {
    byte[] text = LockFileJson.text(me);
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
    LockHolder holder = LockFileJson.parse(content);
    return holder != null
        ? holder
        : LockHolder.of("(starting)", "(starting)", java.util.List.of(), Instant.now());
  }

  private static void createPrivateFile(Path file) throws IOException {
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

  private static void createPrivateDirectory(Path dir) throws IOException {
    if (Files.isDirectory(dir)) {
      return;
    }
    if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
      Files.createDirectories(
          dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    } else {
      Files.createDirectories(dir);
    }
  }

  private static Path localFile(String root) {
    String path = root.startsWith("file:") ? java.net.URI.create(root).getPath() : root;
    return Path.of(path, "_daijiao", "lock");
  }
}
