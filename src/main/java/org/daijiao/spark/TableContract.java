package org.daijiao.spark;

import static org.apache.spark.sql.functions.col;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * A table's contract: where it lives ({@link Tables}), what it is (a Chinese term and an English
 * meaning) and its columns in order, each with type, nullability, term and meaning (Delta's value
 * types carry their schema the same way). Defined once, in the {@code …Columns} class of the
 * package that writes the table; the writing stage ends with {@link #select}, {@link TableWriter}
 * refuses rows of another shape and writes the terms and meanings as the table's comments, and the
 * tests build their expected rows with {@link #schema}.
 */
public record TableContract(
    TableName table, String term, String meaning, List<ColumnSpec> columns) {
  /** The key of a column's comment in its field metadata, as Spark's {@code DESCRIBE} reads it. */
  static final String COMMENT = "comment";

  public TableContract {
    Objects.requireNonNull(table, "table");
    columns = List.copyOf(columns);
  }

  public static TableContract of(
      TableName table, String term, String meaning, ColumnSpec... columns) {
    return new TableContract(table, term, meaning, List.of(columns));
  }

  /** The table's comment ({@code DESCRIBE EXTENDED}, {@code DESCRIBE DETAIL}): term — meaning. */
  public String comment() {
    return comment(term, meaning);
  }

  static String comment(String term, String meaning) {
    return term + " — " + meaning;
  }

  /** The columns as a Spark schema, nullability as stated. */
  public StructType schema() {
    return new StructType(columns.stream().map(ColumnSpec::field).toArray(StructField[]::new));
  }

  public List<String> names() {
    return columns.stream().map(ColumnSpec::name).toList();
  }

  public ColumnSpec column(String name) {
    return columns.stream()
        .filter(c -> c.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException(table + " has no column " + name));
  }

  /** The final select of the stage that writes the table: exactly its columns, in order. */
  public Dataset<Row> select(Dataset<Row> rows) {
    return rows.select(columns.stream().map(c -> col(c.name())).toArray(Column[]::new));
  }

  /**
   * The same rows with each column's comment in its field metadata, so that the write that stores
   * them stores the comments too (a projection: no extra pass over the data).
   */
  Dataset<Row> withComments(Dataset<Row> rows) {
    return rows.select(
        columns.stream()
            .map(c -> col(c.name()).as(c.name(), c.commentMetadata()))
            .toArray(Column[]::new));
  }

  /**
   * What differs between {@code schema} and the contract's columns (names and types, in order;
   * nullability is the contract's promise, checked on the data), or an empty list.
   */
  public List<String> differences(StructType schema) {
    List<String> out = new ArrayList<>();
    StructField[] fields = schema.fields();
    for (int i = 0; i < Math.max(fields.length, columns.size()); i++) {
      String expected = i < columns.size() ? describe(columns.get(i).field()) : "(none)";
      String actual = i < fields.length ? describe(fields[i]) : "(none)";
      if (!expected.equals(actual)) {
        out.add("column " + (i + 1) + ": expected " + expected + ", got " + actual);
      }
    }
    return out;
  }

  private static String describe(StructField f) {
    return f.name() + " " + f.dataType().simpleString();
  }
}
