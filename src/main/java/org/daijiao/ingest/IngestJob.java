package org.daijiao.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.daijiao.UserFacingException;
import org.daijiao.UserFacingException.Code;
import org.daijiao.spark.ColumnNames;
import org.daijiao.spark.Concurrently;
import org.daijiao.spark.JobContext;
import org.daijiao.spark.JobGroups;
import org.daijiao.spark.Kept;

/**
 * Ingestion (docs/inputs.md): every file of every source folder into {@code bronze.<source>}, with
 * lineage. A file that lacks a required column or cannot be decoded stops the job before any table
 * is written. The job has two halves so that a whole run can check everything it read before any
 * table changes: {@link #read} (the executors read each file once; the bronze rows stay in memory)
 * and {@link #write}.
 */
public final class IngestJob {
  /**
   * What the job did: files and rows read per source, and the Delta version of each bronze table.
   */
  public record Result(
      String batchId,
      Map<String, Integer> files,
      Map<String, Long> rowsRead,
      Map<String, Long> versions) {}

  /**
   * What {@link #read} read: every file with the hash of its bytes, rows per source, and the bronze
   * rows of every source (in memory until {@link #release}).
   */
  public record Read(
      List<IngestedFile> ingestedFiles,
      Map<String, Integer> files,
      Map<String, Long> rowsRead,
      Map<Source, Dataset<Row>> bronze,
      Dataset<Row> kept) {
    /** Releases the rows kept in memory. */
    public void release() {
      Kept.release(kept);
    }
  }

  private final JobContext context;
  private final String inputDir;
  private final String batchId;

  /**
   * @param inputDir the input directory, one folder per source
   * @param batchId the id written to every bronze row's {@code _batch_id}
   */
  public IngestJob(JobContext context, String inputDir, String batchId) {
    this.context = context;
    this.inputDir = inputDir;
    this.batchId = batchId;
  }

  /** Reads and writes: ingestion alone. */
  public Result run() {
    Read read = read();
    try {
      return write(read);
    } finally {
      read.release();
    }
  }

  /**
   * Lists the input directory once and reads every file once; stops, naming every file that cannot
   * be read, before anything is written.
   */
  public Read read() {
    return JobGroups.run(
        context.session(), "ingest", "ingest: read the department exports", this::readFiles);
  }

  /** Writes the bronze tables of what {@link #read} read. */
  public Result write(Read read) {
    return JobGroups.run(
        context.session(), "ingest", "ingest: write the bronze tables", () -> writeBronze(read));
  }

  private Read readFiles() {
    SparkSession spark = context.session();
    List<InputFiles.InputFile> files = InputFiles.list(spark, inputDir);
    Map<String, Integer> fileCounts = new LinkedHashMap<>();
    for (Source s : Source.values()) {
      fileCounts.put(s.folder(), (int) files.stream().filter(f -> f.source() == s).count());
    }
    context.progress().step("ingest", "reading " + files.size() + " files from " + inputDir);
    // Kept: the files' summaries and the six bronze tables read it, and the run goes on with it.
    Dataset<Row> raw = Kept.rows(ReadExports.rawRows(spark, files));
    try {
      List<IngestedFile> ingested = summaries(raw);
      Map<String, Long> rowsRead = new LinkedHashMap<>();
      for (Source s : Source.values()) {
        rowsRead.put(s.folder(), 0L);
      }
      ingested.forEach(f -> rowsRead.merge(f.source(), f.records(), Long::sum));
      Instant ingestedAt = Instant.now();
      Map<Source, Dataset<Row>> bronzeOf = new LinkedHashMap<>();
      for (Source source : Source.values()) {
        bronzeOf.put(source, bronzeRows(raw, source, ingestedAt, batchId));
      }
      return new Read(ingested, fileCounts, rowsRead, bronzeOf, raw);
    } catch (RuntimeException e) {
      Kept.release(raw);
      throw e;
    }
  }

  private Result writeBronze(Read read) {
    // The sources' tables are independent: written at once (Concurrently).
    List<Supplier<Long>> writes = new ArrayList<>();
    for (Source source : Source.values()) {
      writes.add(
          () ->
              context.writer().replace(BronzeColumns.contract(source), read.bronze().get(source)));
    }
    List<Long> written = Concurrently.all(writes);
    Map<String, Long> versions = new LinkedHashMap<>();
    for (Source source : Source.values()) {
      versions.put(source.folder(), written.get(source.ordinal()));
      context
          .progress()
          .step(
              "ingest",
              String.format(
                  "%-21s %d files, %,d rows → bronze.%s",
                  source.folder(),
                  read.files().get(source.folder()),
                  read.rowsRead().get(source.folder()),
                  source.folder()));
    }
    return new Result(batchId, read.files(), read.rowsRead(), versions);
  }

  /**
   * Every file's summary row, in one pass over the rows read: stops the run, naming every file that
   * could not be read, before any table changes.
   */
  private static List<IngestedFile> summaries(Dataset<Row> raw) {
    List<Row> rows =
        raw.filter(col(ColumnNames.LINE).isNull())
            .select(
                ColumnNames.SOURCE,
                ColumnNames.SOURCE_FILE,
                RawRowColumns.FILE_ERROR,
                RawRowColumns.FILE_BYTES,
                RawRowColumns.FILE_SHA256,
                RawRowColumns.FILE_ROWS)
            .orderBy(ColumnNames.SOURCE, ColumnNames.SOURCE_FILE)
            .collectAsList();
    List<String> broken = new ArrayList<>();
    List<IngestedFile> files = new ArrayList<>();
    for (Row r : rows) {
      if (!r.isNullAt(2)) {
        broken.add(r.getString(2));
      } else {
        files.add(
            new IngestedFile(
                r.getString(0), r.getString(1), r.getLong(3), r.getString(4), r.getLong(5)));
      }
    }
    if (!broken.isEmpty()) {
      java.util.Collections.sort(broken);
      throw new UserFacingException(
          Code.INPUT,
          (broken.size() == 1 ? "" : broken.size() + " input files cannot be read; ")
              + String.join("; ", broken)
              + " — no table was changed.");
    }
    return files;
  }

  /** The bronze rows of one source: its canonical columns as text, unknown columns and lineage. */
  static Dataset<Row> bronzeRows(
      Dataset<Row> raw, Source source, Instant ingestedAt, String batchId) {
    List<Column> columns = new ArrayList<>();
    for (String name : source.columnNames()) {
      columns.add(col(RawRowColumns.VALUES).getItem(name).as(name));
    }
    columns.add(col(RawRowColumns.EXTRAS).as(BronzeColumns.EXTRA));
    columns.add(col(ColumnNames.SOURCE_FILE).as(BronzeColumns.SOURCE_FILE));
    columns.add(col(ColumnNames.LINE).as(BronzeColumns.LINE));
    columns.add(lit(ingestedAt).as(BronzeColumns.INGESTED_AT));
    columns.add(lit(batchId).as(BronzeColumns.BATCH_ID));
    return BronzeColumns.contract(source)
        .select(
            raw.filter(
                    col(ColumnNames.SOURCE)
                        .equalTo(source.folder())
                        .and(col(ColumnNames.LINE).isNotNull()))
                .select(columns.toArray(new Column[0])));
  }
}
