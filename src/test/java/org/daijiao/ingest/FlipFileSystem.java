package org.daijiao.ingest;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;

/**
 * The local file system under the scheme {@code flip:}, where opening a file first gives it the
 * next content queued for its name: a department replacing an export at the moment a run reads it.
 * Executors of a local session run in the test's JVM, so the queue is shared with them.
 */
public final class FlipFileSystem extends RawLocalFileSystem {
  static final String SCHEME = "flip";
  private static final Map<String, Deque<byte[]>> NEXT = new ConcurrentHashMap<>();

  /** Each later open of a file named {@code name} replaces it by the next of {@code contents}. */
  static void replaceOnOpen(String name, byte[]... contents) {
    NEXT.put(name, new ArrayDeque<>(java.util.List.of(contents)));
  }

  /** The contents still queued for {@code name} (one less for every open). */
  static int stillQueued(String name) {
    Deque<byte[]> q = NEXT.get(name);
    return q == null ? 0 : q.size();
  }

  static void clear() {
    NEXT.clear();
  }

  @Override
  public URI getUri() {
    return URI.create(SCHEME + ":///");
  }

  @Override
  public String getScheme() {
    return SCHEME;
  }

  @Override
  public FSDataInputStream open(Path f, int bufferSize) throws IOException {
    Deque<byte[]> q = NEXT.get(f.getName());
    if (q != null) {
      byte[] next;
      synchronized (q) {
        next = q.poll();
      }
      if (next != null) {
        Files.write(pathToFile(f).toPath(), next);
      }
    }
    return super.open(f, bufferSize);
  }
}
