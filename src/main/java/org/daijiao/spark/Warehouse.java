package org.daijiao.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.TableIdentifier;
import org.apache.spark.sql.catalyst.catalog.CatalogTableType;
import org.apache.spark.sql.catalyst.catalog.SessionCatalog;
import org.daijiao.UserFacingException;

/**
 * The warehouse directory: where each Delta table lives and how it becomes queryable as {@code
 * layer.table}. The directory may be local ({@code ./warehouse}) or any Hadoop file system URI on a
 * cluster.
 */
public final class Warehouse {
  /**
   * The layers, in the order data flows through them, then {@code ops}: the record of the runs that
   * wrote them.
   */
  public static final List<String> LAYERS = List.of("bronze", "quality", "silver", "gold", "ops");

  private final String root;

  /** The tables and versions found sound by {@link #requireSound} (layer.table@version). */
  private final java.util.Set<String> checked = java.util.concurrent.ConcurrentHashMap.newKeySet();

  public Warehouse(String root) {
    String trimmed = root.endsWith("/") ? root.substring(0, root.length() - 1) : root;
    this.root = absolute(trimmed);
  }

  /**
   * A relative local path made absolute against the working directory: the catalog would otherwise
   * resolve a table's relative location against its database's location, not the working directory.
   */
  private static String absolute(String root) {
    if (root.matches("^[A-Za-z][A-Za-z0-9+.-]*:.*")) {
      return root;
    }
    return java.nio.file.Path.of(root).toAbsolutePath().normalize().toString();
  }

  public String root() {
    return root;
  }

  public String pathOf(TableName table) {
    return root + "/" + table.layer() + "/" + table.table();
  }

  /** True when the table has been written at least once. */
  public boolean exists(SparkSession spark, TableName table) {
    try {
      Path log = new Path(pathOf(table) + "/_delta_log");
      return SparkSessions.fileSystem(spark, log).exists(log);
    } catch (IOException e) {
      if (TableCheck.isPermission(e)) {
        throw TableCheck.permissionDenied(table, root);
      }
      throw new IllegalStateException(
          "Cannot look into warehouse " + root + ": " + e.getMessage(), e);
    }
  }

