package org.daijiao.ops;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;
import org.daijiao.spark.Progress;
import org.daijiao.spark.SparkSessions;
import org.daijiao.spark.Warehouse;

/**
 * The table versions the last run that succeeded left, kept in {@code
 * <warehouse>/_daijiao/finished-run.json} beside its record in {@code ops.runs}. A reader whose
 * tables all still stand at these versions (nothing wrote them since) reads them as they are and
 * never opens {@code ops.runs}: a Delta snapshot and a Spark job, about 2 s of a 9 s query
 * (docs/performance.md#levers). Only a shortcut: {@code ops.runs} stays the record, and a marker
 * that is missing, unreadable or behind a table sends the reader to it ({@link RunTables}).
 *
 * @param runId the run that wrote it
 * @param versions every table's version when that run finished ({@code layer.table} → version)
 */
record FinishedRunMarker(String runId, Map<String, Long> versions) {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String NAME = "finished-run.json";

  /**
   * Writes the marker after the run's record was appended. A failure is only reported: the marker
   * left behind names an earlier run, whose versions no longer match, so readers use {@code
   * ops.runs}.
   */
  static void write(SparkSession spark, Warehouse warehouse, FinishedRunMarker marker)
      throws IOException {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("run_id", marker.runId());
    m.put("versions", marker.versions());
    WarehouseFormat.replace(
        spark, new Path(WarehouseFormat.opsDirectory(warehouse), NAME), JSON.writeValueAsString(m));
  }

  /**
   * Writes the marker of a run that succeeded with the tables at {@code end}; only a shortcut, so a
   * failure is only noted on the run's progress.
   */
  static void afterRun(
      SparkSession spark,
      Warehouse warehouse,
      String runId,
      Map<String, Long> end,
      Progress progress) {
    try {
      write(spark, warehouse, new FinishedRunMarker(runId, end));
    } catch (IOException | RuntimeException e) {
      progress.step(
          RecordedRun.STEP,
          "note: "
              + WarehouseFormat.opsDirectory(warehouse)
              + "/finished-run.json could not be written ("
              + e.getClass().getSimpleName()
              + "); queries read ops.runs to find this run's versions instead");
    }
  }

  /** The marker; empty when there is none or it cannot be read (then ops.runs is read instead). */
  static Optional<FinishedRunMarker> read(SparkSession spark, Warehouse warehouse) {
    Path file = new Path(WarehouseFormat.opsDirectory(warehouse), NAME);
    try {
      FileSystem fs = SparkSessions.fileSystem(spark, file);
      if (!fs.exists(file)) {
        return Optional.empty();
      }
      try (InputStream in = fs.open(file)) {
        Map<String, Object> m = JSON.readValue(in, new TypeReference<Map<String, Object>>() {});
        Map<String, Long> versions = new LinkedHashMap<>();
        if (!(m.get("run_id") instanceof String runId)
            || !(m.get("versions") instanceof Map<?, ?> v)) {
          return Optional.empty();
        }
        for (Map.Entry<?, ?> e : v.entrySet()) {
          if (!(e.getValue() instanceof Number n)) {
            return Optional.empty();
          }
          versions.put(String.valueOf(e.getKey()), n.longValue());
        }
        return Optional.of(new FinishedRunMarker(runId, versions));
      }
    } catch (IOException e) {
      return Optional.empty();
    }
  }
}
