package org.daijiao.cli;

import static org.apache.spark.sql.functions.array_contains;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.count_if;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.Callable;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;
import org.daijiao.UserFacingException;
import org.daijiao.UserFacingException.Code;
import org.daijiao.coverage.CoverageStages;
import org.daijiao.decide.GoldColumns;
import org.daijiao.ops.DiffColumns;
import org.daijiao.ops.RunDiff;
import org.daijiao.ops.RunHistory;
import org.daijiao.ops.RunRecord;
import org.daijiao.ops.RunTables;
import org.daijiao.spark.SpreadsheetText;
import org.daijiao.spark.TableName;
import org.daijiao.spark.Tables;
import org.daijiao.sql.ResultPrinter;
import org.daijiao.sql.TableFormat;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The monthly follow-up of the notice (即进立保, 动态清零): between two recorded runs of a policy year, who
 * entered or left the subsidy ledger, whose category, status, subsidy or batch changed, and how the
 * county's and each township's coverage moved. Printed with masked IDs and without names; {@code
 * --out DIR} also writes the full CSV for the data team.
 */
@Command(
    name = "diff",
    mixinStandardHelpOptions = true,
    description = {
      "Compare the gold tables two recorded runs left (`daijiao runs` lists them): persons who",
      "entered or left the subsidy ledger or changed category, status, subsidy or batch, and the",
      "coverage of the county and each township. IDs are masked and names left out on stdout;",
      "--out DIR writes ledger-changes.csv (full IDs and names: the data team only) and",
      "township-coverage.csv (counts only)."
    })
final class DiffCommand implements Callable<Integer> {
  static final String CHANGES_FILE = "ledger-changes.csv";
  static final String COVERAGE_FILE = "township-coverage.csv";

  @Mixin CommonOptions common;

  @Option(
      names = "--from",
      required = true,
      paramLabel = "RUN_ID",
      description = "The earlier run.")
  String from;

