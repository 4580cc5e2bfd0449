package org.daijiao.ingest;

import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.daijiao.spark.ColumnNames;

/**
 * The rows that come out of reading the export files, all sources together, before they are split
 * into the bronze tables. A file that cannot be read gives exactly one row with {@code file_error}
 * set and no values. A file read to its end gives, after its records, one summary row: no line and
 * no values, its size, the SHA-256 of the bytes that were parsed and the number of records (so the
 * run record names exactly the bytes that were ingested, from the one read the executors made).
 */
final class RawRowColumns {
  static final String FORMAT = "format";
  static final String VALUES = "values";
  static final String EXTRAS = "extras";
  static final String FILE_ERROR = "file_error";
  static final String FILE_BYTES = "file_bytes";
  static final String FILE_SHA256 = "file_sha256";
  static final String FILE_ROWS = "file_rows";

  /** The columns of Spark's {@code binaryFile} source that the reader uses. */
  static final String BINARY_PATH = "path";

  static final String BINARY_CONTENT = "content";

  static final StructType SCHEMA =
      new StructType()
          .add(ColumnNames.SOURCE, DataTypes.StringType, false)
          .add(ColumnNames.SOURCE_FILE, DataTypes.StringType, false)
          .add(ColumnNames.LINE, DataTypes.LongType, true)
          .add(FORMAT, DataTypes.StringType, true)
          .add(
              VALUES,
              DataTypes.createMapType(DataTypes.StringType, DataTypes.StringType, true),
              true)
          .add(
              EXTRAS,
              DataTypes.createMapType(DataTypes.StringType, DataTypes.StringType, true),
              true)
          .add(FILE_ERROR, DataTypes.StringType, true)
          .add(FILE_BYTES, DataTypes.LongType, true)
          .add(FILE_SHA256, DataTypes.StringType, true)
          .add(FILE_ROWS, DataTypes.LongType, true);

  private RawRowColumns() {}
}
