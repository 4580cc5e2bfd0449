package org.daijiao;

import org.apache.spark.sql.SparkSession;
import org.daijiao.spark.SparkSessions;

/** The one SparkSession every test class of the (single, reused) test JVM shares. */
public final class TestSpark {
  private static SparkSession session;

  private TestSpark() {}

  public static synchronized SparkSession session() {
    if (session == null) {
      session = SparkSessions.forTests();
    }
    return session;
  }
}
