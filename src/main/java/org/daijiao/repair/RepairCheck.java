package org.daijiao.repair;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.daijiao.UserFacingException;
import org.daijiao.spark.ColumnNames;
import org.daijiao.spark.ScalaSeqs;

/**
 * Whether each row of an accept-repairs file names a roster row this run rejected for its ID
 * number, and one of that row's repair candidates (docs/inputs.md#id-repair). Any that does not
 * stops the run before a table changes, naming the file's lines.
 */
public final class RepairCheck {
  // Working columns.
  private static final String FILE_LINE = "_file_line";
  private static final String RECORD_FOUND = "_record_found";
  private static final String CANDIDATE_FOUND = "_candidate_found";

  private static final StructType CONFIRMATION_AT = withFileLine();

  private RepairCheck() {}

  /** The file's confirmations as {@link RepairColumns#CONFIRMATION} rows. */
  public static Dataset<Row> confirmations(SparkSession spark, AcceptedRepairs accepted) {
    return withFileLines(spark, accepted).drop(FILE_LINE);
  }

  /**
   * Each confirmation that names no rejected roster row, or a candidate that is not one of its
   * row's: its file line and what is wrong (no ID quoted). Empty when all are right.
   */
  public static List<String> problems(
      SparkSession spark,
      AcceptedRepairs accepted,
      Dataset<Row> unusable,
      Dataset<Row> candidates) {
    if (accepted.isEmpty()) {
      return List.of();
    }
    Dataset<Row> records =
        unusable.select(
            col(ColumnNames.SOURCE),
            col(ColumnNames.SOURCE_FILE),
            col(ColumnNames.LINE),
            lit(true).as(RECORD_FOUND));
    Dataset<Row> offered =
        candidates
            .filter(col(ColumnNames.CANDIDATE_ID_NUMBER).isNotNull())
            .select(
                col(ColumnNames.SOURCE),
                col(ColumnNames.SOURCE_FILE),
                col(ColumnNames.LINE),
                col(ColumnNames.CANDIDATE_ID_NUMBER),
                lit(true).as(CANDIDATE_FOUND));
    // Both sides are unique on their keys: one row per confirmation.
    List<Row> wrong =
        withFileLines(spark, accepted)
            .join(
                records,
                ScalaSeqs.of(ColumnNames.SOURCE, ColumnNames.SOURCE_FILE, ColumnNames.LINE),
                "left_outer")
            .join(
                offered,
                ScalaSeqs.of(
                    ColumnNames.SOURCE,
                    ColumnNames.SOURCE_FILE,
                    ColumnNames.LINE,
                    ColumnNames.CANDIDATE_ID_NUMBER),
                "left_outer")
            .filter(col(CANDIDATE_FOUND).isNull())
            .select(
                col(FILE_LINE),
                col(ColumnNames.SOURCE_FILE),
                col(ColumnNames.LINE),
                col(RECORD_FOUND))
            .orderBy(col(FILE_LINE))
            .collectAsList();
    List<String> out = new ArrayList<>();
    for (Row r : wrong) {
      String row = r.getString(1) + " line " + r.getLong(2);
      out.add(
          "line "
              + r.getLong(0)
              + ": "
              + (r.isNullAt(3)
                  ? row
                      + " is not a roster row rejected for its ID number in this run (corrected"
                      + " since, or the export's lines moved: take the row from this run's"
                      + " quality.id_repair_candidates)"
                  : "the candidate is not one of the repair candidates of "
                      + row
                      + " (see quality.id_repair_candidates)"));
    }
    return out;
  }

  /**
   * Stops the run when {@link #problems} finds any.
   *
   * @throws UserFacingException naming the file and each wrong line
   */
  public static void failOnProblems(
      SparkSession spark,
      AcceptedRepairs accepted,
      Dataset<Row> unusable,
      Dataset<Row> candidates) {
    List<String> problems = problems(spark, accepted, unusable, candidates);
    if (!problems.isEmpty()) {
      throw AcceptedRepairs.problem(
          accepted.file(),
          0,
          problems.size()
              + " row"
              + (problems.size() == 1 ? "" : "s")
              + " cannot be applied: "
              + String.join("; ", problems));
    }
  }

  private static Dataset<Row> withFileLines(SparkSession spark, AcceptedRepairs accepted) {
    List<Row> rows = new ArrayList<>();
    for (AcceptedRepairs.Confirmation c : accepted.confirmations()) {
      rows.add(
          RowFactory.create(
              c.source(), c.sourceFile(), c.line(), c.candidate(), accepted.label(), c.fileLine()));
    }
    return spark.createDataFrame(rows, CONFIRMATION_AT);
  }

  private static StructType withFileLine() {
    return RepairColumns.CONFIRMATION.add(FILE_LINE, DataTypes.LongType, false);
  }
}
