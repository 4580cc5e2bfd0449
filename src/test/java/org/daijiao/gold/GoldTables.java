package org.daijiao.gold;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.daijiao.PipelineFixture;
import org.daijiao.spark.TableName;
import org.daijiao.spark.Tables;
import org.daijiao.sql.ResultPrinter;

/**
 * The gold tables of the fixture county's run, and their text form as {@code sql --format csv}
 * prints it.
 */
final class GoldTables {
  static final Path FIXTURE = Path.of("src/test/resources/fixture-county");
  static final Path GOLDEN = Path.of("src/test/resources/golden");

  static final List<TableName> ALL =
      List.of(
          Tables.ELIGIBILITY,
          Tables.SUBSIDY_LEDGER,
          Tables.COVERAGE_STATS,
          Tables.DEPARTMENT_FUNDING,
          Tables.WORKLIST,
          Tables.REACHING_PENSION_AGE);

  /** The columns that name one row of each table, for a diff a reader can follow. */
  static final Map<TableName, List<String>> KEYS =
      Map.of(
          Tables.ELIGIBILITY, List.of("policy_year", "id_number"),
          Tables.SUBSIDY_LEDGER, List.of("policy_year", "id_number"),
          Tables.REACHING_PENSION_AGE, List.of("policy_year", "id_number"),
          Tables.WORKLIST, List.of("policy_year", "id_number", "action"),
          Tables.COVERAGE_STATS, List.of("policy_year", "level", "township", "village", "category"),
          Tables.DEPARTMENT_FUNDING,
              List.of("policy_year", "department", "funding_source", "batch", "mode"));

  private GoldTables() {}

  /** The fixture county, 2022, as_of 2022-12-31: one run per JVM, shared by every test class. */
  static PipelineFixture.Run fixtureRun() {
    return PipelineFixture.of(FIXTURE);
  }

  static Path goldenFile(TableName table) {
    return GOLDEN.resolve(table.table() + ".csv");
  }

  /** The table as csv text, rows sorted by all columns (of their text form), nulls first. */
  static String csv(Dataset<Row> table) {
    Dataset<Row> text = ResultPrinter.asText(table);
    Column[] order =
        Arrays.stream(text.columns())
            .map(c -> text.col(c).asc_nulls_first())
            .toArray(Column[]::new);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintWriter out = new PrintWriter(new OutputStreamWriter(bytes, StandardCharsets.UTF_8), true);
    ResultPrinter.printCsv(text.orderBy(order), out);
    return bytes.toString(StandardCharsets.UTF_8);
  }

  /** Parsed csv text: the header and the records, each a list of fields. */
  record Csv(List<String> header, List<List<String>> rows) {
    static Csv parse(String text) {
      try (CSVParser p = CSVParser.parse(new StringReader(text), CSVFormat.RFC4180)) {
        List<List<String>> all = new ArrayList<>();
        for (CSVRecord r : p) {
          all.add(r.toList());
        }
        return all.isEmpty()
            ? new Csv(List.of(), List.of())
            : new Csv(all.get(0), all.subList(1, all.size()));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
