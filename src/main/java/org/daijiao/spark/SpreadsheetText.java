package org.daijiao.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.to_json;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.MapType;
import org.apache.spark.sql.types.StringType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The cells of a CSV file that people open in a spreadsheet ({@code export --for analysts}, {@code
 * diff --out}; docs/operations.md, "Files for spreadsheets"). Excel, WPS and LibreOffice take a
 * cell that starts with {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage return for
 * a formula, so a village a clerk typed as {@code =1+1} or {@code =HYPERLINK(…)} would run when the
 * file is opened. As OWASP's advice on CSV injection has it, such a cell is written with a single
 * quote in front ({@code '=1+1}): the spreadsheet shows it as text. The full-width forms of the
 * four signs, which Chinese input methods type, get the quote too.
 *
 * <p>Only text columns, decided by the column's type: a negative amount ({@code -70.00}) in a
 * decimal column is a number and stays one. Dates, booleans and numbers cannot start a formula;
 * arrays, maps and structs are written as JSON, which starts with a bracket or a brace. {@code sql
 * --format csv} feeds other programs and stays exact: it does not use this class.
 */
public final class SpreadsheetText {
  /**
   * A text that a spreadsheet would evaluate: its first character (Java regex, as Spark's {@code
   * rlike} reads it).
   */
  static final String FORMULA_START = "^[=+\\-@\\t\\r\uFF1D\uFF0B\uFF0D\uFF20]";

  /** What goes in front of such a text. */
  static final String TEXT_MARK = "'";

  private SpreadsheetText() {}

  /**
   * Every column of {@code rows} as the text a spreadsheet file holds: text columns through {@link
   * #safe}, nested values as JSON, the rest as Spark writes them (dates yyyy-MM-dd, booleans
   * true/false, decimals with their scale). Null stays null (an empty field).
   */
  public static Dataset<Row> asText(Dataset<Row> rows) {
    List<Column> columns = new ArrayList<>();
    for (StructField f : rows.schema().fields()) {
      DataType t = f.dataType();
      Column c = col("`" + f.name().replace("`", "``") + "`");
      Column text;
      if (t instanceof StringType) {
        text = safe(c);
      } else if (t instanceof ArrayType || t instanceof MapType || t instanceof StructType) {
        text = to_json(c);
      } else {
        text = c.cast("string");
      }
      columns.add(text.as(f.name()));
    }
    return rows.select(columns.toArray(new Column[0]));
  }

  /** A text column whose cells a spreadsheet shows as text: a formula's first sign gets a quote. */
  public static Column safe(Column text) {
    return when(text.rlike(FORMULA_START), concat(lit(TEXT_MARK), text)).otherwise(text);
  }
}
