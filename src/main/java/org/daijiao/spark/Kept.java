package org.daijiao.spark;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.execution.LogicalRDD;
import org.apache.spark.storage.StorageLevel;

/**
 * Rows a stage uses more than once (for several tables, for a count and a table, or handed to the
 * next stage): computed once, kept until released.
 *
 * <p>On one machine they are kept as a local checkpoint: the first job that needs them computes and
 * stores their partitions, and every later plan over them starts from the stored partitions. Rows
 * that are only persisted still carry the lineage of every operator that computed them: Spark
 * serialises it into the task of every later job, and each task deserialises it again (on the
 * sample, 9.7–12.2 s of task time against 4.6–5.4 s with checkpoints: docs/performance.md#lineage).
 * On a cluster an executor may be lost, and a local checkpoint cannot be computed again from its
 * lineage: there the rows are persisted. So are they on one machine above {@link
 * #CHECKPOINT_UP_TO_BYTES} of input, where checkpoints (rows as objects, where a persisted Dataset
 * keeps compressed columns) have not been measured yet. {@code -Ddaijiao.keep=checkpoint} or {@code
 * persist} chooses regardless of size (for measuring).
 */
public final class Kept {
  /**
   * The system property that chooses how rows are kept on one machine: {@code auto} (the default:
   * by input size), {@code checkpoint} or {@code persist}.
   */
  public static final String MODE = "daijiao.keep";

  /**
   * Input up to which a session on one machine keeps rows as local checkpoints: measured faster up
   * to county4's 157 MB (docs/performance.md#lineage); the municipality's 1.6 GB is still
   * persisted.
   */
  public static final long CHECKPOINT_UP_TO_BYTES = 256L << 20;

  private static final String CHECKPOINTS = "daijiao.keep.checkpoints";

  private Kept() {}

  /**
   * The same rows, kept from the first job that computes them; release them with {@link #release}.
   */
  public static Dataset<Row> rows(Dataset<Row> rows) {
    if (asLocalCheckpoints(rows.sparkSession())) {
      // Not eager: the job that needs them first (a table's write) computes and stores them, with
      // no job of its own.
      return rows.localCheckpoint(false);
    }
    return rows.persist(StorageLevel.MEMORY_AND_DISK());
  }

  /**
   * Whether this session keeps rows as local checkpoints: on one machine, for input up to {@link
   * #CHECKPOINT_UP_TO_BYTES} (a session that was not sized: yes), unless {@link #MODE} says.
   */
  public static boolean asLocalCheckpoints(SparkSession spark) {
    if (!spark.sparkContext().isLocal()) {
      return false;
    }
    return switch (System.getProperty(MODE, "auto")) {
      case "persist" -> false;
      case "checkpoint" -> true;
      default -> Boolean.parseBoolean(spark.conf().get(CHECKPOINTS, "true"));
    };
  }

  /** Sizes the session's way of keeping rows to the {@code bytes} of input it reads. */
  static void sizeFor(SparkSession spark, long bytes) {
    spark.conf().set(CHECKPOINTS, String.valueOf(bytes <= CHECKPOINT_UP_TO_BYTES));
  }

  /** Frees what {@link #rows} kept; nothing happens for rows that were not kept. */
  public static void release(Dataset<Row> kept) {
    if (kept.logicalPlan() instanceof LogicalRDD checkpoint) {
      checkpoint.rdd().unpersist(false);
    } else {
      kept.unpersist();
    }
  }
}
