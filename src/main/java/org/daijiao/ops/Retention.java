package org.daijiao.ops;

import io.delta.tables.DeltaTable;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.daijiao.spark.TableName;
import org.daijiao.spark.Warehouse;

/**
 * How long Delta keeps a table's history: the audit horizon of the policy file, in days. Delta
 * deletes log entries older than {@code delta.logRetentionDuration} (default 30 days) whenever it
 * writes a checkpoint, and VACUUM deletes data files that left the table more than {@code
 * delta.deletedFileRetentionDuration} ago (default 7 days); either would make the versions an old
 * run wrote unreadable long before an auditor asks. Both are set to the horizon on every table:
 * through the session's table defaults on the tables a run creates (no extra commit), and once with
 * {@code ALTER TABLE} on tables created before (a warehouse from an earlier daijiao, or a horizon
 * raised in the policy file).
 */
public final class Retention {
  static final String LOG_RETENTION = "delta.logRetentionDuration";
  static final String DELETED_FILE_RETENTION = "delta.deletedFileRetentionDuration";
  private static final String SESSION_DEFAULTS = "spark.databricks.delta.properties.defaults.";
  private static final String PROPERTIES = "properties";
  private static final Duration DELTA_LOG_DEFAULT = Duration.ofDays(30);
  private static final Duration DELTA_DELETED_FILE_DEFAULT = Duration.ofDays(7);
  private static final Pattern INTERVAL =
      Pattern.compile("(?i)\\s*(?:interval\\s+)?(\\d+)\\s+(second|minute|hour|day|week)s?\\s*");

  private Retention() {}

  /** The horizon in days: 366 per year, so that leap years never shorten it. */
  public static long days(int years) {
    return years * 366L;
  }

  /** The horizon as a Delta interval property value. */
  static String interval(int years) {
    return "interval " + days(years) + " days";
  }

  /** Tables this session creates keep the horizon from their first commit. */
  static void setSessionDefaults(SparkSession spark, int years) {
    spark.conf().set(SESSION_DEFAULTS + "logRetentionDuration", interval(years));
    spark.conf().set(SESSION_DEFAULTS + "deletedFileRetentionDuration", interval(years));
  }

  /** Removes the defaults again (a session shared with other work, e.g. the tests). */
  static void clearSessionDefaults(SparkSession spark) {
    spark.conf().unset(SESSION_DEFAULTS + "logRetentionDuration");
    spark.conf().unset(SESSION_DEFAULTS + "deletedFileRetentionDuration");
  }

  /**
   * Raises the table's retention to the horizon where it is shorter (one commit), never lowers it.
   *
   * @return true when the table was changed
   */
  static boolean ensure(SparkSession spark, Warehouse warehouse, TableName table, int years) {
    Map<String, String> properties = properties(spark, warehouse, table);
    Duration horizon = Duration.ofDays(days(years));
    boolean logShort =
        duration(properties.get(LOG_RETENTION), DELTA_LOG_DEFAULT).compareTo(horizon) < 0;
    boolean filesShort =
        duration(properties.get(DELETED_FILE_RETENTION), DELTA_DELETED_FILE_DEFAULT)
                .compareTo(horizon)
            < 0;
    if (!logShort && !filesShort) {
      return false;
    }
    StringBuilder set = new StringBuilder();
    if (logShort) {
      set.append("'").append(LOG_RETENTION).append("' = '").append(interval(years)).append("'");
    }
    if (filesShort) {
      set.append(logShort ? ", " : "")
          .append("'")
          .append(DELETED_FILE_RETENTION)
          .append("' = '")
          .append(interval(years))
          .append("'");
    }
    spark.sql(
        "ALTER TABLE delta.`"
            + warehouse.pathOf(table).replace("`", "``")
            + "` SET TBLPROPERTIES ("
            + set
            + ")");
    return true;
  }

  /** The table's properties (Delta's DESCRIBE DETAIL: read from its log, no Spark job). */
  public static Map<String, String> properties(
      SparkSession spark, Warehouse warehouse, TableName table) {
    Row detail =
        DeltaTable.forPath(spark, warehouse.pathOf(table))
            .detail()
            .select(org.apache.spark.sql.functions.col(PROPERTIES))
            .first();
    return detail.getJavaMap(0);
  }

  /** A Delta interval value as a duration; the default when unset or not understood. */
  static Duration duration(String value, Duration unset) {
    if (value == null) {
      return unset;
    }
    Matcher m = INTERVAL.matcher(value);
    if (!m.matches()) {
      return Duration.ZERO;
    }
    long n = Long.parseLong(m.group(1));
    return switch (m.group(2).toLowerCase(java.util.Locale.ROOT)) {
      case "second" -> Duration.ofSeconds(n);
      case "minute" -> Duration.ofMinutes(n);
      case "hour" -> Duration.ofHours(n);
      case "day" -> Duration.ofDays(n);
      default -> Duration.ofDays(7 * n);
    };
  }
}
