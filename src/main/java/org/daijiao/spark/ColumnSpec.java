package org.daijiao.spark;

import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;

/**
 * One column of a table's contract: its name, its type, whether it may be null, and a one-line
 * meaning for the people who read the table.
 */
public record ColumnSpec(String name, DataType type, boolean nullable, String meaning) {
  /** A column that always holds a value. */
  public static ColumnSpec required(String name, DataType type, String meaning) {
    return new ColumnSpec(name, type, false, meaning);
  }

  /** A column that may be null (the meaning says when). */
  public static ColumnSpec optional(String name, DataType type, String meaning) {
    return new ColumnSpec(name, type, true, meaning);
  }

  public StructField field() {
    return DataTypes.createStructField(name, type, nullable);
  }
}
