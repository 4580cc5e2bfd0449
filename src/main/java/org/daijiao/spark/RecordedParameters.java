package org.daijiao.spark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;
import org.daijiao.policy.RunParameters;

/**
 * The run parameters a table's commits carry: every write of a run records them in the commit's
 * {@code userMetadata} ({@link #DELTA_USER_METADATA}), so that whoever reads the table later knows
 * the policy and as_of its rows were made with. Read from the commit files themselves (a file read,
 * no Spark job). This is the one place that finds a run's parameters from its tables.
 */
public final class RecordedParameters {
  /** Delta's session setting whose value every commit made in the session carries. */
  public static final String DELTA_USER_METADATA = "spark.databricks.delta.commitInfo.userMetadata";

  /** How far back a search for a policy year's commit looks, in commits. */
  private static final int SEARCH_COMMITS = 500;

  private static final ObjectMapper JSON = new ObjectMapper();

  private RecordedParameters() {}

  /**
   * The parameters of the table's latest data commit (a maintenance commit, such as a table
   * property or a column comment set, changes no row and is passed over); none when it has none (or
   * there is no table).
   */
  public static Optional<RunParameters> latest(
      SparkSession spark, Warehouse warehouse, TableName table) {
    long latest = warehouse.latestVersion(spark, table);
    for (long v = latest; v >= 0 && v > latest - SEARCH_COMMITS; v--) {
      Commit c = commit(spark, warehouse, table, v);
      if (c.writesRows()) {
        return c.parameters();
      }
    }
    return Optional.empty();
  }

  /**
   * The parameters of the latest data commit that wrote policy year {@code year} into a table that
   * keeps every year (gold): the commits of other years are passed over; none when the latest data
   * commit that is not of another year recorded none.
   */
  public static Optional<RunParameters> ofYear(
      SparkSession spark, Warehouse warehouse, TableName table, int year) {
    long latest = warehouse.latestVersion(spark, table);
    for (long v = latest; v >= 0 && v > latest - SEARCH_COMMITS; v--) {
      Commit c = commit(spark, warehouse, table, v);
      if (!c.writesRows()) {
        continue;
      }
      if (c.parameters().isEmpty() || c.parameters().get().policyYear() == year) {
        return c.parameters();
      }
    }
    return Optional.empty();
  }

  /** The parameters of one commit; none when the commit carries none or is gone. */
  public static Optional<RunParameters> at(
      SparkSession spark, Warehouse warehouse, TableName table, long version) {
    return commit(spark, warehouse, table, version).parameters();
  }

  /** What a commit says of itself: its operation and the parameters it carries. */
  private record Commit(String operation, Optional<RunParameters> parameters) {
    /** Delta's operations that write rows (the others change metadata or files only). */
    boolean writesRows() {
      return operation != null
          && (operation.equals("WRITE") || operation.endsWith("TABLE AS SELECT"));
    }
  }

  private static Commit commit(
      SparkSession spark, Warehouse warehouse, TableName table, long version) {
    Path commit =
        new Path(warehouse.pathOf(table) + "/_delta_log/" + String.format("%020d.json", version));
    try {
      FileSystem fs = SparkSessions.fileSystem(spark, commit);
      if (!fs.exists(commit)) {
        return new Commit(null, Optional.empty());
      }
      try (BufferedReader in =
          new BufferedReader(new InputStreamReader(fs.open(commit), StandardCharsets.UTF_8))) {
        for (String line = in.readLine(); line != null; line = in.readLine()) {
          if (line.startsWith("{\"commitInfo\"")) {
            JsonNode info = JSON.readTree(line).path("commitInfo");
            JsonNode metadata = info.path("userMetadata");
            return new Commit(
                info.path("operation").asText(null),
                metadata.isTextual()
                    ? RunParameters.fromJson(metadata.asText())
                    : Optional.empty());
          }
        }
      }
      return new Commit(null, Optional.empty());
    } catch (IOException | RuntimeException e) {
      // A commit that cannot be read has no parameters to give; the damaged-table check names it.
      return new Commit(null, Optional.empty());
    }
  }
}
