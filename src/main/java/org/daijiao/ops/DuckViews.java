package org.daijiao.ops;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.MapType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The text of {@code _daijiao/duckdb-views.sql}: one DuckDB view per table over exactly the Parquet
 * files of the version the last finished run left (docs/analysts.md, "Without Spark"). Each table
 * is a view under the name {@code daijiao sql} gives it ({@code gold.subsidy_ledger}, in a DuckDB
 * schema per layer), so that the same query runs on both, and under a flat alias ({@code
 * gold_subsidy_ledger}) for tools that show one schema. Files are named relative to the warehouse,
 * behind the DuckDB variable {@value #VARIABLE}: the file sets it to the warehouse's folder when it
 * was written unless the reader set it first, so a moved or copied warehouse is read by setting it.
 */
final class DuckViews {
  /** The file's name in the warehouse's {@code _daijiao/}. */
  static final String FILE = "duckdb-views.sql";

  /** The DuckDB variable holding the warehouse's folder. */
  static final String VARIABLE = "daijiao_warehouse";

  /** The view naming the run and each table's version and file count. */
  static final String PROVENANCE = "ops.finished_run";

  private DuckViews() {}

  /** The whole file for run {@code runId} of the warehouse at {@code root}. */
  static String text(String runId, String root, List<TableFiles> tables) {
    StringBuilder out = new StringBuilder();
    out.append("-- daijiao: DuckDB views of run ")
        .append(runId)
        .append(", the last run that finished in this warehouse.\n")
        .append("-- Each view reads exactly the Parquet files of its Delta table at the version")
        .append(" that run left;\n")
        .append("-- the next run that finishes replaces this file whole. Written by daijiao ")
        .append(WarehouseFormat.DAIJIAO_VERSION)
        .append("; do not edit (docs/analysts.md).\n")
        .append("-- Files are named relative to the warehouse. For a warehouse moved or copied")
        .append(" elsewhere, first:\n")
        .append("--   SET VARIABLE ")
        .append(VARIABLE)
        .append(" = '/its/new/folder';\n")
        .append("SET VARIABLE ")
        .append(VARIABLE)
        .append(" = coalesce(getvariable('")
        .append(VARIABLE)
        .append("'), ")
        .append(literal(root))
        .append(");\n");
    List<String> layers = new ArrayList<>();
    for (TableFiles t : tables) {
      if (!layers.contains(t.table().layer())) {
        layers.add(t.table().layer());
      }
    }
    if (!layers.contains("ops")) {
      layers.add("ops");
    }
    for (String layer : layers) {
      out.append("CREATE SCHEMA IF NOT EXISTS ").append(identifier(layer)).append(";\n");
    }
    for (TableFiles t : tables) {
      String name = identifier(t.table().layer()) + "." + identifier(t.table().table());
      out.append("CREATE OR REPLACE VIEW ").append(name).append(" AS\n").append(select(t));
      out.append(";\nCREATE OR REPLACE VIEW ")
          .append(identifier(t.table().layer() + "_" + t.table().table()))
          .append(" AS SELECT * FROM ")
          .append(name)
          .append(";\n");
    }
    out.append("CREATE OR REPLACE VIEW ").append(PROVENANCE).append(" AS\n");
    if (tables.isEmpty()) {
      out.append("SELECT CAST(NULL AS VARCHAR) AS run_id, CAST(NULL AS VARCHAR) AS table_name,")
          .append(" CAST(NULL AS BIGINT) AS delta_version, CAST(NULL AS BIGINT) AS data_files")
          .append(" WHERE false;\n");
      return out.toString();
    }
    out.append("SELECT * FROM (VALUES\n");
    out.append(
        tables.stream()
            .map(
                t ->
                    "  ("
                        + literal(runId)
                        + ", "
                        + literal(t.table().qualified())
                        + ", CAST("
                        + t.version()
                        + " AS BIGINT), CAST("
                        + t.files().size()
                        + " AS BIGINT))")
            .collect(Collectors.joining(",\n")));
    out.append("\n) AS t(run_id, table_name, delta_version, data_files);\n");
    return out.toString();
  }

  /**
   * The query of one table's view: its columns in the table's order and types. A table without data
   * files is an empty, typed result; a partitioned table is one read per partition, its partition
   * columns restored from the values in Delta's log.
   */
  static String select(TableFiles t) {
    if (t.files().isEmpty()) {
      List<String> columns = new ArrayList<>();
      for (StructField f : t.schema().fields()) {
        columns.add("CAST(NULL AS " + type(f.dataType()) + ") AS " + identifier(f.name()));
      }
      return "SELECT " + String.join(", ", columns) + " WHERE false";
    }
    Map<Map<String, String>, List<TableFiles.DataFile>> partitions = new LinkedHashMap<>();
    for (TableFiles.DataFile f : t.files()) {
      Map<String, String> key = new LinkedHashMap<>();
      t.partitionColumns().forEach(c -> key.put(c, f.partitionValues().get(c)));
      partitions.computeIfAbsent(key, k -> new ArrayList<>()).add(f);
    }
    List<String> reads = new ArrayList<>();
    for (Map.Entry<Map<String, String>, List<TableFiles.DataFile>> p : partitions.entrySet()) {
      List<String> columns = new ArrayList<>();
      for (StructField f : t.schema().fields()) {
        columns.add(column(f, p.getKey()));
      }
      reads.add(
          "SELECT "
              + String.join(", ", columns)
              + "\nFROM read_parquet([\n  "
              + p.getValue().stream().map(DuckViews::file).collect(Collectors.joining(",\n  "))
              + "\n], union_by_name = true)");
    }
    return String.join("\nUNION ALL\n", reads);
  }

  /**
   * A column of a read: a partition column from its value; a timestamp as the instant Spark stored
   * (Spark writes timestamps as INT96 in UTC, which DuckDB reads without a zone); the others as
   * they are in the file.
   */
  private static String column(StructField f, Map<String, String> partition) {
    String name = identifier(f.name());
    if (partition.containsKey(f.name())) {
      String value = partition.get(f.name());
      return "CAST("
          + (value == null ? "NULL" : literal(value))
          + " AS "
          + type(f.dataType())
          + ") AS "
          + name;
    }
    if (f.dataType().equals(DataTypes.TimestampType)) {
      return "timezone('UTC', " + name + ") AS " + name;
    }
    return name;
  }

  private static String file(TableFiles.DataFile f) {
    return f.relative() == null
        ? literal(f.qualified())
        : "getvariable('" + VARIABLE + "') || " + literal("/" + f.relative());
  }

  /** DuckDB's name for a Spark type. */
  static String type(DataType t) {
    if (t instanceof DecimalType d) {
      return "DECIMAL(" + d.precision() + ", " + d.scale() + ")";
    }
    if (t instanceof ArrayType a) {
      return type(a.elementType()) + "[]";
    }
    if (t instanceof MapType m) {
      return "MAP(" + type(m.keyType()) + ", " + type(m.valueType()) + ")";
    }
    if (t instanceof StructType s) {
      List<String> fields = new ArrayList<>();
      for (StructField f : s.fields()) {
        fields.add(identifier(f.name()) + " " + type(f.dataType()));
      }
      return "STRUCT(" + String.join(", ", fields) + ")";
    }
    Map<DataType, String> simple =
        Map.ofEntries(
            Map.entry(DataTypes.StringType, "VARCHAR"),
            Map.entry(DataTypes.BooleanType, "BOOLEAN"),
            Map.entry(DataTypes.ByteType, "TINYINT"),
            Map.entry(DataTypes.ShortType, "SMALLINT"),
            Map.entry(DataTypes.IntegerType, "INTEGER"),
            Map.entry(DataTypes.LongType, "BIGINT"),
            Map.entry(DataTypes.FloatType, "FLOAT"),
            Map.entry(DataTypes.DoubleType, "DOUBLE"),
            Map.entry(DataTypes.DateType, "DATE"),
            Map.entry(DataTypes.TimestampType, "TIMESTAMPTZ"),
            Map.entry(DataTypes.TimestampNTZType, "TIMESTAMP"),
            Map.entry(DataTypes.BinaryType, "BLOB"));
    String name = simple.get(t);
    if (name == null) {
      throw new IllegalArgumentException("no DuckDB type for Spark type " + t.simpleString());
    }
    return name;
  }

  /** A DuckDB identifier in double quotes. */
  static String identifier(String name) {
    return "\"" + name.replace("\"", "\"\"") + "\"";
  }

  /** A DuckDB string literal. */
  static String literal(String text) {
    return "'" + text.replace("'", "''") + "'";
  }
}
