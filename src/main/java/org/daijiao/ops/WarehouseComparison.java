package org.daijiao.ops;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.to_json;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.MapType;
import org.apache.spark.sql.types.StructType;
import org.daijiao.identity.IdNumber;
import org.daijiao.spark.ColumnNames;
import org.daijiao.spark.TableName;
import org.daijiao.spark.Tables;
import org.daijiao.spark.Warehouse;

/**
 * Whether two warehouses hold the same data: every table's rows compared as multisets (a row twice
 * on one side and once on the other differs), leaving out the columns that differ between two
 * correct runs of the same inputs (run ids, timestamps). The crash check compares a warehouse that
 * survived killed runs with an uninterrupted run's, the cluster check a cluster run's gold tables
 * with a local run's (docs/development.md#warehouse-comparison). Read-only; what it reports names
 * tables, columns and counts, and IDs only masked.
 */
public final class WarehouseComparison {
  /** The columns two correct runs write differently: run ids, write times, Delta's own. */
  public static final String IGNORED_COLUMNS = "^(run_id|_.*|.*_at|.*_time|.*timestamp)$";

  /** How many masked IDs of rows found on one side only a table's report names. */
  static final int IDS_SHOWN = 3;

  /** How many differing rows are read back to tell which columns differ. */
  private static final int ROWS_EXAMINED = 1000;

  private static final String IN_A = "__compare_a";
  private static final String IN_B = "__compare_b";

  /**
   * @param tables the tables to compare; empty: every table of either warehouse except {@code ops}
   * @param year when given, only the rows of this policy year of tables that have the column
   * @param ignored the names of the columns left out
   * @param requireRows a table without rows on both sides counts as a difference
   */
  public record Options(
      List<TableName> tables, Integer year, Pattern ignored, boolean requireRows) {}

  /**
   * One table compared. {@code missing} names the side without the table (then nothing else is
   * compared); {@code differingColumns} are the columns whose values differ between the rows found
   * on one side only (all of a row's columns when it has no counterpart).
   */
  public record TableResult(
      TableName table,
      String missing,
      long rowsA,
      long rowsB,
      long onlyA,
      long onlyB,
      List<String> columnsOnlyA,
      List<String> columnsOnlyB,
      List<String> differingColumns,
      List<String> maskedIdsOnlyA,
      List<String> maskedIdsOnlyB,
      boolean requireRows) {
    static TableResult missing(TableName table, String side) {
      return new TableResult(
          table, side, 0, 0, 0, 0, List.of(), List.of(), List.of(), List.of(), List.of(), false);
    }

    public boolean same() {
      return missing == null
          && onlyA == 0
          && onlyB == 0
          && columnsOnlyA.isEmpty()
          && columnsOnlyB.isEmpty()
          && !(requireRows && rowsA == 0);
    }

    /** One line: counts, column names and masked IDs only. */
    public String line() {
      if (missing != null) {
        return String.format("  %-34s DIFFERS: no such table in %s", table, missing);
      }
      if (same()) {
        return String.format("  %-34s %7d rows, identical", table, rowsA);
      }
      if (onlyA == 0 && onlyB == 0 && columnsOnlyA.isEmpty() && columnsOnlyB.isEmpty()) {
        return String.format("  %-34s DIFFERS: no rows in either warehouse", table);
      }
      StringBuilder s = new StringBuilder(String.format("  %-34s DIFFERS:", table));
      if (!columnsOnlyA.isEmpty() || !columnsOnlyB.isEmpty()) {
        s.append(" columns only in A: ")
            .append(names(columnsOnlyA))
            .append(", only in B: ")
            .append(names(columnsOnlyB))
            .append(';');
      }
      s.append(
          String.format(
              " A %d rows, B %d rows; %d only in A, %d only in B", rowsA, rowsB, onlyA, onlyB));
      if (onlyA + onlyB > 0) {
        s.append("; columns that differ: ").append(names(differingColumns));
      }
      if (!maskedIdsOnlyA.isEmpty()) {
        s.append("; IDs only in A: ").append(String.join(" ", maskedIdsOnlyA));
      }
      if (!maskedIdsOnlyB.isEmpty()) {
        s.append("; IDs only in B: ").append(String.join(" ", maskedIdsOnlyB));
      }
      return s.toString();
    }

    private static String names(List<String> columns) {
      return columns.isEmpty() ? "none" : String.join(", ", columns);
    }
  }

