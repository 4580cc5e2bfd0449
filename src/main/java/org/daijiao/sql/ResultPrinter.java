package org.daijiao.sql;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.to_json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.MapType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Prints results on stdout (or the shell's terminal), which carries nothing else, so that it can be
 * piped. One query prints as {@code sql} always has: csv is a header row then RFC 4180 rows
 * (booleans true/false, dates yyyy-MM-dd, arrays and maps as JSON, null as an empty field); json is
 * one object per row and line; table is aligned text for people. A script (several statements,
 * {@code -f}) prints one result set per statement in order: csv and table put a blank line between
 * result sets and skip statements that return no columns (USE, CREATE TEMPORARY VIEW); json prints
 * exactly one line per statement, a document {@code {"statement":n,"line":l,"columns":[{"name",
 * "type"}…],"rows":[{…}…]}} whose rows are the objects of the one-query format.
 */
public final class ResultPrinter {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Format format;
  private final int limit;
  private final PrintWriter out;
  private final boolean script;
  private boolean printed;

  /**
   * @param script whether results are result sets of a script ({@code -f}, the shell) rather than
   *     the one result of a query
   */
  public ResultPrinter(Format format, int limit, PrintWriter out, boolean script) {
    this.format = format;
    this.limit = limit;
    this.out = out;
    this.script = script;
  }

  /** Prints the result of {@code statement}; Spark computes it as it is printed. */
  public void print(Statement statement, Dataset<Row> result) {
    if (script && format == Format.json) {
      printDocument(statement, result);
    } else if (!script || result.schema().fields().length > 0) {
      if (script && printed) {
        out.println();
      }
      switch (format) {
        case csv -> printCsv(asText(result), out);
        case json -> result.toJSON().toLocalIterator().forEachRemaining(out::println);
        case table -> TableFormat.print(asText(result), limit, out);
      }
      printed = true;
    }
    out.flush();
  }

  private void printDocument(Statement statement, Dataset<Row> result) {
    ObjectNode head = JSON.createObjectNode();
    head.put("statement", statement.number());
    head.put("line", statement.line());
    ArrayNode columns = head.putArray("columns");
    for (StructField f : result.schema().fields()) {
      columns.addObject().put("name", f.name()).put("type", f.dataType().simpleString());
    }
    String text;
    try {
      text = JSON.writeValueAsString(head);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    // The rows are Spark's own JSON objects (as in the one-query format), streamed in.
    out.write(text, 0, text.length() - 1);
    out.print(",\"rows\":[");
    Iterator<String> rows = result.toJSON().toLocalIterator();
    for (boolean first = true; rows.hasNext(); first = false) {
      out.print(first ? "" : ",");
      out.print(rows.next());
    }
    out.println("]}");
  }

  /**
   * Every column as its text form, computed by Spark (dates yyyy-MM-dd, booleans true/false, arrays
   * JSON).
   */
  public static Dataset<Row> asText(Dataset<Row> result) {
    List<Column> columns = new ArrayList<>();
    for (StructField f : result.schema().fields()) {
      DataType t = f.dataType();
      Column c = col("`" + f.name().replace("`", "``") + "`");
      columns.add(
          (t instanceof ArrayType || t instanceof MapType || t instanceof StructType
                  ? to_json(c)
                  : c.cast("string"))
              .as(f.name()));
    }
    return result.select(columns.toArray(new Column[0]));
  }

  /** Prints {@code text} (see {@link #asText}) as csv: a header row, then rows, null as empty. */
  public static void printCsv(Dataset<Row> text, PrintWriter out) {
    String[] header = text.columns();
    try {
      CSVPrinter printer =
          new CSVPrinter(
              out, CSVFormat.RFC4180.builder().setRecordSeparator("\n").setHeader(header).build());
      Iterator<Row> rows = text.toLocalIterator();
      while (rows.hasNext()) {
        Row r = rows.next();
        List<String> values = new ArrayList<>(header.length);
        for (int i = 0; i < header.length; i++) {
          values.add(r.isNullAt(i) ? "" : r.getString(i));
        }
        printer.printRecord(values);
      }
      printer.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
