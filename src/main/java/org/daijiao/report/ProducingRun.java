package org.daijiao.report;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import io.delta.tables.DeltaTable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.daijiao.ingest.BronzeColumns;
import org.daijiao.ingest.Source;
import org.daijiao.spark.ColumnNames;
import org.daijiao.spark.TableName;
import org.daijiao.spark.Tables;
import org.daijiao.spark.Warehouse;

/**
 * The run that produced a year's figures and the input files it read, as the report states them.
 *
 * <p>Until runs keep their own records ({@code ops.runs}, docs/operations.md#run-records) this is
 * what the warehouse tells: the run is the Delta commit that last wrote the year's rows of {@code
 * gold.coverage_stats} (its version and time), and the inputs are the bronze and quality tables as
 * they stood at that moment (Delta time travel): a later ingest does not change the files a report
 * names. When the history needed is gone (log retention, VACUUM), the current inputs are shown and
 * {@link #inputsOfThatRun} says so. {@link #of} is the one place to change.
 *
 * @param version the Delta version of {@code gold.coverage_stats} that holds the figures
 * @param writtenAt when that version was committed
 * @param inputsOfThatRun false when the inputs shown are today's, not those of the run
 * @param files rows read, accepted and rejected per input file
 * @param sources the same per source, from {@code quality.ingest_reconciliation}
 */
