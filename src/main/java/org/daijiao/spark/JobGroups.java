package org.daijiao.spark;

import java.util.function.Supplier;
import org.apache.spark.SparkContext;
import org.apache.spark.sql.SparkSession;

/**
 * Spark job groups named after the business step that runs them, so that Spark's UI and logs say
 * "resolve: identities and silver tables" rather than a line number. The previous group is restored
 * afterwards: a job run inside another (a command inside an embedding application, the tests)
 * leaves the caller's group as it found it.
 */
public final class JobGroups {
  // SparkContext's own keys for the job group (SparkContext.setJobGroup writes these).
  private static final String GROUP_ID = "spark.jobGroup.id";
  private static final String DESCRIPTION = "spark.job.description";
  private static final String INTERRUPT_ON_CANCEL = "spark.job.interruptOnCancel";

  private JobGroups() {}

  /** Runs {@code work} with its Spark jobs in the group {@code id}, then restores the group. */
  public static <T> T run(SparkSession spark, String id, String description, Supplier<T> work) {
    return run(spark, id, description, false, work);
  }

  /**
   * As {@link #run(SparkSession, String, String, Supplier)}; with {@code interruptOnCancel}, a
   * cancelled group's tasks are interrupted at once rather than at their next check (for reads
   * only: an interrupted write to HDFS can leave a data node marked dead).
   */
  public static <T> T run(
      SparkSession spark,
      String id,
      String description,
      boolean interruptOnCancel,
      Supplier<T> work) {
    SparkContext context = spark.sparkContext();
    String previousId = context.getLocalProperty(GROUP_ID);
    String previousDescription = context.getLocalProperty(DESCRIPTION);
    String previousInterrupt = context.getLocalProperty(INTERRUPT_ON_CANCEL);
    try {
      context.setJobGroup(id, description, interruptOnCancel);
      return work.get();
    } finally {
      // null removes a property: a caller without a group gets none back.
      context.setLocalProperty(GROUP_ID, previousId);
      context.setLocalProperty(DESCRIPTION, previousDescription);
      context.setLocalProperty(INTERRUPT_ON_CANCEL, previousInterrupt);
    }
  }
}
