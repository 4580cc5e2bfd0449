package org.daijiao.quality;

import static org.apache.spark.sql.functions.col;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * {@code quality.rejected_records}: every input row that did not reach a clean table, with its
 * file, line and reason (SPEC §5). {@code detail} never holds a full ID number.
 */
public final class RejectedRecordColumns {
  public static final String SOURCE = "source";
  public static final String SOURCE_FILE = "source_file";
  public static final String LINE = "line";
  public static final String REASON = "reason";
  public static final String DETAIL = "detail";

  private RejectedRecordColumns() {}

  /**
   * The output contract: rows with {@code source_file} and {@code line} plus the given
   * source/reason/detail.
   */
  public static Dataset<Row> select(
      Dataset<Row> rows, Column source, Column reason, Column detail) {
    return rows.select(
        source.as(SOURCE),
        col(SOURCE_FILE).as(SOURCE_FILE),
        col(LINE).as(LINE),
        reason.as(REASON),
        detail.as(DETAIL));
  }
}
