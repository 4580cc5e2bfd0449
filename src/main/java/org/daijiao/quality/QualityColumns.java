package org.daijiao.quality;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.createArrayType;
import static org.daijiao.spark.ColumnSpec.required;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.daijiao.spark.ColumnNames;
import org.daijiao.spark.TableContract;
import org.daijiao.spark.Tables;

/**
 * The contracts of the quality tables (docs/development.md#table-contracts): what could not be
 * read, identities to review, and the reconciliation of rows read against rows accepted and
 * rejected. None holds a full ID number in a free-text column.
 */
public final class QualityColumns {
  public static final String DETAIL = "detail";
  public static final String NAMES = "names";

  /** {@code quality.rejected_records}: every input row that did not reach a clean table. */
  public static final TableContract REJECTED_RECORDS =
      TableContract.of(
          Tables.REJECTED_RECORDS,
          "拒收记录",
          "every input row that did not reach a clean table, with its file, line and reason (docs/inputs.md#reject-reasons)",
          required(
              ColumnNames.SOURCE,
              StringType,
              "数据来源",
              "the source folder the row came from (civil_affairs …)"),
          required(
              ColumnNames.SOURCE_FILE, StringType, "来源文件", "<source>/<file name> of the export"),
          required(
              ColumnNames.LINE,
              LongType,
              "行号",
              "line (CSV, as a text editor counts) or row (XLSX) of the row"),
          required(
              ColumnNames.REASON,
              StringType,
              "拒收原因",
              "why it was rejected: a RejectReason code (docs/inputs.md#reject-reasons)"),
          required(
              DETAIL, StringType, "问题说明", "what is wrong, for the department; never a full ID"));

  /** {@code quality.identity_conflicts}: one ID carrying different names, kept linked. */
  public static final TableContract IDENTITY_CONFLICTS =
      TableContract.of(
          Tables.IDENTITY_CONFLICTS,
          "身份信息冲突",
          "ID numbers given different names across rows or sources, kept linked, for review (docs/rules.md#one-person-per-id)",
          required(
              ColumnNames.ID_NUMBER,
              StringType,
              "身份证号码",
              "the normalised ID number the rows share"),
          required(
              NAMES,
              createArrayType(StringType, false),
              "姓名（各不相同）",
              "the different normalised names given for it, sorted"),
          required(
              ColumnNames.SOURCES,
              createArrayType(StringType, false),
              "数据来源",
              "the sources that name it, sorted"));

  /** {@code quality.ingest_reconciliation}: per source, rows read = accepted + rejected. */
  public static final TableContract INGEST_RECONCILIATION =
      TableContract.of(
          Tables.INGEST_RECONCILIATION,
          "导入对账",
          "per source: rows read = rows accepted + rows rejected",
          required(ColumnNames.SOURCE, StringType, "数据来源", "the source folder"),
          required(ColumnNames.ROWS_READ, LongType, "读取行数", "rows read from bronze"),
          required(ColumnNames.ROWS_ACCEPTED, LongType, "接收行数", "rows that reached a clean table"),
          required(
              ColumnNames.ROWS_REJECTED, LongType, "拒收行数", "rows in quality.rejected_records"));

  private QualityColumns() {}

  /**
   * {@link #REJECTED_RECORDS} rows from parsed rows that carry {@code source_file} and {@code
   * line}, with the given source, reason and detail.
   */
  public static Dataset<Row> rejectedRecords(
      Dataset<Row> rows, Column source, Column reason, Column detail) {
    return REJECTED_RECORDS.select(
        rows.select(
            source.as(ColumnNames.SOURCE),
            col(ColumnNames.SOURCE_FILE).as(ColumnNames.SOURCE_FILE),
            col(ColumnNames.LINE).as(ColumnNames.LINE),
            reason.as(ColumnNames.REASON),
            detail.as(DETAIL)));
  }
}
