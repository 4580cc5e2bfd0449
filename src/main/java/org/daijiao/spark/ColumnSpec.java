package org.daijiao.spark;

import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.MetadataBuilder;
import org.apache.spark.sql.types.StructField;

/**
 * One column of a table's contract: its name, its type, whether it may be null, the Chinese term
 * the county's staff use for it and a one-line English meaning for the people who read the table.
 * Term and meaning together are the column's comment in the Delta table ({@code DESCRIBE}).
 */
public record ColumnSpec(
    String name, DataType type, boolean nullable, String term, String meaning) {
  /** A column that always holds a value. */
  public static ColumnSpec required(String name, DataType type, String term, String meaning) {
    return new ColumnSpec(name, type, false, term, meaning);
  }

  /** A column that may be null (the meaning says when). */
  public static ColumnSpec optional(String name, DataType type, String term, String meaning) {
    return new ColumnSpec(name, type, true, term, meaning);
  }

  public StructField field() {
    return DataTypes.createStructField(name, type, nullable);
  }

  /** {@code 身份证号码 — the person's normalised ID number}: what {@code DESCRIBE} shows. */
  public String comment() {
    return TableContract.comment(term, meaning);
  }

  /** The field metadata that carries {@link #comment} into the table's schema. */
  Metadata commentMetadata() {
    return new MetadataBuilder().putString(TableContract.COMMENT, comment()).build();
  }
}
