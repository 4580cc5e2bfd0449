package org.daijiao.quality;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.createArrayType;
import static org.daijiao.spark.ColumnSpec.required;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.daijiao.spark.TableContract;
import org.daijiao.spark.Tables;

/**
 * The contracts of the quality tables (SPEC §5): what could not be read, identities to review, and
 * the reconciliation of rows read against rows accepted and rejected. None holds a full ID number
 * in a free-text column.
 */
public final class QualityColumns {
  public static final String SOURCE = "source";
  public static final String SOURCE_FILE = "source_file";
  public static final String LINE = "line";
  public static final String REASON = "reason";
  public static final String DETAIL = "detail";
  public static final String ID_NUMBER = "id_number";
  public static final String NAMES = "names";
  public static final String SOURCES = "sources";
  public static final String ROWS_READ = "rows_read";
  public static final String ROWS_ACCEPTED = "rows_accepted";
  public static final String ROWS_REJECTED = "rows_rejected";

  /** {@code quality.rejected_records}: every input row that did not reach a clean table. */
  public static final TableContract REJECTED_RECORDS =
      TableContract.of(
          Tables.REJECTED_RECORDS,
          required(SOURCE, StringType, "the source folder the row came from (civil_affairs …)"),
          required(SOURCE_FILE, StringType, "<source>/<file name> of the export"),
          required(LINE, LongType, "line (CSV, as a text editor counts) or row (XLSX) of the row"),
          required(REASON, StringType, "why it was rejected: a RejectReason code (SPEC §3, §4)"),
          required(DETAIL, StringType, "what is wrong, for the department; never a full ID"));

  /** {@code quality.identity_conflicts}: one ID carrying different names, kept linked. */
  public static final TableContract IDENTITY_CONFLICTS =
      TableContract.of(
          Tables.IDENTITY_CONFLICTS,
          required(ID_NUMBER, StringType, "the normalised ID number the rows share"),
          required(
              NAMES,
              createArrayType(StringType, false),
              "the different normalised names given for it, sorted"),
          required(
              SOURCES, createArrayType(StringType, false), "the sources that name it, sorted"));

  /** {@code quality.ingest_reconciliation}: per source, rows read = accepted + rejected. */
  public static final TableContract INGEST_RECONCILIATION =
      TableContract.of(
          Tables.INGEST_RECONCILIATION,
          required(SOURCE, StringType, "the source folder"),
          required(ROWS_READ, LongType, "rows read from bronze"),
          required(ROWS_ACCEPTED, LongType, "rows that reached a clean table"),
          required(ROWS_REJECTED, LongType, "rows in quality.rejected_records"));

  private QualityColumns() {}

  /**
   * {@link #REJECTED_RECORDS} rows from parsed rows that carry {@code source_file} and {@code
   * line}, with the given source, reason and detail.
   */
  public static Dataset<Row> rejectedRecords(
      Dataset<Row> rows, Column source, Column reason, Column detail) {
    return REJECTED_RECORDS.select(
        rows.select(
            source.as(SOURCE),
            col(SOURCE_FILE).as(SOURCE_FILE),
            col(LINE).as(LINE),
            reason.as(REASON),
            detail.as(DETAIL)));
  }
}
