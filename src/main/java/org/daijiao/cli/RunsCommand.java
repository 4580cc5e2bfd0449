package org.daijiao.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.daijiao.ops.LockHolder;
import org.daijiao.ops.RunHistory;
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
      "List the recorded runs of the warehouse (ops.runs), newest first, and a run in progress.",
      "With --run RUN_ID: everything recorded about one run (inputs and their hashes, rows per"
          + " source, the table versions it wrote)."
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
      description = "Output format of the list: table or csv (default: ${DEFAULT-VALUE}).",
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
      List<Row> rows = new ArrayList<>();
      for (RunRecord r : history.newestFirst()) {
        rows.add(listRow(r));
      }
      Dataset<Row> list = spark.session.createDataFrame(rows, LIST);
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

  private static final StructType LIST =
      strings(
          "run_id",
          "command",
          "outcome",
          "started",
          "seconds",
          "policy_year",
          "as_of",
          "input_files",
          "new_files",
          "rows_read",
          "tables_written",
          "error_class");

  private static Row listRow(RunRecord r) {
    long newFiles =
        r.inputFiles() == null
            ? 0
            : r.inputFiles().stream().filter(f -> f.ingestedBeforeBy() == null).count();
    long rowsRead =
        r.sources() == null
            ? 0
            : r.sources().stream().mapToLong(RunRecord.SourceCounts::read).sum();
    return RowFactory.create(
        r.runId(),
        r.command(),
        r.outcome().name(),
        WarehouseLock.local(r.startedAt().toString()),
        r.endedAt() == null
            ? null
            : String.valueOf(Duration.between(r.startedAt(), r.endedAt()).toSeconds()),
        r.policyYear() == null ? null : r.policyYear().toString(),
        r.asOf() == null ? null : r.asOf().toString(),
        r.inputFiles() == null ? null : String.valueOf(r.inputFiles().size()),
        r.inputFiles() == null ? null : String.valueOf(newFiles),
        r.sources() == null ? null : String.valueOf(rowsRead),
        String.valueOf(r.tablesWritten().size()),
        r.errorClass());
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
      List<Row> files = new ArrayList<>();
      for (RunRecord.InputFile f : r.inputFiles()) {
        files.add(
            RowFactory.create(
                f.file(),
                String.valueOf(f.bytes()),
                f.sha256(),
                f.ingestedBeforeBy() == null ? "new" : "as in " + f.ingestedBeforeBy()));
      }
      TableFormat.print(
          spark.createDataFrame(files, strings("file", "bytes", "sha256", "content")),
          Integer.MAX_VALUE - 1,
          writer(out));
    }
    if (r.sources() != null) {
      out.println();
      List<Row> sources = new ArrayList<>();
      for (RunRecord.SourceCounts c : r.sources()) {
        sources.add(
            RowFactory.create(
                c.source(),
                String.valueOf(c.read()),
                c.accepted() == null ? null : c.accepted().toString(),
                c.rejected() == null ? null : c.rejected().toString()));
      }
      TableFormat.print(
          spark.createDataFrame(sources, strings("source", "read", "accepted", "rejected")),
          Integer.MAX_VALUE - 1,
          writer(out));
    }
    out.println();
    List<Row> tables = new ArrayList<>();
    for (Map.Entry<String, Long> e : r.tableVersions().entrySet()) {
      tables.add(
          RowFactory.create(
              e.getKey(),
              String.valueOf(e.getValue()),
              r.tablesWritten().containsKey(e.getKey()) ? "written by this run" : ""));
    }
    TableFormat.print(
        spark.createDataFrame(tables, strings("table", "version", "")),
        Integer.MAX_VALUE - 1,
        writer(out));
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

  private static StructType strings(String... names) {
    List<StructField> fields = new ArrayList<>();
    for (String n : names) {
      fields.add(DataTypes.createStructField(n, DataTypes.StringType, true));
    }
    return new StructType(fields.toArray(new StructField[0]));
  }
}
