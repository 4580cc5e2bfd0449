package org.daijiao.spark;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import org.apache.spark.SparkEnv;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.rdd.RDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.execution.LogicalRDD;
import org.apache.spark.storage.StorageLevel;
import org.daijiao.TestSpark;
import org.junit.jupiter.api.Test;
import scala.reflect.ClassTag$;

/**
 * Rows kept for several uses ({@link Kept}): on one machine a later job starts from the stored
 * rows, and its tasks do not carry the operators that computed them.
 */
class KeptTest {
  @Test
  void laterJobsOverKeptRowsDoNotCarryTheOperatorsBeforeThem() {
    SparkSession spark = TestSpark.session();
    Dataset<Row> afterTwo = Kept.rows(chainOf(spark, 2));
    Dataset<Row> afterForty = Kept.rows(chainOf(spark, 40));
    try {
      // The first job computes and stores the rows (no job of the keeping's own).
      assertThat(afterTwo.count()).isEqualTo(100);
      assertThat(afterForty.count()).isEqualTo(100);
      assertThat(afterForty.logicalPlan()).isInstanceOf(LogicalRDD.class);
      assertThat(((LogicalRDD) afterForty.logicalPlan()).rdd().isCheckpointed()).isTrue();
      // What every task of a later job deserialises: the same for 40 operators before as for 2.
      int shortTask = taskBytes(afterTwo.filter(col("value").gt(50)));
      int longTask = taskBytes(afterForty.filter(col("value").gt(50)));
      assertThat(longTask).isLessThan(shortTask + 1_000);
      // 40 maps of +1: 40 … 139, of which 51 … 139 pass.
      assertThat(afterForty.filter(col("value").gt(50)).count()).isEqualTo(89);
    } finally {
      Kept.release(afterTwo);
      Kept.release(afterForty);
    }
  }

  @Test
  void persistedRowsCarryTheOperatorsBeforeThemIntoEveryTask() {
    // The reason for the checkpoint, and what a cluster keeps: -Ddaijiao.keep=persist.
    SparkSession spark = TestSpark.session();
    String before = System.setProperty(Kept.MODE, "persist");
    Dataset<Row> afterTwo;
    Dataset<Row> afterForty;
    try {
      afterTwo = Kept.rows(chainOf(spark, 2));
      afterForty = Kept.rows(chainOf(spark, 40));
    } finally {
      restore(before);
    }
    try {
      assertThat(afterForty.storageLevel()).isEqualTo(StorageLevel.MEMORY_AND_DISK());
      assertThat(afterForty.count()).isEqualTo(100);
      // 38 operators more: about 15 kB more in every task (28.7 against 43.8 kB when written).
      assertThat(taskBytes(afterForty.filter(col("value").gt(50))))
          .isGreaterThan(taskBytes(afterTwo.filter(col("value").gt(50))) + 10_000);
    } finally {
      Kept.release(afterTwo);
      Kept.release(afterForty);
    }
    assertThat(afterForty.storageLevel()).isEqualTo(StorageLevel.NONE());
  }

  @Test
  void aLargeInputIsPersistedUntilCheckpointsAreMeasuredAtItsSize() {
    SparkSession spark = TestSpark.session();
    Kept.sizeFor(spark, Kept.CHECKPOINT_UP_TO_BYTES + 1);
    Dataset<Row> kept;
    try {
      assertThat(Kept.asLocalCheckpoints(spark)).isFalse();
      kept = Kept.rows(chainOf(spark, 1));
    } finally {
      Kept.sizeFor(spark, 0);
    }
    assertThat(Kept.asLocalCheckpoints(spark)).isTrue();
    assertThat(kept.storageLevel()).isEqualTo(StorageLevel.MEMORY_AND_DISK());
    Kept.release(kept);
  }

  @Test
  void releaseFreesTheStoredRows() {
    SparkSession spark = TestSpark.session();
    Dataset<Row> kept = Kept.rows(chainOf(spark, 3));
    assertThat(kept.count()).isEqualTo(100);
    int id = ((LogicalRDD) kept.logicalPlan()).rdd().id();
    assertThat(spark.sparkContext().getPersistentRDDs().contains(id)).isTrue();
    Kept.release(kept);
    assertThat(spark.sparkContext().getPersistentRDDs().contains(id)).isFalse();
  }

  /** 100 numbers through {@code n} typed maps: each map an operator of its own. */
  private static Dataset<Row> chainOf(SparkSession spark, int n) {
    Dataset<Long> values = spark.range(0, 100, 1, 2).as(Encoders.LONG());
    for (int i = 0; i < n; i++) {
      values = values.map((MapFunction<Long, Long>) v -> v + 1, Encoders.LONG());
    }
    return values.toDF("value");
  }

  /** The serialised size of the RDD a query's tasks run, as the scheduler ships it. */
  private static int taskBytes(Dataset<Row> query) {
    RDD<?> rdd = query.queryExecution().toRdd();
    ByteBuffer bytes =
        SparkEnv.get().closureSerializer().newInstance().serialize(rdd, ClassTag$.MODULE$.Any());
    return bytes.remaining();
  }

  private static void restore(String before) {
    if (before == null) {
      System.clearProperty(Kept.MODE);
    } else {
      System.setProperty(Kept.MODE, before);
    }
  }
}
