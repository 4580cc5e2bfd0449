package org.daijiao.spark;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;
import org.daijiao.UserFacingException;

/**
 * Whether a table can be read at a version, found from its files alone, before Spark reads it: the
 * log is there and can be parsed up to the version, it adds up to the version's checksum file, and
 * every data file it lists is there with the size it records (docs/operations.md, "A damaged table,
 * a full disk"). No Spark job: one listing of {@code _delta_log}, the checkpoint and the commits
 * after it, one listing per folder of data files. What it cannot see: a data file of the right size
 * whose bytes were changed (Spark finds that when it reads the file).
 */
public final class TableCheck {
  private TableCheck() {}

  /**
   * The table's damage at {@code version} (its latest when negative), or empty when it is sound or
   * was never written (no folder at all).
   */
  public static Optional<TableDamage> check(
      SparkSession spark, Warehouse warehouse, TableName table, long version) {
    Path dir = new Path(warehouse.pathOf(table));
    long checked = version;
    try {
      FileSystem fs = SparkSessions.fileSystem(spark, dir);
      if (!fs.exists(dir)) {
        return Optional.empty();
      }
      // Listing the folder first: an unreadable folder is a permission, not a missing log.
      fs.listStatus(dir);
      DeltaLogFiles.State state = DeltaLogFiles.at(fs, dir, checked);
      return compare(fs, table, state);
    } catch (DeltaLogFiles.Damage d) {
      return Optional.of(new TableDamage(table, checked, d.kind, d.getMessage()));
    } catch (IOException | java.io.UncheckedIOException | IllegalStateException e) {
      if (isPermission(e)) {
        return Optional.of(
            new TableDamage(
                table,
                -1,
                TableDamage.Kind.NO_PERMISSION,
                "the file system refused to read " + dir + " or a file in it"));
      }
      return Optional.of(
          new TableDamage(
              table,
              -1,
              TableDamage.Kind.UNREADABLE_LOG,
              "its files cannot be read (" + e.getClass().getSimpleName() + ")"));
    }
  }

  /**
   * Throws the one-line error of the first damaged table among {@code versions} (table → version,
   * negative for the latest), naming how many others are damaged too.
   *
   * @throws DamagedTableException when any is damaged
   */
  public static void require(
      SparkSession spark, Warehouse warehouse, Map<TableName, Long> versions) {
    List<TableDamage> found = new ArrayList<>();
    versions.forEach((t, v) -> check(spark, warehouse, t, v).ifPresent(found::add));
    if (!found.isEmpty()) {
      throw new DamagedTableException(found, warehouse.root());
    }
  }

  /** As {@link #require(SparkSession, Warehouse, Map)} for one table at one version. */
  public static void require(
      SparkSession spark, Warehouse warehouse, TableName table, long version) {
    Map<TableName, Long> one = new LinkedHashMap<>();
    one.put(table, version);
    require(spark, warehouse, one);
  }

  /**
   * The bytes of the data files the table's log lists at {@code version} (its latest when
   * negative): about what a run that replaces the table writes again. Empty when it cannot tell.
   */
  public static java.util.OptionalLong liveBytes(
      SparkSession spark, Warehouse warehouse, TableName table, long version) {
    Path dir = new Path(warehouse.pathOf(table));
    try {
      FileSystem fs = SparkSessions.fileSystem(spark, dir);
      return java.util.OptionalLong.of(
          DeltaLogFiles.at(fs, dir, version).live().values().stream()
              .mapToLong(Long::longValue)
              .sum());
    } catch (DeltaLogFiles.Damage | IOException | RuntimeException e) {
      return java.util.OptionalLong.empty();
    }
  }

  /**
   * True when the table's folder is there but holds no Delta log: the table was written, and its
   * log is gone (an empty folder or none at all is a table never written).
   */
  public static boolean folderWithoutLog(SparkSession spark, Warehouse warehouse, TableName table) {
    Path dir = new Path(warehouse.pathOf(table));
    try {
      FileSystem fs = SparkSessions.fileSystem(spark, dir);
      return fs.exists(dir)
          && !fs.exists(new Path(dir, "_delta_log"))
          && fs.listStatus(dir).length > 0;
    } catch (IOException e) {
      return isPermission(e);
    }
  }

