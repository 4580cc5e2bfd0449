package org.daijiao.ops;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.daijiao.spark.ColumnNames;

/**
 * One row of {@code ops.runs} ({@link RunColumns#RUNS}): what a run read, what it wrote and how it
 * ended. Its {@link #toRow} follows the contract's column order; {@link #fromRow} reads the
 * contract's columns by name.
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

  /** Input files whose content no earlier finished run ingested; null when none was read. */
  public Long newInputFiles() {
    return inputFiles == null
        ? null
        : inputFiles.stream().filter(f -> f.ingestedBeforeBy() == null).count();
  }

  /** Rows read from every source; null when the run read no rows. */
  public Long rowsRead() {
    return sources == null ? null : sources.stream().mapToLong(SourceCounts::read).sum();
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

  /**
   * A row read from {@code ops.runs} (dates and timestamps as java.time values), by the contract's
   * column names.
   */
  public static RunRecord fromRow(Row r) {
    List<InputFile> files = null;
    if (r.getAs(RunColumns.INPUT_FILES) != null) {
      files = new ArrayList<>();
      for (Row f : RunRecord.<Row>list(r, RunColumns.INPUT_FILES)) {
        files.add(
            new InputFile(
                f.getAs(ColumnNames.SOURCE),
                f.getAs(RunColumns.FILE),
                f.<Long>getAs(RunColumns.BYTES),
                f.getAs(RunColumns.SHA256),
                f.getAs(RunColumns.INGESTED_BEFORE_BY)));
      }
    }
    List<SourceCounts> counts = null;
    if (r.getAs(ColumnNames.SOURCES) != null) {
      counts = new ArrayList<>();
      for (Row c : RunRecord.<Row>list(r, ColumnNames.SOURCES)) {
        counts.add(
            new SourceCounts(
                c.getAs(ColumnNames.SOURCE),
                c.<Long>getAs(ColumnNames.ROWS_READ),
                c.getAs(ColumnNames.ROWS_ACCEPTED),
                c.getAs(ColumnNames.ROWS_REJECTED)));
      }
    }
    return new RunRecord(
        r.getAs(RunColumns.RUN_ID),
        r.getAs(RunColumns.COMMAND),
        list(r, RunColumns.ARGUMENTS),
        r.getAs(RunColumns.DAIJIAO_VERSION),
        r.<Integer>getAs(RunColumns.WAREHOUSE_FORMAT),
        r.getAs(RunColumns.POLICY_FILE),
        r.getAs(RunColumns.POLICY_SHA256),
        r.getAs(ColumnNames.POLICY_YEAR),
        r.getAs(ColumnNames.AS_OF),
        r.getAs(RunColumns.INPUT_DIR),
        files,
        counts,
        r.getJavaMap(r.fieldIndex(RunColumns.TABLES_WRITTEN)),
        r.getJavaMap(r.fieldIndex(RunColumns.TABLE_VERSIONS)),
        r.getAs(RunColumns.STARTED_AT),
        r.getAs(RunColumns.ENDED_AT),
        Outcome.valueOf(r.getAs(RunColumns.OUTCOME)),
        r.getAs(RunColumns.ERROR_CLASS));
  }

  private static <T> List<T> list(Row r, String column) {
    return r.getList(r.fieldIndex(column));
  }
}
