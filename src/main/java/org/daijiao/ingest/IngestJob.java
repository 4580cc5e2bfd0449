package org.daijiao.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.daijiao.UserFacingException;
import org.daijiao.UserFacingException.Code;
import org.daijiao.spark.Concurrently;
import org.daijiao.spark.JobContext;
import org.daijiao.spark.JobGroups;
import org.daijiao.spark.Progress;

/**
 * Ingestion (SPEC §4): every file of every source folder into {@code bronze.<source>}, with
 * lineage. A file that lacks a required column or cannot be decoded stops the job before any table
 * is written.
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

  private final JobContext context;
  private final String inputDir;
  private final String batchId;
  private final Consumer<Map<Source, Dataset<Row>>> beforeWriting;

  /**
   * @param inputDir the input directory, one folder per source
   * @param batchId the id written to every bronze row's {@code _batch_id}
   */
  public IngestJob(JobContext context, String inputDir, String batchId) {
    this(context, inputDir, batchId, bronze -> {});
  }

  /**
   * @param beforeWriting a check of the bronze rows of every source before any is written; it stops
   *     the run by throwing (the whole run's checks of its inputs, such as {@code
   *     --accept-repairs}, so that a refused run changes no table)
   */
  public IngestJob(
      JobContext context,
      String inputDir,
      String batchId,
      Consumer<Map<Source, Dataset<Row>>> beforeWriting) {
    this.context = context;
    this.inputDir = inputDir;
    this.batchId = batchId;
    this.beforeWriting = beforeWriting;
  }

  public Result run() {
    return JobGroups.run(
        context.session(), "ingest", "ingest: read the department exports", this::ingest);
  }

  private Result ingest() {
    SparkSession spark = context.session();
    Progress progress = context.progress();
    List<InputFiles.InputFile> files = InputFiles.list(spark, inputDir);
    Map<String, Integer> fileCounts = new LinkedHashMap<>();
    for (Source s : Source.values()) {
      fileCounts.put(s.folder(), (int) files.stream().filter(f -> f.source() == s).count());
    }
    progress.step("ingest", "reading " + files.size() + " files from " + inputDir);

    // Kept because it is read twice: for the fail-fast check and for the six bronze writes.
    Dataset<Row> raw = ReadExports.rawRows(spark, files).persist(StorageLevel.MEMORY_AND_DISK());
    try {
      failOnBrokenFiles(raw);
      Map<String, Long> rowsRead = rowsPerSource(raw);
      Instant ingestedAt = Instant.now();
      Map<Source, Dataset<Row>> bronzeOf = new LinkedHashMap<>();
      for (Source source : Source.values()) {
        bronzeOf.put(source, bronzeRows(raw, source, ingestedAt, batchId));
      }
      beforeWriting.accept(bronzeOf);
      // The sources' tables are independent: written at once (Concurrently).
      List<Supplier<Long>> writes = new ArrayList<>();
      for (Source source : Source.values()) {
        writes.add(
            () -> context.writer().replace(BronzeColumns.contract(source), bronzeOf.get(source)));
      }
      List<Long> written = Concurrently.all(writes);
      Map<String, Long> versions = new LinkedHashMap<>();
      for (Source source : Source.values()) {
        versions.put(source.folder(), written.get(source.ordinal()));
        progress.step(
            "ingest",
            String.format(
                "%-21s %d files, %,d rows → bronze.%s",
                source.folder(),
                fileCounts.get(source.folder()),
                rowsRead.get(source.folder()),
                source.folder()));
      }
      return new Result(batchId, fileCounts, rowsRead, versions);
    } finally {
      raw.unpersist();
    }
  }

  /** Stops the run, naming every file that could not be read, before any table changes. */
  private static void failOnBrokenFiles(Dataset<Row> raw) {
    List<Row> broken =
        raw.filter(col(RawRowColumns.FILE_ERROR).isNotNull())
            .select(RawRowColumns.FILE_ERROR)
            .orderBy(RawRowColumns.FILE_ERROR)
            .collectAsList();
    if (!broken.isEmpty()) {
      List<String> messages = new ArrayList<>();
      broken.forEach(r -> messages.add(r.getString(0)));
      throw new UserFacingException(
          Code.INPUT,
          (messages.size() == 1 ? "" : messages.size() + " input files cannot be read; ")
              + String.join("; ", messages)
              + " — no table was changed.");
    }
  }

  private static Map<String, Long> rowsPerSource(Dataset<Row> raw) {
    Map<String, Long> counts = new LinkedHashMap<>();
    for (Source s : Source.values()) {
      counts.put(s.folder(), 0L);
    }
    for (Row r : raw.groupBy(RawRowColumns.SOURCE).count().collectAsList()) {
      counts.put(r.getString(0), r.getLong(1));
    }
    return counts;
  }

  /** The bronze rows of one source: its canonical columns as text, unknown columns and lineage. */
  static Dataset<Row> bronzeRows(
      Dataset<Row> raw, Source source, Instant ingestedAt, String batchId) {
    List<Column> columns = new ArrayList<>();
    for (String name : source.columnNames()) {
      columns.add(col(RawRowColumns.VALUES).getItem(name).as(name));
    }
    columns.add(col(RawRowColumns.EXTRAS).as(BronzeColumns.EXTRA));
    columns.add(col(RawRowColumns.SOURCE_FILE).as(BronzeColumns.SOURCE_FILE));
    columns.add(col(RawRowColumns.LINE).as(BronzeColumns.LINE));
    columns.add(lit(ingestedAt).as(BronzeColumns.INGESTED_AT));
    columns.add(lit(batchId).as(BronzeColumns.BATCH_ID));
    return BronzeColumns.contract(source)
        .select(
            raw.filter(col(RawRowColumns.SOURCE).equalTo(source.folder()))
                .select(columns.toArray(new Column[0])));
  }
}
