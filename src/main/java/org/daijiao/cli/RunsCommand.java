package org.daijiao.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.daijiao.ops.LockHolder;
import org.daijiao.ops.RunHistory;
import org.daijiao.ops.RunListing;
import org.daijiao.ops.RunRecord;
import org.daijiao.ops.WarehouseLock;
import org.daijiao.sql.Format;
import org.daijiao.sql.ResultPrinter;
import org.daijiao.sql.TableFormat;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The recorded runs of a warehouse ({@code ops.runs}), newest first, and the run holding the lock:
 * what a data engineer checks after a scheduled run, and what an auditor asks for. No personal
 * data: ids, commands, paths, dates, counts, hashes.
 */
@Command(
    name = "runs",
    mixinStandardHelpOptions = true,
    description = {
      "Lists the recorded runs of the warehouse, newest first.",
      "Also a run in progress. With --run RUN_ID: everything recorded about one run: its"
          + " inputs and their hashes, the rows per source and the table versions it wrote"
          + " (docs/operations.md)."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  bin/daijiao runs --warehouse /srv/daijiao",
      "  bin/daijiao runs --warehouse /srv/daijiao --run 20221231T020000-3f9a",
      "  bin/daijiao runs --warehouse /srv/daijiao --format csv > runs.csv"
    })
final class RunsCommand implements Callable<Integer> {
  @Mixin CommonOptions common;

  @Option(names = "--run", paramLabel = "RUN_ID", description = "Show one run in full.")
  String run;

  @Option(
      names = "--limit",
      description = "Most runs listed (default: ${DEFAULT-VALUE}).",
      defaultValue = "50")
  int limit;

  @Option(
      names = "--format",
      description =
          "Output format of the list: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).",
      defaultValue = "table")
  Format format;

  @Override
  public Integer call() {
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    try (Spark spark = new Spark(common)) {
      RunHistory history = RunHistory.read(spark.session, spark.warehouse);
      if (run != null) {
        printRun(spark.session, history.require(run, "--run"), out);
        return 0;
      }
      printLock(spark, out);
      Dataset<Row> list = RunListing.runs(spark.session, history.newestFirst());
      PrintWriter writer = new PrintWriter(out, true);
      switch (format) {
        case csv -> ResultPrinter.printCsv(list, writer);
        case json -> list.toJSON().toLocalIterator().forEachRemaining(writer::println);
        case table -> TableFormat.print(list, limit, writer);
      }
      writer.flush();
    }
    return 0;
  }

  private static void printLock(Spark spark, PrintStream out) {
    LockHolder holder = WarehouseLock.current(spark.session, spark.warehouse);
    if (holder == null) {
      return;
    }
    boolean held = WarehouseLock.isHeld(spark.session, spark.warehouse);
    out.println(
        (held ? "in progress: " : "stopped without finishing (killed?): ")
            + "run "
            + holder.runId()
            + " (`"
            + holder.command()
            + "`, started "
            + WarehouseLock.local(holder.startedAt())
            + ", process "
            + holder.pid()
            + " on "
            + holder.host()
            + ")"
            + (held
                ? ""
                : " — the next run that writes takes its lock over and records it as ABANDONED"));
    out.println();
  }

  private static void printRun(SparkSession spark, RunRecord r, PrintStream out) {
    out.println("run id          " + r.runId());
    out.println("command         " + r.command() + " " + String.join(" ", r.arguments()));
    out.println(
        "outcome         "
            + r.outcome()
            + (r.errorClass() == null ? "" : " (" + r.errorClass() + ")"));
    out.println("started         " + WarehouseLock.local(r.startedAt().toString()));
    out.println(
        "ended           "
            + (r.endedAt() == null ? "(killed)" : WarehouseLock.local(r.endedAt().toString())));
    out.println(
        "daijiao         " + r.daijiaoVersion() + ", warehouse format " + r.warehouseFormat());
    out.println("policy file     " + orDash(r.policyFile()));
    out.println("policy sha256   " + orDash(r.policySha256()));
    out.println("policy year     " + orDash(r.policyYear()));
    out.println("as of           " + orDash(r.asOf()));
    out.println("input dir       " + orDash(r.inputDir()));
    if (r.inputFiles() != null) {
      out.println();
      print(RunListing.inputFiles(spark, r), out);
    }
    if (r.sources() != null) {
      out.println();
      print(RunListing.sources(spark, r), out);
    }
    out.println();
    print(RunListing.tables(spark, r), out);
  }

  private static void print(Dataset<Row> table, PrintStream out) {
    TableFormat.print(table, Integer.MAX_VALUE - 1, writer(out));
  }

  /**
   * A writer onto {@code out} that flushes each line, so that its lines and out's stay in order.
   */
  private static PrintWriter writer(PrintStream out) {
    return new PrintWriter(out, true);
  }

  private static String orDash(Object value) {
    return value == null ? "-" : value.toString();
  }
}
