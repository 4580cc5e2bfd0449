package org.daijiao.cli;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.to_json;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.spark.sql.AnalysisException;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.MapType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.daijiao.UserFacingException;
import org.daijiao.UserFacingException.Code;
import org.daijiao.ops.RunTables;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Query any table as {@code <layer>.<table>}. Stdout carries only the result, so it can be piped:
 * csv is a header row then RFC 4180 rows (booleans true/false, dates yyyy-MM-dd, arrays and maps as
 * JSON, null as an empty field); json is one object per line; table is aligned text for people.
 */
@Command(
    name = "sql",
    mixinStandardHelpOptions = true,
    description =
        "Run a SQL query on the warehouse tables (bronze.*, quality.*, silver.*, gold.*).")
public final class SqlCommand implements Callable<Integer> {
  enum Format {
    table,
    csv,
    json
  }

  @Mixin CommonOptions common;

  @Option(
      names = "--format",
      description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).",
      defaultValue = "table")
  Format format;

  @Option(
      names = "--limit",
      description =
          "Most rows printed in table format (default: ${DEFAULT-VALUE}); csv and json print all.",
      defaultValue = "200")
  int limit;

  @Option(
      names = "--run",
      paramLabel = "RUN_ID",
      description =
          "Read every table as the recorded run RUN_ID left it (`daijiao runs` lists them);"
              + " default: as the last finished run left it.")
  String run;

  @Parameters(
      paramLabel = "QUERY",
      description = "The SQL query, e.g. \"SELECT * FROM gold.coverage_stats\".")
  String query;

  @Override
  public Integer call() {
    try (Spark spark = new Spark(common)) {
      RunTables.registerNamedIn(spark.session, spark.warehouse, query, run, System.err);
      Dataset<Row> result;
      try {
        result = spark.session.sql(query);
      } catch (Exception e) {
        // Spark throws AnalysisException (a checked exception) without declaring it.
        if (e instanceof AnalysisException a) {
          throw new UserFacingException(
              Code.QUERY, "The query cannot run: " + a.getSimpleMessage());
        }
        if (e.getClass().getName().contains("ParseException")) {
          throw new UserFacingException(
              Code.QUERY,
              "The query is not valid SQL: " + e.getMessage().lines().findFirst().orElse(""));
        }
        throw e instanceof RuntimeException r ? r : new IllegalStateException(e);
      }
      PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
      switch (format) {
        case csv -> printCsv(asText(result), out);
        case json -> result.toJSON().toLocalIterator().forEachRemaining(out::println);
        case table -> TableFormat.print(asText(result), limit, out);
      }
      out.flush();
    }
    return 0;
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

  /**
   * Prints {@code text} (see {@link #asText}) as csv: a header row, then RFC 4180 rows, null as
   * empty.
   */
  public static void printCsv(Dataset<Row> text, PrintStream out) {
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