public record ProducingRun(
    long version,
    Instant writtenAt,
    boolean inputsOfThatRun,
    List<InputFile> files,
    List<SourceCount> sources) {

  /** One input file of the run. */
  public record InputFile(
      String source, String file, long read, long accepted, long rejected, String batchId) {}

  /** One source of the run: rows read = accepted + rejected. */
  public record SourceCount(String source, long read, long accepted, long rejected) {}

  // The columns of Delta's DESCRIBE HISTORY (DeltaTable.history()) this reads.
  private static final String HISTORY_VERSION = "version";
  private static final String HISTORY_TIMESTAMP = "timestamp";
  private static final String HISTORY_PARAMETERS = "operationParameters";
  private static final String PREDICATE = "predicate";

  /** One commit of a table's Delta history. */
  record Commit(long version, Instant timestamp, String predicate) {}

  public ProducingRun {
    files = List.copyOf(files);
    sources = List.copyOf(sources);
  }

  /** The ingest runs (batch ids) the input files come from. */
  public List<String> batchIds() {
    return List.copyOf(new TreeSet<>(files.stream().map(InputFile::batchId).toList()));
  }

  /** The run behind the year's gold tables in the warehouse. */
  public static ProducingRun of(SparkSession spark, Warehouse warehouse, int year) {
    Commit run = writerOf(history(spark, warehouse, Tables.COVERAGE_STATS), year);
    try {
      return new ProducingRun(
          run.version(),
          run.timestamp(),
          true,
          files(spark, warehouse, Optional.of(run.timestamp())),
          sources(spark, warehouse, Optional.of(run.timestamp())));
    } catch (Exception e) {
      // Delta could not go back to that moment (log cleaned up after its retention period, files
      // vacuumed; Delta's analysis errors are checked exceptions Scala does not declare, hence
      // Exception): today's inputs, marked as such, rather than no inputs at all.
      return new ProducingRun(
          run.version(),
          run.timestamp(),
          false,
          files(spark, warehouse, Optional.empty()),
          sources(spark, warehouse, Optional.empty()));
    }
  }

  /**
   * The commit that last wrote a year's rows: the latest whose replaceWhere predicate names the
   * year; else the latest that replaced the whole table (the one that created it held only that
   * year); else the latest.
   */
  static Commit writerOf(List<Commit> history, int year) {
    Pattern ofYear = Pattern.compile("\\b" + ColumnNames.POLICY_YEAR + "\\s*=\\s*" + year + "\\b");
    Comparator<Commit> byVersion = Comparator.comparingLong(Commit::version);
    return history.stream()
        .filter(c -> c.predicate() != null && ofYear.matcher(c.predicate()).find())
        .max(byVersion)
        .or(() -> history.stream().filter(c -> c.predicate() == null).max(byVersion))
        .or(() -> history.stream().max(byVersion))
        .orElseThrow(() -> new IllegalStateException("a Delta table without history"));
  }

  private static List<Commit> history(SparkSession spark, Warehouse warehouse, TableName table) {
    List<Commit> commits = new ArrayList<>();
    // A table's history is its log, read on the driver: tens of rows.
    for (Row r : DeltaTable.forPath(spark, warehouse.pathOf(table)).history().collectAsList()) {
      Map<String, String> parameters = r.getJavaMap(r.fieldIndex(HISTORY_PARAMETERS));
      commits.add(
          new Commit(
              r.<Long>getAs(HISTORY_VERSION),
              r.getAs(HISTORY_TIMESTAMP),
              parameters == null ? null : parameters.get(PREDICATE)));
    }
    return commits;
  }

  /** A table as it stood at {@code at} (empty: as it is now); empty when it did not exist then. */
  private static Optional<Dataset<Row>> readAt(
      SparkSession spark, Warehouse warehouse, TableName table, Optional<Instant> at) {
    if (!warehouse.exists(spark, table)) {
      return Optional.empty();
    }
    if (at.isEmpty()) {
      return Optional.of(warehouse.read(spark, table));
    }
    List<Commit> history = history(spark, warehouse, table);
    Optional<Commit> version =
        history.stream()
            .filter(c -> !c.timestamp().isAfter(at.get()))
            .max(Comparator.comparingLong(Commit::version));
    if (version.isEmpty() && history.stream().noneMatch(c -> c.version() == 0)) {
      // No commit that old is left, and neither is the table's first: its history was cleaned up.
      throw new IllegalStateException(
          "the history of " + table + " before " + at.get() + " is gone");
    }
    // Empty when the table was created after that moment (a source that came later).
    return version.map(
        v ->
            spark
                .read()
                .format("delta")
                .option("versionAsOf", v.version())
                .load(warehouse.pathOf(table)));
  }

  private static List<InputFile> files(
      SparkSession spark, Warehouse warehouse, Optional<Instant> at) {
    Dataset<Row> lineage = null;
    for (Source source : Source.values()) {
      Optional<Dataset<Row>> bronze = readAt(spark, warehouse, Tables.bronze(source.folder()), at);
      if (bronze.isPresent()) {
        Dataset<Row> rows =
            bronze
                .get()
                .select(
                    lit(source.folder()).as(ColumnNames.SOURCE),
                    col(BronzeColumns.SOURCE_FILE).as(ColumnNames.SOURCE_FILE),
                    col(BronzeColumns.BATCH_ID));
        lineage = lineage == null ? rows : lineage.unionByName(rows);
      }
    }
    Optional<Dataset<Row>> rejected = readAt(spark, warehouse, Tables.REJECTED_RECORDS, at);
    if (lineage == null || rejected.isEmpty()) {
      return List.of();
    }
    List<InputFile> files = new ArrayList<>();
    for (Row r : ReportStages.fileCounts(lineage, rejected.get()).collectAsList()) {
      files.add(
          new InputFile(
              r.getAs(ColumnNames.SOURCE),
              r.getAs(ColumnNames.SOURCE_FILE),
              r.<Long>getAs(ColumnNames.ROWS_READ),
              r.<Long>getAs(ColumnNames.ROWS_ACCEPTED),
              r.<Long>getAs(ColumnNames.ROWS_REJECTED),
              r.getAs(BronzeColumns.BATCH_ID)));
    }
    files.sort(
        Comparator.comparingInt((InputFile f) -> rank(f.source())).thenComparing(InputFile::file));
    return files;
  }

  private static List<SourceCount> sources(
      SparkSession spark, Warehouse warehouse, Optional<Instant> at) {
    List<SourceCount> sources = new ArrayList<>();
    Optional<Dataset<Row>> reconciliation =
        readAt(spark, warehouse, Tables.INGEST_RECONCILIATION, at);
    if (reconciliation.isEmpty()) {
      return sources;
    }
    for (Row r : reconciliation.get().collectAsList()) {
      sources.add(
          new SourceCount(
              r.getAs(ColumnNames.SOURCE),
              r.<Long>getAs(ColumnNames.ROWS_READ),
              r.<Long>getAs(ColumnNames.ROWS_ACCEPTED),
              r.<Long>getAs(ColumnNames.ROWS_REJECTED)));
    }
    sources.sort(Comparator.comparingInt(s -> rank(s.source())));
    return sources;
  }

  /** The order of docs/inputs.md#sources (the Source enum's); a source it does not know last. */
  private static int rank(String folder) {
    for (Source s : Source.values()) {
      if (s.folder().equals(folder)) {
        return s.ordinal();
      }
    }
    return Integer.MAX_VALUE;
  }
}
