package org.daijiao.spark;

import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.daijiao.UserFacingException;
import org.daijiao.UserFacingException.Code;

/**
 * The causes of a failure that the machine or the user produced, not a bug: a full disk, a refused
 * permission, a driver out of memory, a file of a table that went missing while it was read. Spark,
 * Delta and Hadoop wrap them in their own exceptions (a job aborted, an FSError, a task's text in
 * the message); this looks through the whole chain, causes and suppressed, messages included
 * (docs/operations.md, "A damaged table, a full disk").
 */
public final class FailureCause {
  private static final Pattern PATH =
      Pattern.compile("((?:file:|hdfs:|[a-z][a-z0-9+.-]*://)?/[^\\s:;,'\"()\\[\\]]+)");

  private FailureCause() {}

  /** True when the disk was full: ENOSPC, "No space left on device", anywhere in the chain. */
  public static boolean isDiskFull(Throwable e) {
    return any(e, t -> String.valueOf(t.getMessage()).contains("No space left on device"));
  }

  /** True when the file system refused access somewhere in the chain. */
  public static boolean isPermission(Throwable e) {
    return any(
        e,
        t ->
            t instanceof java.nio.file.AccessDeniedException
                || t instanceof org.apache.hadoop.security.AccessControlException
                || String.valueOf(t.getMessage()).contains("Permission denied"));
  }

  /** True when the driver ran out of heap (an executor's lost memory reaches it as a message). */
  public static boolean isOutOfMemory(Throwable e) {
    return any(
        e,
        t ->
            t instanceof OutOfMemoryError
                || String.valueOf(t.getMessage()).contains("java.lang.OutOfMemoryError"));
  }

  /** True when a file that was listed went missing while it was read. */
  public static boolean isMissingFile(Throwable e) {
    return any(
        e,
        t ->
            t.getClass().getSimpleName().equals("SparkFileNotFoundException")
                || t instanceof java.io.FileNotFoundException
                || String.valueOf(t.getMessage()).contains("FileNotFoundException"));
  }

  /** The first path a message in the chain names that satisfies {@code where}, if any. */
  public static Optional<String> pathIn(Throwable e, Predicate<String> where) {
    String[] found = new String[1];
    any(
        e,
        t -> {
          Matcher m = PATH.matcher(String.valueOf(t.getMessage()));
          while (m.find()) {
            if (where.test(m.group(1))) {
              found[0] = m.group(1);
              return true;
            }
          }
          return false;
        });
    return Optional.ofNullable(found[0]);
  }

  /**
   * The one-line error for a cause of the machine's or the user's making, or empty for a bug.
   * Without the run's context: {@code ops/DiskFull} says more about a full disk under a run.
   */
  public static Optional<UserFacingException> named(Throwable e) {
    if (e instanceof UserFacingException u) {
      return Optional.of(u);
    }
    if (isOutOfMemory(e)) {
      return Optional.of(
          new UserFacingException(
              Code.MEMORY,
              "The driver ran out of memory (java.lang.OutOfMemoryError): "
                  + Code.MEMORY.fix()
                  + " (docs/operations.md).",
              e));
    }
    if (isDiskFull(e)) {
      String where = pathIn(e, p -> true).map(p -> " (writing " + p + ")").orElse("");
      return Optional.of(
          new UserFacingException(
              Code.DISK_FULL,
              "The disk is full: no space left on device"
                  + where
                  + ". "
                  + Code.DISK_FULL.fix()
                  + ".",
              e));
    }
    if (isPermission(e)) {
      String where = refusedPath(e).map(p -> " to " + p).orElse("");
      return Optional.of(
          new UserFacingException(
              Code.PERMISSION,
              "Permission denied"
                  + where
                  + ": give the user that runs daijiao access to it (and the warehouse folder),"
                  + " then run again.",
              e));
    }
    if (isMissingFile(e)) {
      String where =
          pathIn(e, p -> p.endsWith(".parquet") || p.contains("_delta_log"))
              .map(p -> ": " + p)
              .orElse("");
      return Optional.of(
          new UserFacingException(
              Code.DAMAGED_TABLE,
              "A file of a table is missing"
                  + where
                  + ". Run bin/daijiao maintain --check: it names the damaged table and the way out"
                  + " (restore from a backup, or the rerun that rebuilds it; docs/operations.md).",
              e));
    }
    return Optional.empty();
  }

  /** The path the file system refused: named by the refusal itself, else anywhere in the chain. */
  private static Optional<String> refusedPath(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof java.nio.file.AccessDeniedException
          || t instanceof org.apache.hadoop.security.AccessControlException) {
        Optional<String> own = pathIn(new RuntimeException(t.getMessage()), p -> true);
        if (own.isPresent()) {
          return own;
        }
      }
    }
    return pathIn(e, p -> true);
  }

  private static boolean any(Throwable e, Predicate<Throwable> test) {
    return any(e, test, new IdentityHashMap<>());
  }

  private static boolean any(Throwable e, Predicate<Throwable> test, Map<Throwable, Boolean> seen) {
    if (e == null || seen.put(e, Boolean.TRUE) != null) {
      return false;
    }
    if (test.test(e)) {
      return true;
    }
    for (Throwable s : e.getSuppressed()) {
      if (any(s, test, seen)) {
        return true;
      }
    }
    return any(e.getCause(), test, seen);
  }
}