  /** Every table compared, and the names of the columns left out (on either side). */
  public record Result(List<TableResult> tables, Set<String> ignoredColumns) {
    public boolean same() {
      return tables.stream().allMatch(TableResult::same);
    }

    /** The report: a line per table, the columns left out, the verdict. */
    public List<String> lines() {
      List<String> out = new ArrayList<>();
      tables.forEach(t -> out.add(t.line()));
      out.add(
          "ignored columns: "
              + (ignoredColumns.isEmpty() ? "none" : String.join(", ", ignoredColumns)));
      List<String> different =
          tables.stream().filter(t -> !t.same()).map(t -> t.table().qualified()).toList();
      out.add(
          different.isEmpty()
              ? "same: all " + tables.size() + " tables hold the same rows"
              : "different: "
                  + different.size()
                  + " of "
                  + tables.size()
                  + " tables ("
                  + String.join(", ", different)
                  + ")");
      return out;
    }
  }

  private WarehouseComparison() {}

  /** Compares warehouse {@code a} with {@code b}, each table as a reader sees it (RunTables). */
  public static Result compare(SparkSession spark, Warehouse a, Warehouse b, Options options) {
    List<TableName> inA = a.tables(spark);
    List<TableName> inB = b.tables(spark);
    Set<TableName> tables = new LinkedHashSet<>(options.tables());
    if (tables.isEmpty()) {
      for (List<TableName> side : List.of(inA, inB)) {
        side.stream().filter(t -> !t.layer().equals(Tables.RUNS.layer())).forEach(tables::add);
      }
    }
    List<TableName> both = tables.stream().filter(t -> inA.contains(t) && inB.contains(t)).toList();
    Map<TableName, Dataset<Row>> readA = RunTables.asReadersSeeThem(spark, a, both);
    Map<TableName, Dataset<Row>> readB = RunTables.asReadersSeeThem(spark, b, both);
    List<TableResult> results = new ArrayList<>();
    Set<String> ignoredSeen = new TreeSet<>();
    for (TableName t : tables) {
      if (!inA.contains(t) || !inB.contains(t)) {
        String side = inA.contains(t) ? "B" : inB.contains(t) ? "A" : "either warehouse";
        results.add(TableResult.missing(t, side));
        continue;
      }
      Dataset<Row> rowsA = ofYear(readA.get(t), options.year());
      Dataset<Row> rowsB = ofYear(readB.get(t), options.year());
      for (Dataset<Row> side : List.of(rowsA, rowsB)) {
        Arrays.stream(side.columns())
            .filter(c -> options.ignored().matcher(c).matches())
            .forEach(ignoredSeen::add);
      }
      results.add(compareRows(t, rowsA, rowsB, options.ignored(), options.requireRows()));
    }
    return new Result(List.copyOf(results), ignoredSeen);
  }

  private static Dataset<Row> ofYear(Dataset<Row> rows, Integer year) {
    return year == null || !Arrays.asList(rows.columns()).contains(ColumnNames.POLICY_YEAR)
        ? rows
        : rows.where(col(ColumnNames.POLICY_YEAR).equalTo(lit(year)));
  }

