package org.daijiao.ops;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * One row of {@code ops.runs} ({@link RunColumns#RUNS}): what a run read, what it wrote and how it
 * ended. Its {@link #toRow} and {@link #fromRow} follow the contract's column order.
 */
public record RunRecord(
    String runId,
    String command,
    List<String> arguments,
    String daijiaoVersion,
    int warehouseFormat,
    String policyFile,
    String policySha256,
    Integer policyYear,
    LocalDate asOf,
    String inputDir,
    List<InputFile> inputFiles,
    List<SourceCounts> sources,
    Map<String, Long> tablesWritten,
    Map<String, Long> tableVersions,
    Instant startedAt,
    Instant endedAt,
    Outcome outcome,
    String errorClass) {

  /** How a run ended. */
  public enum Outcome {
    /** Every stage of the command finished and its tables are written. */
    SUCCEEDED,
    /** The command stopped on an error (bad input, a missing table, …): see error_class. */
    FAILED,
    /**
     * The process was killed (SIGKILL, power loss) before it could record itself; the next run that
     * took over its lock recorded it. Its tables are as far as it got.
     */
    ABANDONED
  }

  /** One input file: folder, name, size and content hash. */
  public record InputFile(
      String source, String file, long bytes, String sha256, String ingestedBeforeBy) {}

  /** Rows of one source; accepted and rejected are null when the command did not resolve. */
  public record SourceCounts(String source, long read, Long accepted, Long rejected) {}

  public RunRecord {
    arguments = List.copyOf(arguments);
    inputFiles = inputFiles == null ? null : List.copyOf(inputFiles);
    sources = sources == null ? null : List.copyOf(sources);
    tablesWritten = new TreeMap<>(tablesWritten);
    tableVersions = new TreeMap<>(tableVersions);
  }

  /** The Delta version of {@code table} ({@code layer.table}) when this run ended, or null. */
  public Long versionOf(String table) {
    return tableVersions.get(table);
  }

  public Row toRow() {
    List<Row> files = null;
    if (inputFiles != null) {
      files = new ArrayList<>();
      for (InputFile f : inputFiles) {
        files.add(
            RowFactory.create(f.source(), f.file(), f.bytes(), f.sha256(), f.ingestedBeforeBy()));
      }
    }
    List<Row> counts = null;
    if (sources != null) {
      counts = new ArrayList<>();
      for (SourceCounts c : sources) {
        counts.add(RowFactory.create(c.source(), c.read(), c.accepted(), c.rejected()));
      }
    }
    return RowFactory.create(
        runId,
        command,
        arguments,
        daijiaoVersion,
        warehouseFormat,
        policyFile,
        policySha256,
        policyYear,
        asOf,
        inputDir,
        files,
        counts,
        tablesWritten,
        tableVersions,
        startedAt,
        endedAt,
        outcome.name(),
        errorClass);
  }

  /** A row read from {@code ops.runs} (dates and timestamps as java.time values). */
  public static RunRecord fromRow(Row r) {
    List<InputFile> files = null;
    if (!r.isNullAt(10)) {
      files = new ArrayList<>();
      for (Row f : r.<Row>getList(10)) {
        files.add(
            new InputFile(
                f.getString(0),
                f.getString(1),
                f.getLong(2),
                f.getString(3),
                f.isNullAt(4) ? null : f.getString(4)));
      }
    }
    List<SourceCounts> counts = null;
    if (!r.isNullAt(11)) {
      counts = new ArrayList<>();
      for (Row c : r.<Row>getList(11)) {
        counts.add(
            new SourceCounts(
                c.getString(0),
                c.getLong(1),
                c.isNullAt(2) ? null : c.getLong(2),
                c.isNullAt(3) ? null : c.getLong(3)));
      }
    }
    return new RunRecord(
        r.getString(0),
        r.getString(1),
        r.getList(2),
        r.getString(3),
        r.getInt(4),
        r.isNullAt(5) ? null : r.getString(5),
        r.isNullAt(6) ? null : r.getString(6),
        r.isNullAt(7) ? null : r.getInt(7),
        r.isNullAt(8) ? null : r.getAs(8),
        r.isNullAt(9) ? null : r.getString(9),
        files,
        counts,
        r.getJavaMap(12),
        r.getJavaMap(13),
        r.getAs(14),
        r.isNullAt(15) ? null : r.getAs(15),
        Outcome.valueOf(r.getString(16)),
        r.isNullAt(17) ? null : r.getString(17));
  }
}
