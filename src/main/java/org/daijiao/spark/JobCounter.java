package org.daijiao.spark;

import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.sql.SparkSession;

/**
 * Counts the Spark jobs a command starts: the number a run prints at its end and the bench reads
 * ({@code jobs=N}), since each job costs the driver a plan and a schedule whatever its size.
 */
public final class JobCounter extends SparkListener {
  private final AtomicInteger jobs = new AtomicInteger();

  private JobCounter() {}

  /** A counter of the jobs started in {@code spark} from now on. */
  public static JobCounter on(SparkSession spark) {
    JobCounter counter = new JobCounter();
    spark.sparkContext().addSparkListener(counter);
    return counter;
  }

  @Override
  public void onJobStart(SparkListenerJobStart jobStart) {
    jobs.incrementAndGet();
  }

  /** The jobs started so far (the listener bus delivers them shortly after they start). */
  public int jobs() {
    return jobs.get();
  }

  /** Stops counting. */
  public void remove(SparkSession spark) {
    spark.sparkContext().removeSparkListener(this);
  }
}
