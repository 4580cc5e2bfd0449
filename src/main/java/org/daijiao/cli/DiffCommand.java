package org.daijiao.cli;

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
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.daijiao.UserFacingException;
import org.daijiao.UserFacingException.Code;
import org.daijiao.ops.RunComparison;
import org.daijiao.ops.RunHistory;
import org.daijiao.ops.RunRecord;
import org.daijiao.spark.SpreadsheetText;
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
      "Shows what changed between two recorded runs.",
      "The persons who entered or left the subsidy ledger or changed category, status,"
          + " subsidy or batch, and the coverage of the county and each township (`bin/daijiao"
          + " runs` lists the runs). IDs are masked and names left out on stdout. --out DIR"
          + " writes ledger-changes.csv (full IDs and names: the data team only) and"
          + " township-coverage.csv (counts only). Two runs of different policy files are refused"
          + " unless --allow-policy-change."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  bin/daijiao diff --from 20221130T020000-1c2d --to 20221231T020000-3f9a",
      "  bin/daijiao diff --warehouse /srv/daijiao --from 20221130T020000-1c2d --to"
          + " 20221231T020000-3f9a",
      "  bin/daijiao diff --from 20221130T020000-1c2d --to 20221231T020000-3f9a --out /srv/diff"
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
      try (RunComparison diff = RunComparison.of(spark.session, spark.warehouse, a, b)) {
        stdout.println("from " + describe(a));
        stdout.println("to   " + describe(b));
        printSummary(diff.counts(), stdout);
        stdout.println();
        PrintWriter table = new PrintWriter(stdout, true);
        TableFormat.print(ResultPrinter.asText(diff.printableChanges()), limit, table);
        table.println();
        TableFormat.print(ResultPrinter.asText(diff.coverage()), Integer.MAX_VALUE - 1, table);
        table.flush();
        if (out != null) {
          writeCsv(diff.changesByTownship(), out.resolve(CHANGES_FILE));
          writeCsv(diff.coverage(), out.resolve(COVERAGE_FILE));
          System.err.println(
              "daijiao: wrote "
                  + out.resolve(CHANGES_FILE)
                  + " (full IDs and names: for the data team only) and "
                  + out.resolve(COVERAGE_FILE));
        }
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

  private static void printSummary(RunComparison.Counts n, PrintStream out) {
    out.printf(
        "subsidy ledger: %,d entered, %,d left, %,d changed (category %,d, status %,d, subsidy %,d,"
            + " batch %,d)%n",
        n.entered(), n.left(), n.changed(), n.category(), n.status(), n.subsidy(), n.batch());
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
