package org.daijiao.cli;

import org.apache.spark.sql.SparkSession;
import org.daijiao.spark.SparkSessions;
import org.daijiao.spark.TableWriter;
import org.daijiao.spark.Warehouse;

/** A command's Spark session, warehouse and writer, made once per command. */
final class Spark implements AutoCloseable {
  final SparkSession session;
  final Warehouse warehouse;
  final TableWriter writer;

  Spark(CommonOptions common) {
    int partitions = Integer.getInteger("daijiao.shufflePartitions", 4);
    this.session = SparkSessions.forJob("daijiao", partitions, common.warehouse);
    if (!common.verbose) {
      session.sparkContext().setLogLevel("ERROR");
    }
    this.warehouse = new Warehouse(common.warehouse);
    this.writer = new TableWriter(session, warehouse);
  }

  @Override
  public void close() {
    session.stop();
  }
}
