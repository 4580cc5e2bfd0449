package org.daijiao.repair;

import static org.apache.spark.sql.functions.col;

import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.daijiao.UserFacingException;
import org.daijiao.UserFacingException.Code;
import org.daijiao.quality.QualityColumns;
import org.daijiao.spark.ColumnNames;
import org.daijiao.spark.Tables;
import org.daijiao.spark.Warehouse;

/**
 * One roster row that resolve rejected, named by its source, file and line: its ID repair
 * candidates ({@code quality.id_repair_candidates}) or why it was rejected ({@code
 * quality.rejected_records}). What {@code explain --line} reads (docs/inputs.md#id-repair).
 */
public final class RejectedRows {
  /** Why a row was rejected: {@link ColumnNames#REASON} and {@link QualityColumns#DETAIL}. */
  public record Rejection(String reason, String detail) {}

  private RejectedRows() {}

  /**
   * The row's repair candidates, by candidate ID: the input of {@link RepairExplanation#render};
   * none when the row was not rejected for its ID number.
   *
   * @param sourceFile {@code <source>/<file name>}
   * @throws UserFacingException when the warehouse has no candidates table yet
   */
  public static List<Row> candidates(
      SparkSession spark, Warehouse warehouse, String source, String sourceFile, long line) {
    if (!warehouse.exists(spark, Tables.ID_REPAIR_CANDIDATES)) {
      throw new UserFacingException(
          Code.MISSING_TABLE,
          Tables.ID_REPAIR_CANDIDATES + " does not exist in " + warehouse.root() + " yet.");
    }
    return warehouse
        .read(spark, Tables.ID_REPAIR_CANDIDATES)
        .filter(at(source, sourceFile, line))
        .orderBy(col(ColumnNames.CANDIDATE_ID_NUMBER))
        .collectAsList();
  }

  /** Why the row was rejected; empty when it was not (it was read, or there is no such line). */
  public static Optional<Rejection> rejection(
      SparkSession spark, Warehouse warehouse, String source, String sourceFile, long line) {
    return warehouse
        .read(spark, Tables.REJECTED_RECORDS)
        .filter(at(source, sourceFile, line))
        .select(col(ColumnNames.REASON), col(QualityColumns.DETAIL))
        .collectAsList()
        .stream()
        .findFirst()
        .map(r -> new Rejection(r.getAs(ColumnNames.REASON), r.getAs(QualityColumns.DETAIL)));
  }

  private static Column at(String source, String sourceFile, long line) {
    return col(ColumnNames.SOURCE)
        .equalTo(source)
        .and(col(ColumnNames.SOURCE_FILE).equalTo(sourceFile))
        .and(col(ColumnNames.LINE).equalTo(line));
  }
}