  private static Optional<TableDamage> compare(
      FileSystem fs, TableName table, DeltaLogFiles.State state) throws IOException {
    long bytes = state.live().values().stream().mapToLong(Long::longValue).sum();
    if (state.checksumFiles() != null && state.checksumFiles() != state.live().size()
        || state.checksumBytes() != null && state.checksumBytes() != bytes) {
      return Optional.of(
          new TableDamage(
              table,
              state.version(),
              TableDamage.Kind.CHECKSUM_MISMATCH,
              String.format(
                  "its log lists %s of %,d bytes, its checksum file %s records %s of %,d bytes (a"
                      + " log file was cut short or changed)",
                  files(state.live().size()),
                  bytes,
                  String.format("%020d.crc", state.version()),
                  state.checksumFiles() == null ? "?" : files(state.checksumFiles()),
                  state.checksumBytes())));
    }
    Map<Path, Map<String, Long>> listed = new HashMap<>();
    int missing = 0;
    int resized = 0;
    String firstMissing = null;
    String firstResized = null;
    for (Map.Entry<Path, Long> f : state.live().entrySet()) {
      Path parent = f.getKey().getParent();
      Map<String, Long> sizes = listed.computeIfAbsent(parent, p -> list(fs, p));
      Long size = sizes.get(f.getKey().getName());
      if (size == null) {
        missing++;
        firstMissing = firstMissing == null ? f.getKey().getName() : firstMissing;
      } else if (f.getValue() >= 0 && size.longValue() != f.getValue()) {
        resized++;
        if (firstResized == null) {
          firstResized =
              String.format(
                  "%s has %,d bytes, the log records %,d",
                  f.getKey().getName(), size, f.getValue());
        }
      }
    }
    if (missing > 0) {
      return Optional.of(
          new TableDamage(
              table,
              state.version(),
              TableDamage.Kind.MISSING_FILE,
              String.format(
                  "%,d of the %,d data files its log lists %s not there (%s)",
                  missing, state.live().size(), missing == 1 ? "is" : "are", firstMissing)));
    }
    if (resized > 0) {
      return Optional.of(
          new TableDamage(
              table,
              state.version(),
              TableDamage.Kind.WRONG_SIZE,
              String.format(
                  "%,d of the %,d data files its log lists %s another size (%s)",
                  resized, state.live().size(), resized == 1 ? "has" : "have", firstResized)));
    }
    return Optional.empty();
  }

  private static String files(long n) {
    return String.format("%,d data file%s", n, n == 1 ? "" : "s");
  }

  /** File name → size of one folder of data files; empty when the folder is gone. */
  private static Map<String, Long> list(FileSystem fs, Path dir) {
    Map<String, Long> sizes = new HashMap<>();
    try {
      Path qualified = fs.makeQualified(dir);
      for (FileStatus s : fs.listStatus(qualified)) {
        if (s.isFile()) {
          sizes.put(s.getPath().getName(), s.getLen());
        }
      }
    } catch (FileNotFoundException e) {
      // The whole folder is gone: every file of it is missing.
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return sizes;
  }

  /** The error of a table whose folder or log the file system refuses to read. */
  static DamagedTableException permissionDenied(TableName table, String warehouseRoot) {
    return new DamagedTableException(
        List.of(
            new TableDamage(
                table,
                -1,
                TableDamage.Kind.NO_PERMISSION,
                "the file system refused to read its folder or a file in it")),
        warehouseRoot);
  }

  /** True when {@code e} or a cause of it is the file system refusing access. */
  static boolean isPermission(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof java.nio.file.AccessDeniedException
          || t instanceof org.apache.hadoop.security.AccessControlException
          || String.valueOf(t.getMessage()).contains("Permission denied")) {
        return true;
      }
    }
    return false;
  }

  /** A damaged table the command was to read or replace: one line, the table and the way out. */
  public static final class DamagedTableException extends UserFacingException {
    private final transient List<TableDamage> damage;

    public DamagedTableException(List<TableDamage> damage, String warehouseRoot) {
      super(
          Code.DAMAGED_TABLE,
          damage.get(0).line(warehouseRoot)
              + (damage.size() > 1
                  ? " "
                      + (damage.size() - 1)
                      + " more damaged table(s): bin/daijiao maintain --check lists them."
                  : ""));
      this.damage = List.copyOf(damage);
    }

    /** Every damaged table found, the first one named in the message. */
    public List<TableDamage> damage() {
      return damage;
    }
  }
}
