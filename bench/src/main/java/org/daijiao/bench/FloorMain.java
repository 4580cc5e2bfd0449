package org.daijiao.bench;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The Spark floor: the same session configuration as daijiao's {@code SparkSessions.forJob} (run by
 * bench/run with bin/daijiao's JVM options), reading every input file once and writing each source
 * once as a Delta table, with no logic — what no Spark pipeline over these inputs can beat.
 *
 * <p>CSV goes through Spark's CSV reader with the encoding sniffed per file from its first MiB
 * (UTF-8, BOM, else GB18030) and the delimiter of its header line; the headers are renamed to the
 * canonical columns (metadata only). XLSX (and a CSV whose header is not its first line) is read
 * with POI on the driver into a DataFrame.
 *
 * <p>Usage: {@code FloorMain --input DIR --warehouse DIR}
 */
public final class FloorMain {
  private static final int SNIFF_BYTES = 1 << 20;

  private FloorMain() {}

  public static void main(String[] args) throws Exception {
    String input = null;
    String warehouse = null;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--input" -> input = args[++i];
        case "--warehouse" -> warehouse = args[++i];
        default -> throw new IllegalArgumentException("unknown argument " + args[i]);
      }
    }
    if (input == null || warehouse == null) {
      System.err.println("usage: FloorMain --input DIR --warehouse DIR");
      System.exit(2);
    }
    long t0 = System.nanoTime();
    String wh = Path.of(warehouse).toAbsolutePath().toString();
    SparkSession spark = session(wh);
    log(t0, "session", "Spark session started");
    List<Exports.InputFile> files = Exports.list(Path.of(input));
    // daijiao's own levers, so that the floor stays a floor: interpreted expressions below the same
    // input size (SparkSessions.sizeFor) and the sources' tables written at once (Concurrently).
    long bytes = 0;
    for (Exports.InputFile f : files) {
      bytes += Files.size(f.path());
    }
    boolean interpret = bytes < (16L << 20);
    spark.conf().set("spark.sql.codegen.wholeStage", String.valueOf(!interpret));
    spark.conf().set("spark.sql.codegen.factoryMode", interpret ? "NO_CODEGEN" : "FALLBACK");
    ExecutorService pool = Executors.newFixedThreadPool(Integer.getInteger("daijiao.writeThreads", 4));
    List<Future<?>> writes = new ArrayList<>();
    for (Map.Entry<Exports.SourceDef, List<Exports.InputFile>> e :
        Exports.bySource(files).entrySet()) {
      writes.add(
          pool.submit(
              () -> {
                Exports.SourceDef s = e.getKey();
                Dataset<Row> all = null;
                for (Exports.InputFile f : e.getValue()) {
                  Dataset<Row> df = read(spark, f);
                  all = all == null ? df : all.union(df);
                }
                all.write()
                    .format("delta")
                    .mode("overwrite")
                    .option("overwriteSchema", "true")
                    .save(wh + "/bronze/" + s.folder());
                log(
                    t0,
                    "write",
                    s.folder() + ": " + e.getValue().size() + " files → bronze." + s.folder());
                return null;
              }));
    }
    for (Future<?> w : writes) {
      w.get();
    }
    pool.shutdown();
    spark.stop();
    log(t0, "done", files.size() + " files");
  }

  /** daijiao's SparkSessions.forJob + withDelta, setting for setting (local mode). */
  static SparkSession session(String warehouseRoot) {
    // daijiao then sizes its shuffles to the data (cli/Spark.sizeFor); the floor shuffles nothing.
    int partitions = Integer.getInteger("daijiao.shufflePartitions", 2);
    SparkSession spark =
        SparkSession.builder()
            .appName("daijiao-floor")
            .config("spark.sql.extensions", "io.delta.sql.DeltaSparkSessionExtension")
            .config(
                "spark.sql.catalog.spark_catalog",
                "org.apache.spark.sql.delta.catalog.DeltaCatalog")
            .config("spark.sql.session.timeZone", "UTC")
            .config("spark.sql.ansi.enabled", "false")
            .config("spark.hadoop.fs.permissions.umask-mode", "077")
            // daijiao's local file system (no process per chmod and readlink), by name: bench/run
            // puts daijiao's jar on the floor's class path for this one class.
            .config("spark.hadoop.fs.file.impl", "org.daijiao.spark.PosixLocalFileSystem")
            .config(
                "spark.hadoop.fs.AbstractFileSystem.file.impl",
                "org.daijiao.spark.PosixLocalFileSystem$Fs")
            .config("spark.databricks.delta.properties.defaults.dataSkippingNumIndexedCols", "0")
            .config("spark.sql.datetime.java8API.enabled", "true")
            .config("spark.sql.warehouse.dir", warehouseRoot)
            // daijiao: local[*] and the local settings below unless spark.master is set (spark-submit).
            .master("local[*]")
            .config("spark.ui.enabled", "false")
            .config("spark.sql.shuffle.partitions", String.valueOf(partitions))
            .config(
                "spark.sql.adaptive.enabled",
                System.getProperty("spark.sql.adaptive.enabled", "false"))
            .config("spark.databricks.delta.snapshotPartitions", "2")
            .config("spark.driver.host", "127.0.0.1")
            .config("spark.driver.bindAddress", "127.0.0.1")
            .getOrCreate();
    spark.sparkContext().setLogLevel(System.getProperty("daijiao.sparkLogLevel", "ERROR"));
    return spark;
  }

  /** One file as a DataFrame of the source's canonical columns (strings) + {@code _source_file}. */
  static Dataset<Row> read(SparkSession spark, Exports.InputFile f) throws Exception {
    Exports.SourceDef s = f.source();
    if (!f.isXlsx()) {
      byte[] head = new byte[SNIFF_BYTES];
      int n;
      try (InputStream in = Files.newInputStream(f.path())) {
        n = in.readNBytes(head, 0, head.length);
      }
      Charset cs = Exports.sniffCharset(head, n);
      String headText = new String(head, 0, n, cs);
      if (Exports.csvHeaderLine(headText, s) == 1) {
        char sep = Exports.delimiter(headText);
        List<String> header = new Exports.CsvRecords(headText, sep).next();
        // An explicit schema (the header's positions) spares Spark a job per file to read the
        // header; header=true then only skips the first line.
        StructType positional = new StructType();
        for (int i = 0; i < header.size(); i++) {
          positional = positional.add("c" + i, DataTypes.StringType, true);
        }
        Dataset<Row> df =
            spark
                .read()
                .schema(positional)
                .option("header", "true")
                .option("encoding", cs == StandardCharsets.UTF_8 ? "UTF-8" : "GB18030")
                .option("sep", String.valueOf(sep))
                .csv(literal(f.path().toAbsolutePath().toString()));
        List<Column> cols = new ArrayList<>();
        for (String name : s.names()) {
          int found = -1;
          for (int i = 0; i < header.size(); i++) {
            if (name.equals(s.canonical(header.get(i)))) {
              found = i;
            }
          }
          cols.add(
              found < 0
                  ? lit(null).cast(DataTypes.StringType).as(name)
                  : col("c" + found).as(name));
        }
        cols.add(lit(f.displayName()).as("_source_file"));
        return df.select(cols.toArray(new Column[0]));
      }
    }
    // XLSX, or a CSV with title rows above its header: POI / the Java reader on the driver.
    List<Row> rows = new ArrayList<>();
    for (String[] v : Exports.readAll(f)) {
      Object[] r = new Object[v.length + 1];
      System.arraycopy(v, 0, r, 0, v.length);
      r[v.length] = f.displayName();
      rows.add(RowFactory.create(r));
    }
    StructType schema = new StructType();
    for (String name : s.names()) {
      schema = schema.add(name, DataTypes.StringType, true);
    }
    schema = schema.add("_source_file", DataTypes.StringType, false);
    return spark.createDataFrame(rows, schema);
  }

  /** Spark expands glob characters in paths: escape them (Hadoop glob syntax). */
  private static String literal(String path) {
    return path.replaceAll("([\\\\{}\\[\\]*?])", "\\\\$1");
  }

  private static void log(long t0, String stage, String msg) {
    System.err.printf("[%3ds] %-8s %s%n", (System.nanoTime() - t0) / 1_000_000_000L, stage, msg);
  }
}