  /**
   * The table's latest Delta version: the highest commit file in its log (a listing, not a Spark
   * job); -1 when the table has not been written.
   */
  public long latestVersion(SparkSession spark, TableName table) {
    try {
      Path log = new Path(pathOf(table), "_delta_log");
      FileSystem fs = SparkSessions.fileSystem(spark, log);
      if (!fs.exists(log)) {
        return -1;
      }
      long latest = -1;
      for (FileStatus s : fs.listStatus(log)) {
        String name = s.getPath().getName();
        if (name.matches("\\d{20}\\.json")) {
          latest = Math.max(latest, Long.parseLong(name.substring(0, 20)));
        }
      }
      return latest;
    } catch (IOException e) {
      if (TableCheck.isPermission(e)) {
        throw TableCheck.permissionDenied(table, root);
      }
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Reads a table; the caller has checked that it exists or accepts the error. A damaged table
   * (TableCheck) stops the command with its one line instead of failing in a Spark job.
   */
  public Dataset<Row> read(SparkSession spark, TableName table) {
    if (!exists(spark, table) && !TableCheck.folderWithoutLog(spark, this, table)) {
      throw new MissingTableException(table, root);
    }
    requireSound(spark, table, -1);
    return spark.read().format("delta").load(pathOf(table));
  }

  /** Reads a table as it stood at {@code version} (Delta time travel), after checking it. */
  public Dataset<Row> readAt(SparkSession spark, TableName table, long version) {
    requireSound(spark, table, version);
    return spark.read().format("delta").option("versionAsOf", version).load(pathOf(table));
  }

  /**
   * Checks the table at {@code version} (its latest when negative) once per command: a table read
   * twice at one version is checked once (docs/operations.md, "A damaged table, a full disk").
   *
   * @throws TableCheck.DamagedTableException when it is damaged
   */
  public void requireSound(SparkSession spark, TableName table, long version) {
    long v = version < 0 && exists(spark, table) ? latestVersion(spark, table) : version;
    if (checked.add(table.qualified() + "@" + v)) {
      try {
        TableCheck.require(spark, this, table, v);
      } catch (RuntimeException e) {
        checked.remove(table.qualified() + "@" + v);
        throw e;
      }
    }
  }

  /** Every table present in the warehouse, layer by layer. */
  public List<TableName> tables(SparkSession spark) {
    List<TableName> found = new ArrayList<>();
    try {
      Path rootPath = new Path(root);
      FileSystem fs = SparkSessions.fileSystem(spark, rootPath);
      for (String layer : LAYERS) {
        Path layerPath = new Path(rootPath, layer);
        if (!fs.exists(layerPath)) {
          continue;
        }
        for (FileStatus s : fs.listStatus(layerPath)) {
          if (s.isDirectory() && fs.exists(new Path(s.getPath(), "_delta_log"))) {
            found.add(new TableName(layer, s.getPath().getName()));
          }
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException("Cannot list warehouse " + root + ": " + e.getMessage(), e);
    }
    return found;
  }

  /**
   * Registers every table of the warehouse in the session catalog, so that SQL can say {@code
   * silver.persons}.
   */
  public void registerAll(SparkSession spark) {
    for (TableName t : tables(spark)) {
      register(spark, t);
    }
  }

  /**
   * Registers the tables a query names ({@code layer.table}); all tables when it names none (e.g.
   * SHOW TABLES). Registering reads each table's log, so naming only what is used keeps a query
   * fast.
   */
  public void registerNamedIn(SparkSession spark, String query) {
    boolean any = false;
    for (TableName t : namedIn(spark, query)) {
      register(spark, t);
      any = true;
    }
    if (!any) {
      registerAll(spark);
    }
  }

  /** The tables of this warehouse a query names as {@code layer.table}, each once. */
  public List<TableName> namedIn(SparkSession spark, String query) {
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile(
                "(?i)\\b(" + String.join("|", LAYERS) + ")\\s*\\.\\s*`?(\\w+)`?")
            .matcher(query);
    List<TableName> named = new ArrayList<>();
    while (m.find()) {
      TableName t = new TableName(m.group(1).toLowerCase(java.util.Locale.ROOT), m.group(2));
      if (!named.contains(t) && (exists(spark, t) || TableCheck.folderWithoutLog(spark, this, t))) {
        named.add(t);
      }
    }
    return named;
  }

  /**
   * Registers one table (an external Delta table over its directory) in the session catalog. The
   * catalog outlives a command when the session is shared (tests, an embedding application): a name
   * registered for another warehouse is dropped first — only the catalog entry of an external
   * table; its data stays where it is.
   */
  public void register(SparkSession spark, TableName table) {
    requireSound(spark, table, -1);
    spark.sql(
        "CREATE DATABASE IF NOT EXISTS "
            + table.layer()
            + " LOCATION '"
            + escape(root + "/" + table.layer())
            + "'");
    dropView(spark, table);
    URI registered = registeredLocation(spark, table);
    if (registered != null
        && !qualified(spark, new Path(registered))
            .equals(qualified(spark, new Path(pathOf(table))))) {
      spark.sql("DROP TABLE " + table.qualified());
    }
    spark.sql(
        "CREATE TABLE IF NOT EXISTS "
            + table.qualified()
            + " USING delta LOCATION '"
            + escape(pathOf(table))
            + "'");
  }

  /**
   * Drops a view of the table's name ({@code sql --run} reads a table at a run's version through a
   * view): the name is then registered for the table's latest version again.
   */
  private static void dropView(SparkSession spark, TableName t) {
    SessionCatalog catalog = spark.sessionState().catalog();
    TableIdentifier name = new TableIdentifier(t.table(), scala.Option.apply(t.layer()));
    try {
      if (catalog.tableExists(name)
          && catalog.getTableMetadata(name).tableType() == CatalogTableType.VIEW()) {
        spark.sql("DROP VIEW " + t.qualified());
      }
    } catch (Exception e) {
      // Declared by Scala without `throws`: the database vanished between the two calls.
    }
  }

  /** Where the catalog says the table is; null when the name is not registered. */
  private static URI registeredLocation(SparkSession spark, TableName t) {
    SessionCatalog catalog = spark.sessionState().catalog();
    TableIdentifier name = new TableIdentifier(t.table(), scala.Option.apply(t.layer()));
    if (!catalog.tableExists(name)) {
      return null;
    }
    try {
      return catalog.getTableMetadata(name).location();
    } catch (Exception e) {
      // Declared by Scala without `throws`: the database vanished between the two calls.
      return null;
    }
  }

  private static URI qualified(SparkSession spark, Path path) {
    try {
      return SparkSessions.fileSystem(spark, path).makeQualified(path).toUri();
    } catch (IOException e) {
      throw new IllegalStateException("Cannot resolve " + path + ": " + e.getMessage(), e);
    }
  }

  private static String escape(String path) {
    return path.replace("\\", "\\\\").replace("'", "\\'");
  }

  /** A table the command needs has not been written yet. */
  public static final class MissingTableException extends UserFacingException {
    public MissingTableException(TableName table, String root) {
      super(
          Code.MISSING_TABLE,
          "Table "
              + table
              + " does not exist in warehouse "
              + root
              + ": run `bin/daijiao run` (or the stage that writes it) with --warehouse "
              + root
              + " first.");
    }
  }
}
