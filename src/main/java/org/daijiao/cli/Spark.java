package org.daijiao.cli;

import java.time.LocalDate;
import org.apache.spark.sql.SparkSession;
import org.daijiao.ops.WarehouseFormat;
import org.daijiao.policy.Policy;
import org.daijiao.policy.RunParameters;
import org.daijiao.spark.JobContext;
import org.daijiao.spark.Progress;
import org.daijiao.spark.SparkSessions;
import org.daijiao.spark.Warehouse;
import scala.Option;

/**
 * A command's Spark session and warehouse, made once per command, and the job context its jobs run
 * with. A command reuses a session that already runs in this JVM (an embedding application, the
 * test suite) and leaves it running: it stops only a session it created itself.
 */
final class Spark implements AutoCloseable {
  /** System property: shuffle partitions of a local session, instead of sizing them to the data. */
  private static final String SHUFFLE_PARTITIONS = "daijiao.shufflePartitions";

  final SparkSession session;
  final Warehouse warehouse;
  private final boolean owned;

  Spark(CommonOptions common) {
    Option<SparkSession> running = SparkSession.getActiveSession();
    if (running.isEmpty()) {
      running = SparkSession.getDefaultSession();
    }
    this.owned = running.isEmpty();
    if (owned) {
      // sizeFor (below) replaces it by a number for the data, unless it was given.
      int partitions = Integer.getInteger(SHUFFLE_PARTITIONS, 2);
      this.session = SparkSessions.forJob("daijiao", partitions, common.warehouse);
      if (!common.verbose) {
        session.sparkContext().setLogLevel("OFF");
      }
    } else {
      this.session = running.get();
    }
    this.warehouse = new Warehouse(common.warehouse);
    // A warehouse a newer daijiao wrote is neither read nor written
    // (docs/operations.md#warehouse-format).
    WarehouseFormat.requireKnown(session, warehouse);
    sizeFor(SparkSessions.bytesUnder(session, warehouse.root()));
  }

  /**
   * Generated code or interpreted expressions for {@code bytes} of data (SparkSessions#sizeFor): a
   * session this command made only; an embedding application's session keeps its settings.
   */
  void sizeFor(long bytes) {
    if (owned) {
      SparkSessions.sizeFor(session, bytes);
      // On one machine the shuffles are sized to the data too, unless -Ddaijiao.shufflePartitions
      // gives their number; under spark-submit the cluster's settings stand.
      if (session.sparkContext().isLocal() && System.getProperty(SHUFFLE_PARTITIONS) == null) {
        int partitions =
            SparkSessions.shufflePartitions(bytes, session.sparkContext().defaultParallelism());
        session.conf().set("spark.sql.shuffle.partitions", String.valueOf(partitions));
      }
    }
  }

  /**
   * As {@link #sizeFor}, for a command that reads the input directory {@code inputDir}: the data it
   * processes are the exports (the warehouse also holds earlier runs' versions).
   */
  void sizeForInput(String inputDir) {
    sizeFor(SparkSessions.bytesUnder(session, inputDir));
  }

  /** The context of a run with these parameters: its writes record them. */
  JobContext context(Policy policy, RunParameters parameters, Progress progress) {
    return JobContext.of(session, warehouse, progress, policy, parameters);
  }

  /** The context of jobs that apply the policy, with the command's progress clock. */
  JobContext context(Policy policy, LocalDate asOf, Progress progress) {
    return JobContext.of(session, warehouse, progress, policy, asOf);
  }

  /** The context of ingestion alone, which reads no policy. */
  JobContext ingestContext(Progress progress) {
    return JobContext.forIngest(session, warehouse, progress);
  }

  @Override
  public void close() {
    if (owned) {
      session.stop();
    }
  }
}