  @Option(names = "--to", required = true, paramLabel = "RUN_ID", description = "The later run.")
  String to;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      description = "Also write the full comparison as CSV files into DIR (owner-only).")
  Path out;

  @Option(
      names = "--limit",
      description = "Most persons printed (default: ${DEFAULT-VALUE}); --out writes all.",
      defaultValue = "200")
  int limit;

  @Option(
      names = "--allow-policy-change",
      description =
          "Compare runs that used different policy files (the differences then mix rule changes"
              + " with data changes).")
  boolean allowPolicyChange;

  @Override
  public Integer call() {
    PrintStream stdout = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    try (Spark spark = new Spark(common)) {
      RunHistory history = RunHistory.read(spark.session, spark.warehouse);
      RunRecord a = decided(history.require(from, "--from"), "--from");
      RunRecord b = decided(history.require(to, "--to"), "--to");
      if (!allowPolicyChange && !a.policySha256().equals(b.policySha256())) {
        throw new UserFacingException(
            Code.POLICY,
            "Runs "
                + a.runId()
                + " and "
                + b.runId()
                + " used different policy files ("
                + a.policyFile()
                + " sha256 "
                + a.policySha256().substring(0, 12)
                + "…, "
                + b.policyFile()
                + " sha256 "
                + b.policySha256().substring(0, 12)
                + "…): their differences would mix changed rules with changed data. Compare runs"
                + " of one policy file, or pass --allow-policy-change.");
      }
      Dataset<Row> changes =
          RunDiff.ledgerChanges(
                  ofYear(
                      RunTables.read(spark.session, spark.warehouse, Tables.SUBSIDY_LEDGER, a), a),
                  ofYear(
                      RunTables.read(spark.session, spark.warehouse, Tables.SUBSIDY_LEDGER, b), b),
                  ofYear(RunTables.read(spark.session, spark.warehouse, Tables.ELIGIBILITY, b), b))
              .persist(StorageLevel.MEMORY_AND_DISK());
      try {
        Dataset<Row> coverage =
            RunDiff.townshipCoverage(
                    ofYear(stats(spark, a), a), ofYear(stats(spark, b), b), changes)
                .orderBy(col(DiffColumns.LEVEL), col(DiffColumns.TOWNSHIP).asc_nulls_first());
        stdout.println("from " + describe(a));
        stdout.println("to   " + describe(b));
        printSummary(changes, stdout);
        stdout.println();
        PrintWriter table = new PrintWriter(stdout, true);
        TableFormat.print(ResultPrinter.asText(printable(changes)), limit, table);
        table.println();
        TableFormat.print(ResultPrinter.asText(coverage), Integer.MAX_VALUE - 1, table);
        table.flush();
        if (out != null) {
          writeCsv(
              changes.orderBy(col(DiffColumns.TOWNSHIP), col(DiffColumns.ID_NUMBER)),
              out.resolve(CHANGES_FILE));
          writeCsv(coverage, out.resolve(COVERAGE_FILE));
          System.err.println(
              "daijiao: wrote "
                  + out.resolve(CHANGES_FILE)
                  + " (full IDs and names: for the data team only) and "
                  + out.resolve(COVERAGE_FILE));
        }
      } finally {
        changes.unpersist();
      }
    }
    return 0;
  }

  /** A run that decided a year: the runs of `run`, `decide` and `stats`. */
  private static RunRecord decided(RunRecord r, String option) {
    if (r.policyYear() == null || r.policySha256() == null) {
      throw new UserFacingException(
          Code.WAREHOUSE,
          option
              + " "
              + r.runId()
              + " is a `"
              + r.command()
              + "` run, which decided no policy year: compare runs of `run` (or `decide`, `stats`).");
    }
    return r;
  }

  private static Dataset<Row> ofYear(Dataset<Row> table, RunRecord r) {
    return table.filter(col(GoldColumns.POLICY_YEAR).equalTo(r.policyYear()));
  }

  private static Dataset<Row> stats(Spark spark, RunRecord r) {
    TableName t = Tables.COVERAGE_STATS;
    return RunTables.read(spark.session, spark.warehouse, t, r);
  }

  private static String describe(RunRecord r) {
    return "run "
        + r.runId()
        + " (`"
        + r.command()
        + "`, policy year "
        + r.policyYear()
        + ", as of "
        + r.asOf()
        + ", "
        + r.outcome()
        + ")";
  }

  private static void printSummary(Dataset<Row> changes, PrintStream out) {
    Column kind = col(DiffColumns.CHANGE);
    Column what = col(DiffColumns.CHANGED);
    Row n =
        changes
            .agg(
                count_if(kind.equalTo(DiffColumns.Change.ENTERED.name())),
                count_if(kind.equalTo(DiffColumns.Change.LEFT.name())),
                count_if(kind.equalTo(DiffColumns.Change.CHANGED.name())),
                count_if(array_contains(what, GoldColumns.CATEGORY)),
                count_if(array_contains(what, GoldColumns.STATUS)),
                count_if(array_contains(what, GoldColumns.SUBSIDY_AMOUNT)),
                count_if(array_contains(what, GoldColumns.BATCH)))
            .first();
    out.printf(
        "subsidy ledger: %,d entered, %,d left, %,d changed (category %,d, status %,d, subsidy %,d,"
            + " batch %,d)%n",
        n.getLong(0),
        n.getLong(1),
        n.getLong(2),
        n.getLong(3),
        n.getLong(4),
        n.getLong(5),
        n.getLong(6));
  }

  /** The changes as printed: the ID masked, no name, each pair of values as "from → to". */
  private static Dataset<Row> printable(Dataset<Row> changes) {
    return changes
        .orderBy(col(DiffColumns.CHANGE), col(DiffColumns.TOWNSHIP), col(DiffColumns.ID_NUMBER))
        .select(
            col(DiffColumns.CHANGE),
            CoverageStages.masked(col(DiffColumns.ID_NUMBER)).as(DiffColumns.ID_NUMBER),
            col(DiffColumns.TOWNSHIP),
            col(DiffColumns.VILLAGE),
            pair(DiffColumns.CATEGORY_FROM, DiffColumns.CATEGORY_TO).as(GoldColumns.CATEGORY),
            pair(DiffColumns.STATUS_FROM, DiffColumns.STATUS_TO).as(GoldColumns.STATUS),
            pair(DiffColumns.SUBSIDY_FROM, DiffColumns.SUBSIDY_TO).as(GoldColumns.SUBSIDY_AMOUNT),
            pair(DiffColumns.BATCH_FROM, DiffColumns.BATCH_TO).as(GoldColumns.BATCH),
            col(DiffColumns.REASONS_TO));
  }

  private static Column pair(String fromColumn, String toColumn) {
    Column a = col(fromColumn).cast("string");
    Column b = col(toColumn).cast("string");
    return when(a.eqNullSafe(b), a).otherwise(concat_ws(" → ", coalesceDash(a), coalesceDash(b)));
  }

  private static Column coalesceDash(Column c) {
    return org.apache.spark.sql.functions.coalesce(c, lit("-"));
  }

  /** A CSV file only its owner can read: it holds ID numbers and names. */
  private static void writeCsv(Dataset<Row> rows, Path file) {
    try {
      Path dir = file.getParent();
      boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
      if (!Files.isDirectory(dir)) {
        if (posix) {
          Files.createDirectories(
              dir,
              PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } else {
          Files.createDirectories(dir);
        }
      }
      Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
      Files.deleteIfExists(tmp);
      if (posix) {
        Files.createFile(
            tmp,
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      }
      try (OutputStream os = Files.newOutputStream(tmp);
          PrintWriter ps =
              new PrintWriter(new java.io.OutputStreamWriter(os, StandardCharsets.UTF_8))) {
        // Names and villages as typed by clerks: a spreadsheet must show them, never run them.
        ResultPrinter.printCsv(SpreadsheetText.asText(rows), ps);
      }
      Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UserFacingException(
          Code.OPTION, "--out " + out(file) + ": cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  private static String out(Path file) {
    return String.valueOf(file.getParent());
  }
}
