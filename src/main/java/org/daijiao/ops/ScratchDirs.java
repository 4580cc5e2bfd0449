package org.daijiao.ops;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.spark.SparkEnv;
import org.apache.spark.SparkFiles;

/**
 * Spark's local directories of a run: shuffle and spill files hold rows (IDs, names) while a run
 * lasts; Spark deletes them when it stops, a killed process cannot. A run notes its own in the lock
 * file, and the run that takes over a killed run's lock on the same host removes them.
 */
final class ScratchDirs {
  private ScratchDirs() {}

  /** The local directories of this process; none when the session is not local. */
  static List<String> ofThisProcess() {
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

  /**
   * Removes the scratch directories a killed run on this host left; only Spark's own names.
   *
   * @return how many were removed
   */
  static int removeLeftBy(LockHolder killed) {
    if (!killed.processAlive().equals(Optional.of(false)) || killed.scratchDirs() == null) {
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
}