  /**
   * The rows of {@code a} and {@code b} as multisets over the columns both have that {@code
   * ignored} does not match (nested values compared as JSON). One Spark job when equal.
   */
  public static TableResult compareRows(
      TableName table, Dataset<Row> a, Dataset<Row> b, Pattern ignored, boolean requireRows) {
    List<String> kept = kept(a, ignored);
    List<String> keptB = kept(b, ignored);
    List<String> onlyA = kept.stream().filter(c -> !keptB.contains(c)).toList();
    List<String> onlyB = keptB.stream().filter(c -> !kept.contains(c)).toList();
    List<String> common = kept.stream().filter(keptB::contains).toList();
    Dataset<Row> grouped =
        side(a, common, 1, 0)
            .unionByName(side(b, common, 0, 1))
            .groupBy(common.stream().map(c -> col(c)).toArray(Column[]::new))
            .agg(sum(IN_A).as(IN_A), sum(IN_B).as(IN_B));
    Row totals =
        grouped
            .agg(
                sum(IN_A),
                sum(IN_B),
                sum(greatest(col(IN_A).minus(col(IN_B)), lit(0L))),
                sum(greatest(col(IN_B).minus(col(IN_A)), lit(0L))))
            .first();
    long rowsA = totals.isNullAt(0) ? 0 : totals.getLong(0);
    long rowsB = totals.isNullAt(1) ? 0 : totals.getLong(1);
    long aOnly = totals.isNullAt(2) ? 0 : totals.getLong(2);
    long bOnly = totals.isNullAt(3) ? 0 : totals.getLong(3);
    List<String> differing = List.of();
    List<String> idsA = new ArrayList<>();
    List<String> idsB = new ArrayList<>();
    if (aOnly + bOnly > 0) {
      // Rows with IDs and names stay in memory here: only column names and masked IDs leave.
      List<Row> rows =
          grouped.where(col(IN_A).notEqual(col(IN_B))).limit(ROWS_EXAMINED).collectAsList();
      differing = differingColumns(common, rows);
      int id = common.indexOf(ColumnNames.ID_NUMBER);
      for (Row r : rows) {
        long net = r.getLong(common.size()) - r.getLong(common.size() + 1);
        List<String> ids = net > 0 ? idsA : idsB;
        if (id >= 0 && ids.size() < IDS_SHOWN && !r.isNullAt(id)) {
          ids.add(IdNumber.maskAsWritten(String.valueOf(r.get(id))));
        }
      }
    }
    return new TableResult(
        table,
        null,
        rowsA,
        rowsB,
        aOnly,
        bOnly,
        onlyA,
        onlyB,
        differing,
        List.copyOf(idsA),
        List.copyOf(idsB),
        requireRows);
  }

  private static List<String> kept(Dataset<Row> rows, Pattern ignored) {
    return Arrays.stream(rows.columns()).filter(c -> !ignored.matcher(c).matches()).toList();
  }

  /** The compared columns of one side, nested values as JSON, and its count columns. */
  private static Dataset<Row> side(Dataset<Row> rows, List<String> common, int a, int b) {
    StructType schema = rows.schema();
    List<Column> out = new ArrayList<>();
    for (String c : common) {
      DataType type = schema.apply(c).dataType();
      boolean nested =
          type instanceof StructType || type instanceof ArrayType || type instanceof MapType;
      out.add((nested ? to_json(col(c)) : col(c)).as(c));
    }
    out.add(lit((long) a).as(IN_A));
    out.add(lit((long) b).as(IN_B));
    return rows.select(out.toArray(Column[]::new));
  }

  /**
   * The columns whose values, counted over the rows found on one side only, are not the same on
   * both sides: a changed value shows in its column, an extra row in every column it fills.
   */
  private static List<String> differingColumns(List<String> common, List<Row> rows) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < common.size(); i++) {
      Map<Object, Long> net = new HashMap<>();
      for (Row r : rows) {
        long n = r.getLong(common.size()) - r.getLong(common.size() + 1);
        net.merge(Optional.ofNullable(r.get(i)), n, Long::sum);
      }
      if (net.values().stream().anyMatch(n -> n != 0)) {
        out.add(common.get(i));
      }
    }
    return out;
  }
}
