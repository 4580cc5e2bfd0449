package org.daijiao.ops;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;
import org.daijiao.UserFacingException;
import org.daijiao.UserFacingException.Code;
import org.daijiao.spark.SparkSessions;
import org.daijiao.spark.Warehouse;

/**
 * The warehouse's format marker, {@code <warehouse>/_daijiao/warehouse.json}: which layout of
 * tables and run records it holds, which daijiao wrote it last, and the longest audit horizon any
 * run's policy asked for (Delta keeps the history of every table at least that long). A daijiao
 * refuses a warehouse of a newer format — its tables or records may mean something this version
 * does not know — rather than misread or damage it. A warehouse without a marker was written before
 * run records existed (format 0) and is upgraded by its next run.
 *
 * @param format the warehouse format
 * @param writtenBy the daijiao version that stamped it
 * @param auditHorizonYears the longest audit horizon (years) of the policies that wrote to it
 */
public record WarehouseFormat(int format, String writtenBy, int auditHorizonYears) {
  /**
   * The format this daijiao writes: 1 = the four layers plus {@code ops.runs}, the lock and this
   * marker in {@code _daijiao/}.
   */
  public static final int CURRENT = 1;

  /** This daijiao's version, as run records and the marker name it. */
  public static final String DAIJIAO_VERSION = "0.1.0";

  private static final String FORMAT = "format";
  private static final String WRITTEN_BY = "written_by";
  private static final String AUDIT_HORIZON_YEARS = "audit_horizon_years";
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The folder of daijiao's own files in a warehouse: the marker and the lock. */
  public static Path opsDirectory(Warehouse warehouse) {
    return new Path(warehouse.root(), "_daijiao");
  }

  private static Path file(Warehouse warehouse) {
    return new Path(opsDirectory(warehouse), "warehouse.json");
  }

  /** The marker, or null for a warehouse that has none (new, or written before format 1). */
  public static WarehouseFormat read(SparkSession spark, Warehouse warehouse) {
    Path file = file(warehouse);
    try {
      FileSystem fs = SparkSessions.fileSystem(spark, file);
      if (!fs.exists(file)) {
        return null;
      }
      Map<?, ?> m;
      try (InputStream in = fs.open(file)) {
        m = JSON.readValue(in, Map.class);
      }
      Object format = m.get(FORMAT);
      Object horizon = m.get(AUDIT_HORIZON_YEARS);
      if (!(format instanceof Integer f)) {
        throw unreadable(warehouse, file, "it has no format number");
      }
      return new WarehouseFormat(
          f, String.valueOf(m.get(WRITTEN_BY)), horizon instanceof Integer h ? h : 0);
    } catch (com.fasterxml.jackson.core.JacksonException e) {
      throw unreadable(warehouse, file, "it is not JSON");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Refuses a warehouse that a newer daijiao wrote: every command checks this before it reads or
   * writes a table.
   */
  public static WarehouseFormat requireKnown(SparkSession spark, Warehouse warehouse) {
    WarehouseFormat marker = read(spark, warehouse);
    if (marker != null && marker.format() > CURRENT) {
      throw new UserFacingException(
          Code.WAREHOUSE,
          "Warehouse "
              + warehouse.root()
              + " was written by daijiao "
              + marker.writtenBy()
              + " (warehouse format "
              + marker.format()
              + "); this daijiao "
              + DAIJIAO_VERSION
              + " knows formats up to "
              + CURRENT
              + " and does not touch it: run daijiao "
              + marker.writtenBy()
              + " or newer on it.");
    }
    return marker;
  }

  /**
   * Writes the marker when it is missing, older, or names a shorter audit horizon than {@code
   * auditHorizonYears}; the horizon is never lowered. Under the warehouse lock.
   *
   * @return the horizon the warehouse now keeps
   */
  static int stamp(SparkSession spark, Warehouse warehouse, int auditHorizonYears) {
    WarehouseFormat marker = requireKnown(spark, warehouse);
    int horizon = Math.max(auditHorizonYears, marker == null ? 0 : marker.auditHorizonYears());
    if (marker != null
        && marker.format() == CURRENT
        && marker.auditHorizonYears() == horizon
        && DAIJIAO_VERSION.equals(marker.writtenBy())) {
      return horizon;
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put(FORMAT, CURRENT);
    m.put(WRITTEN_BY, DAIJIAO_VERSION);
    m.put(AUDIT_HORIZON_YEARS, horizon);
    try {
      // The marker is missing for a moment (replace): a reader takes that for an older warehouse,
      // never for a newer one.
      replace(spark, file(warehouse), JSON.writeValueAsString(m));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return horizon;
  }

  /**
   * Writes {@code text} as {@code file} in {@code _daijiao/}: into a file of its own first, then
   * renamed, so that no reader sees half of it. Rename does not replace on every file system, so
   * the old file is deleted first and the name is missing for a moment. The file of its own is
   * hidden (a leading dot): engines that read every file of a folder, as Hive-style readers do with
   * a table's {@code _symlink_format_manifest}, skip it.
   */
  static void replace(SparkSession spark, Path file, String text) throws IOException {
    Path tmp = new Path(file.getParent(), "." + file.getName() + ".tmp");
    FileSystem fs = SparkSessions.fileSystem(spark, file);
    fs.mkdirs(file.getParent());
    try (OutputStream out = fs.create(tmp, true)) {
      out.write(text.getBytes(StandardCharsets.UTF_8));
    }
    fs.delete(file, false);
    if (!fs.rename(tmp, file)) {
      throw new IOException("cannot rename " + tmp + " to " + file);
    }
  }

  private static UserFacingException unreadable(Warehouse warehouse, Path file, String why) {
    return new UserFacingException(
        Code.WAREHOUSE,
        "The format marker "
            + file
            + " of warehouse "
            + warehouse.root()
            + " cannot be read: "
            + why
            + ". Restore it from a backup (it says {\"format\": 1, …}); daijiao does not guess"
            + " what wrote the warehouse.");
  }
}
