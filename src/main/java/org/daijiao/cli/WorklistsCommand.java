package org.daijiao.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.daijiao.policy.Policy;
import org.daijiao.report.OutputFiles;
import org.daijiao.report.WorklistsJob;
import org.daijiao.spark.Progress;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The village work lists for the township and village clerks (docs/reports.md#work-lists). */
@Command(
    name = "worklists",
    mixinStandardHelpOptions = true,
    description = {
      "Writes the village work lists, one workbook per township.",
      "One sheet per village with every open action of gold.worklist: name, masked ID,"
          + " category, what to do, amount and deadline, and columns for the clerk; A4 printable."
          + " They hold names: for the township and village officers only. --html adds a print"
          + " view per township."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  bin/daijiao worklists --warehouse /srv/daijiao --year 2022",
      "  bin/daijiao worklists --township 汉葭 --html --out /srv/worklists"
    })
final class WorklistsCommand implements Callable<Integer> {
  @Mixin CommonOptions common;
  @Mixin ReportOptions options;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      defaultValue = "worklists",
      description = "Folder for the workbooks (default: ${DEFAULT-VALUE}).")
  Path out;

  @Option(
      names = "--township",
      paramLabel = "NAME",
      description = "Only this township (汉葭街道, or 汉葭); default: every township with open actions.")
  String township;

  @Option(
      names = "--html",
      description = "Also write each township's lists as an HTML print view beside its workbook.")
  boolean html;

  @Override
  public Integer call() {
    Progress progress = Progress.toStderr();
    OutputFiles folder = OutputFiles.prepare(out);
    Policy given = options.givenPolicy();
    int year = options.year(given);
    try (Spark spark = new Spark(common)) {
      WorklistsJob.Result result =
          new WorklistsJob(options.context(spark, given, year, progress), folder, township, html)
              .run();
      for (WorklistsJob.Written w : result.written()) {
        System.out.println(w.workbook());
        if (w.html() != null) {
          System.out.println(w.html());
        }
      }
      if (result.written().isEmpty()) {
        System.out.println(
            (result.asked() == null ? "No township" : result.asked())
                + " has no open action in "
                + year
                + ": no work list written.");
      }
    }
    return 0;
  }
}
