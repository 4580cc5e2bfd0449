package org.daijiao.cli;

import org.apache.spark.sql.SparkSession;
import org.daijiao.spark.SparkSessions;
import org.daijiao.spark.TableWriter;
import org.daijiao.spark.Warehouse;
import scala.Option;

/**
 * A command's Spark session, warehouse and writer, made once per command. A command reuses a
 * session that already runs in this JVM (an embedding application, the test suite) and leaves it
 * running: it stops only a session it created itself.
 */
final class Spark implements AutoCloseable {
  final SparkSession session;
  final Warehouse warehouse;
  final TableWriter writer;
  private final boolean owned;

  Spark(CommonOptions common) {
    Option<SparkSession> running = SparkSession.getActiveSession();
    if (running.isEmpty()) {
      running = SparkSession.getDefaultSession();
    }
    this.owned = running.isEmpty();
    if (owned) {
      int partitions = Integer.getInteger("daijiao.shufflePartitions", 4);
      this.session = SparkSessions.forJob("daijiao", partitions, common.warehouse);
      if (!common.verbose) {
        session.sparkContext().setLogLevel("ERROR");
      }
    } else {
      this.session = running.get();
    }
    this.warehouse = new Warehouse(common.warehouse);
    this.writer = new TableWriter(session, warehouse);
  }

  @Override
  public void close() {
    if (owned) {
      session.stop();
    }
  }
}
