package org.daijiao.spark;

import java.io.IOException;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;

/**
 * The one place a SparkSession is made. Under spark-submit the master and resources come from the
 * cluster; run locally (no master set) it uses every core of this machine. Delta is always switched
 * on.
 */
public final class SparkSessions {
  private SparkSessions() {}

  /** A session for a job: local[*] unless spark-submit (or spark.master) chose a master. */
  public static SparkSession forJob(String appName, int shufflePartitions, String warehouseRoot) {
    SparkSession.Builder builder =
        withDelta(SparkSession.builder().appName(appName))
            // Spark's own catalog directory: inside the warehouse, not a spark-warehouse/ in the
            // working directory.
            .config("spark.sql.warehouse.dir", warehouseRoot);
    if (System.getProperty("spark.master") == null) {
      withPosixLocalFiles(builder)
          .master("local[*]")
          .config("spark.ui.enabled", "false")
          .config("spark.sql.shuffle.partitions", String.valueOf(shufflePartitions))
          // Adaptive execution re-plans the rest of a query after every shuffle stage. On one
          // machine that costs more than it saves: measured (docs/performance.md#levers), the
          // sample
          // runs 49–53 s with it and 43 s without, the county 97 s and 74 s. A cluster keeps
          // Spark's default; -Dspark.sql.adaptive.enabled=true turns it back on here.
          .config(
              "spark.sql.adaptive.enabled",
              System.getProperty("spark.sql.adaptive.enabled", "false"))
          // Delta rebuilds a table's state with 50 partitions by default: far too many on one
          // machine.
          .config("spark.databricks.delta.snapshotPartitions", "2")
          .config("spark.driver.host", "127.0.0.1")
          .config("spark.driver.bindAddress", "127.0.0.1");
    }
    SparkSession spark = builder.getOrCreate();
    spark.sparkContext().setLogLevel(System.getProperty("daijiao.sparkLogLevel", "OFF"));
    return spark;
  }

  /**
   * Input size below which a command evaluates expressions without generating code (system property
   * {@code daijiao.codegen}: {@code auto}, the default, decides by this size; {@code on} or {@code
   * off} force it). Spark compiles Java code for every query stage; on a small input the
   * compilation costs more than the faster loops save. Measured (docs/performance.md#levers): 4 MB
   * of exports (5,000 roster persons) run 15 % faster interpreted, 40 MB (50,000) 5 % faster
   * compiled.
   */
  public static final long INTERPRET_BELOW_BYTES = 16L << 20;

  /**
   * Chooses generated code or interpreted expressions for the data a command reads ({@code bytes}:
   * its input files, or the warehouse it queries), and how its stages keep rows ({@link Kept}).
   * Both give the same rows (Spark runs its own tests both ways); only the speed differs.
   */
  public static void sizeFor(SparkSession spark, long bytes) {
    String mode = System.getProperty("daijiao.codegen", "auto");
    boolean interpret =
        mode.equals("off") || (mode.equals("auto") && bytes < INTERPRET_BELOW_BYTES);
    spark.conf().set("spark.sql.codegen.wholeStage", String.valueOf(!interpret));
    spark.conf().set("spark.sql.codegen.factoryMode", interpret ? "NO_CODEGEN" : "FALLBACK");
    Kept.sizeFor(spark, bytes);
  }

  /**
   * Input per shuffle partition when a local session sizes its shuffles ({@link
   * #shufflePartitions}).
   */
  public static final long BYTES_PER_SHUFFLE_PARTITION = 128L << 20;

  /**
   * Shuffle partitions for {@code bytes} of input on {@code cores} cores, without adaptive
   * execution to coalesce them: one per core, more when each would hold over {@link
   * #BYTES_PER_SHUFFLE_PARTITION} of input (the bundled sample, a county and 4 counties: 2 here;
   * the municipality's 1.6 GB: 13). Measured without adaptive execution: the sample 45–52 s with 1
   * partition, 43 s with 2; the county 74 s with 2, 84 s with 4.
   */
  public static int shufflePartitions(long bytes, int cores) {
    long bySize =
        bytes / BYTES_PER_SHUFFLE_PARTITION + (bytes % BYTES_PER_SHUFFLE_PARTITION > 0 ? 1 : 0);
    return (int) Math.max(Math.max(cores, 1), Math.min(bySize, 10_000));
  }

