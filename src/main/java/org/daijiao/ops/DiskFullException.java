package org.daijiao.ops;

import java.util.Map;
import java.util.OptionalLong;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;
import org.daijiao.UserFacingException;
import org.daijiao.UserFacingException.Code;
import org.daijiao.spark.FailureCause;
import org.daijiao.spark.SparkSessions;
import org.daijiao.spark.TableCheck;
import org.daijiao.spark.TableName;
import org.daijiao.spark.Tables;
import org.daijiao.spark.Warehouse;

/**
 * A run that met a full disk: one line naming the folder, that its disk is full, and about how much
 * space a run needs there (docs/operations.md, "A damaged table, a full disk"). A run writes a new
 * version of every table it replaces beside the old one, which the audit horizon keeps: it needs
 * about the size of the last finished run's tables again. Without a finished run, {@link
 * #WAREHOUSE_PER_INPUT_BYTE} times the input (measured on the bundled sample).
 */
public final class DiskFullException extends UserFacingException {
  /**
   * Bytes of tables one run writes per byte of input, when no run finished before: the bundled
   * sample's 763,522 bytes of exports made 1,522,654 bytes of tables (logs included).
   */
  static final double WAREHOUSE_PER_INPUT_BYTE = 2.0;

  private DiskFullException(String message, Throwable cause) {
    super(Code.DISK_FULL, message, cause);
  }

  /**
   * The one-line error when {@code e} is a full disk, else null.
   *
   * @param inputDir the run's input folder, or null (a run of one stage that reads no input)
   */
  public static DiskFullException of(
      Throwable e, SparkSession spark, Warehouse warehouse, String inputDir) {
    if (!FailureCause.isDiskFull(e)) {
      return null;
    }
    String root = warehouse.root();
    String folder =
        FailureCause.pathIn(e, p -> p.contains("/blockmgr-") || p.contains("/spark-"))
            .map(p -> "Spark's scratch folder (" + p + ")")
            .orElse(root);
    long input = inputDir == null ? 0 : SparkSessions.bytesUnder(spark, inputDir);
    long lastRun = lastRunBytes(spark, warehouse);
    long needed = lastRun > 0 ? lastRun : (long) (input * WAREHOUSE_PER_INPUT_BYTE);
    String free = free(spark, root);
    return new DiskFullException(
        "The disk under "
            + folder
            + " is full (no space left on device"
            + free
            + "): the run stopped, and readers still see the tables as the last finished run left"
            + " them. A run writes about "
            + megabytes(needed)
            + " into "
            + root
            + (lastRun > 0
                ? " (the size of the last finished run's tables"
                : " (estimated from its input")
            + (input > 0 ? "; the input is " + megabytes(input) : "")
            + "): free at least that much there, or move the warehouse to a larger disk, then run"
            + " again; that run records this one in ops.runs as FAILED (docs/operations.md).",
        e);
  }

  /** The bytes of every table at the last finished run's versions; 0 when no run finished. */
  private static long lastRunBytes(SparkSession spark, Warehouse warehouse) {
    try {
      Map<String, Long> versions =
          FinishedRunMarker.read(spark, warehouse).map(FinishedRunMarker::versions).orElse(null);
      if (versions == null) {
        return 0;
      }
      long sum = 0;
      for (Map.Entry<String, Long> v : versions.entrySet()) {
        int dot = v.getKey().indexOf('.');
        TableName t = new TableName(v.getKey().substring(0, dot), v.getKey().substring(dot + 1));
        if (!t.equals(Tables.RUNS)) {
          OptionalLong bytes = TableCheck.liveBytes(spark, warehouse, t, v.getValue());
          sum += bytes.orElse(0);
        }
      }
      return sum;
    } catch (RuntimeException e) {
      return 0;
    }
  }

  private static String free(SparkSession spark, String root) {
    try {
      Path p = new Path(root);
      FileSystem fs = SparkSessions.fileSystem(spark, p);
      long remaining =
          "file".equals(fs.getUri().getScheme())
              ? new java.io.File(Path.getPathWithoutSchemeAndAuthority(p).toString())
                  .getUsableSpace()
              : fs.getStatus(p).getRemaining();
      return ", " + megabytes(remaining) + " free now";
    } catch (java.io.IOException | RuntimeException e) {
      return "";
    }
  }

  /** A size as people read it: kB below a megabyte, then MB and GB with one decimal. */
  static String megabytes(long bytes) {
    if (bytes < 1_000_000) {
      return String.format("%,d kB", (bytes + 999) / 1000);
    }
    return bytes < 1_000_000_000
        ? String.format("%.1f MB", bytes / 1e6)
        : String.format("%.1f GB", bytes / 1e9);
  }
}
