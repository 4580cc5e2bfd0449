package org.daijiao.cli;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.daijiao.UserFacingException;
import org.daijiao.UserFacingException.Code;
import org.daijiao.ops.WarehouseComparison;
import org.daijiao.ops.WarehouseFormat;
import org.daijiao.spark.TableName;
import org.daijiao.spark.Warehouse;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Whether two warehouses hold the same rows, leaving out what changes between two runs of the same
 * inputs (docs/development.md#warehouse-comparison): what the crash check and the cluster check
 * ask. Read-only; prints table and column names, counts and masked IDs, never a name.
 */
@Command(
    name = "compare",
    mixinStandardHelpOptions = true,
    description = {
      "Tells whether two warehouses hold the same rows.",
      "Every row of every table (except ops) is compared as a multiset, leaving out the columns"
          + " that differ between two correct runs (run ids, timestamps). Each table is read as a"
          + " reader sees it (the last finished run's version). Prints a line per table (counts,"
          + " the columns that differ, masked IDs; no names). Exit code 0: the same; 1: different"
          + " (or an error)."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  bin/daijiao compare target/ci-warehouse target/ci-restored",
      "  bin/daijiao compare /tmp/a /tmp/b --table gold.subsidy_ledger --year 2022"
    })
final class CompareCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "A", description = "The first warehouse (the reference).")
  String a;

  @Parameters(index = "1", paramLabel = "B", description = "The second warehouse.")
  String b;

  @Option(
      names = "--table",
      paramLabel = "LAYER.TABLE",
      description = "Compare only these tables (repeatable; default: every table of either).")
  List<String> tables = List.of();

  @Option(
      names = "--year",
      description = "Only the rows of this policy year, in tables with a policy_year column.")
  Integer year;

  @Option(
      names = "--ignore",
      paramLabel = "REGEX",
      description = "Columns left out, by name (default: ${DEFAULT-VALUE}).",
      defaultValue = WarehouseComparison.IGNORED_COLUMNS)
  String ignore;

  @Option(
      names = "--require-rows",
      description = "A table without rows in both warehouses counts as a difference.")
  boolean requireRows;

  @Option(names = "--verbose", description = "Show Spark's and Delta's logs and full stack traces.")
  boolean verbose;

  @Override
  public Integer call() {
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    CommonOptions common = new CommonOptions();
    common.warehouse = a;
    common.verbose = verbose;
    WarehouseComparison.Options options =
        new WarehouseComparison.Options(
            tables.stream().map(CompareCommand::tableName).toList(),
            year,
            pattern(ignore),
            requireRows);
    try (Spark spark = new Spark(common)) {
      Warehouse other = new Warehouse(b);
      WarehouseFormat.requireKnown(spark.session, other);
      out.println("A: " + spark.warehouse.root());
      out.println("B: " + other.root());
      WarehouseComparison.Result result =
          WarehouseComparison.compare(spark.session, spark.warehouse, other, options);
      result.lines().forEach(out::println);
      return result.same() ? 0 : 1;
    }
  }

  private static TableName tableName(String qualified) {
    int dot = qualified.indexOf('.');
    if (dot <= 0 || dot == qualified.length() - 1 || qualified.indexOf('.', dot + 1) >= 0) {
      throw new UserFacingException(
          Code.OPTION,
          "--table " + qualified + ": name a table as LAYER.TABLE, e.g. gold.eligibility.");
    }
    return new TableName(qualified.substring(0, dot), qualified.substring(dot + 1));
  }

  private static Pattern pattern(String regex) {
    try {
      return Pattern.compile(regex);
    } catch (PatternSyntaxException e) {
      throw new UserFacingException(
          Code.OPTION, "--ignore: not a regular expression (" + e.getDescription() + ").");
    }
  }
}