  /** Bytes under a path (a file or a directory tree); 0 when it does not exist. */
  public static long bytesUnder(SparkSession spark, String path) {
    try {
      Path p = new Path(path);
      FileSystem fs = fileSystem(spark, p);
      return fs.exists(p) ? fs.getContentSummary(p).getLength() : 0;
    } catch (IOException e) {
      // Only the choice of generated code or not hangs on it: an unreadable size counts as small,
      // and the command then reports the path's real problem where it reads it.
      return 0;
    }
  }

  /** A small local session for tests: 2 cores, 1 shuffle partition, no UI. */
  public static SparkSession forTests() {
    return withPosixLocalFiles(withDelta(SparkSession.builder().appName("daijiao-tests")))
        .master("local[2]")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "1")
        .config("spark.default.parallelism", "2")
        // As forJob on one machine; measured on the fixture county's pipeline: resolve 28 s → 15 s.
        .config("spark.sql.adaptive.enabled", "false")
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .config("spark.sql.session.timeZone", "UTC")
        .config("spark.databricks.delta.snapshotPartitions", "1")
        .config("spark.databricks.delta.properties.defaults.checkpointInterval", "1000")
        // Test data are a few rows: compiling generated code for every query costs more than it
        // saves, so expressions are interpreted (Spark's own tests run both paths; same results).
        // Measured on the gold and stage tests: 1 min 47 s → 1 min 14 s.
        .config("spark.sql.codegen.wholeStage", "false")
        .config("spark.sql.codegen.factoryMode", "NO_CODEGEN")
        .getOrCreate();
  }

  /**
   * The Hadoop file system of a path (local, HDFS, an object store), configured by the session: the
   * one place that reads Spark's Hadoop configuration, which carries the owner-only umask below.
   */
  public static FileSystem fileSystem(SparkSession spark, Path path) throws IOException {
    return path.getFileSystem(spark.sparkContext().hadoopConfiguration());
  }

  /**
   * On one machine, the local file system without a process for every chmod and readlink ({@link
   * PosixLocalFileSystem}). Not under spark-submit: a cluster's executors load file systems with
   * the cluster's class path, and its warehouse is on HDFS or an object store.
   */
  private static SparkSession.Builder withPosixLocalFiles(SparkSession.Builder builder) {
    return builder
        .config("spark.hadoop.fs.file.impl", PosixLocalFileSystem.class.getName())
        .config(
            "spark.hadoop.fs.AbstractFileSystem.file.impl",
            PosixLocalFileSystem.Fs.class.getName());
  }

  private static SparkSession.Builder withDelta(SparkSession.Builder builder) {
    return builder
        .config("spark.sql.extensions", "io.delta.sql.DeltaSparkSessionExtension")
        .config(
            "spark.sql.catalog.spark_catalog", "org.apache.spark.sql.delta.catalog.DeltaCatalog")
        // Dates are calendar dates: never shift them with the machine's time zone.
        .config("spark.sql.session.timeZone", "UTC")
        .config("spark.sql.ansi.enabled", "false")
        // The warehouse holds IDs and names. Hadoop's local file system sets permissions itself
        // from this mask (default 022; the umask of bin/daijiao is ignored): 077 = owner only.
        .config("spark.hadoop.fs.permissions.umask-mode", "077")
        // No min/max column statistics in the Delta log: they are ID numbers and names, which Delta
        // prints at INFO (--verbose) in every snapshot; county-sized tables need no data skipping.
        .config("spark.databricks.delta.properties.defaults.dataSkippingNumIndexedCols", "0")
        // Dates and timestamps cross into Java as java.time values.
        .config("spark.sql.datetime.java8API.enabled", "true");
  }
}
