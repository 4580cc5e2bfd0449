package org.daijiao.ops;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.daijiao.spark.ColumnNames;

/**
 * The recorded runs ({@code ops.runs}) as the tables {@code daijiao runs} prints: one row per run,
 * and one run's input files, rows per source and table versions. Every value is text, as printed.
 * No personal data: ids, commands, paths, dates, counts, hashes.
 */
public final class RunListing {
  public static final String STARTED = "started";
  public static final String SECONDS = "seconds";
  public static final String NEW_FILES = "new_files";

  /** One row per run: the list of {@code daijiao runs}. */
  public static final StructType RUNS =
      strings(
          RunColumns.RUN_ID,
          RunColumns.COMMAND,
          RunColumns.OUTCOME,
          STARTED,
          SECONDS,
          ColumnNames.POLICY_YEAR,
          ColumnNames.AS_OF,
          RunColumns.INPUT_FILES,
          NEW_FILES,
          ColumnNames.ROWS_READ,
          RunColumns.TABLES_WRITTEN,
          RunColumns.ERROR_CLASS);

  private RunListing() {}

  /** The runs, in the order given (newest first: {@link RunHistory#newestFirst}). */
  public static Dataset<Row> runs(SparkSession spark, List<RunRecord> runs) {
    List<Row> rows = new ArrayList<>();
    for (RunRecord r : runs) {
      rows.add(
          RowFactory.create(
              r.runId(),
              r.command(),
              r.outcome().name(),
              WarehouseLock.local(r.startedAt().toString()),
              r.endedAt() == null
                  ? null
                  : String.valueOf(Duration.between(r.startedAt(), r.endedAt()).toSeconds()),
              text(r.policyYear()),
              text(r.asOf()),
              r.inputFiles() == null ? null : String.valueOf(r.inputFiles().size()),
              text(r.newInputFiles()),
              text(r.rowsRead()),
              String.valueOf(r.tablesWritten().size()),
              r.errorClass()));
    }
    return spark.createDataFrame(rows, RUNS);
  }

  /** A run's input files: size, content hash, and whether an earlier run ingested the content. */
  public static Dataset<Row> inputFiles(SparkSession spark, RunRecord r) {
    List<Row> files = new ArrayList<>();
    for (RunRecord.InputFile f : r.inputFiles()) {
      files.add(
          RowFactory.create(
              f.file(),
              String.valueOf(f.bytes()),
              f.sha256(),
              f.ingestedBeforeBy() == null ? "new" : "as in " + f.ingestedBeforeBy()));
    }
    return spark.createDataFrame(
        files, strings(RunColumns.FILE, RunColumns.BYTES, RunColumns.SHA256, "content"));
  }

  /** A run's rows read, accepted and rejected per source. */
  public static Dataset<Row> sources(SparkSession spark, RunRecord r) {
    List<Row> sources = new ArrayList<>();
    for (RunRecord.SourceCounts c : r.sources()) {
      sources.add(
          RowFactory.create(
              c.source(), String.valueOf(c.read()), text(c.accepted()), text(c.rejected())));
    }
    return spark.createDataFrame(
        sources, strings(ColumnNames.SOURCE, "read", "accepted", "rejected"));
  }

  /** Every table's version when the run ended, and which of them the run wrote. */
  public static Dataset<Row> tables(SparkSession spark, RunRecord r) {
    List<Row> tables = new ArrayList<>();
    for (Map.Entry<String, Long> e : r.tableVersions().entrySet()) {
      tables.add(
          RowFactory.create(
              e.getKey(),
              String.valueOf(e.getValue()),
              r.tablesWritten().containsKey(e.getKey()) ? "written by this run" : ""));
    }
    return spark.createDataFrame(tables, strings("table", "version", ""));
  }

  private static String text(Object value) {
    return value == null ? null : value.toString();
  }

  private static StructType strings(String... names) {
    List<StructField> fields = new ArrayList<>();
    for (String n : names) {
      fields.add(DataTypes.createStructField(n, DataTypes.StringType, true));
    }
    return new StructType(fields.toArray(new StructField[0]));
  }
}
