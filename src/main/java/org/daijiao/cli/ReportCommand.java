package org.daijiao.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.daijiao.policy.Policy;
import org.daijiao.report.CountyReportJob;
import org.daijiao.report.OutputFiles;
import org.daijiao.spark.Progress;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The county report for the leadership and the townships (docs/reports.md#county-report). */
@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    description = {
      "Writes the county report of a year: a workbook and an HTML page.",
      "The workbook <county><Y>年困难群体城乡居保代缴情况.xlsx (汇总, 图表, 分乡镇, 分村, 分类别, 部门资金) and the"
          + " same figures as one self-contained HTML page beside it. Counts and sums only: no"
          + " ID, no name. Files are owner-only, each written whole or not at all"
          + " (docs/reports.md)."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  bin/daijiao report                               # ./warehouse into reports/",
      "  bin/daijiao report --warehouse /srv/daijiao --year 2022 --out /srv/reports"
    })
final class ReportCommand implements Callable<Integer> {
  @Mixin CommonOptions common;
  @Mixin ReportOptions options;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      defaultValue = "reports",
      description = "Folder for the workbook and the page (default: ${DEFAULT-VALUE}).")
  Path out;

  @Override
  public Integer call() {
    Progress progress = Progress.toStderr();
    // Before Spark starts: a folder that cannot be written or a bad policy file costs nothing.
    OutputFiles folder = OutputFiles.prepare(out);
    Policy given = options.givenPolicy();
    int year = options.year(given);
    try (Spark spark = new Spark(common)) {
      CountyReportJob.Result written =
          new CountyReportJob(options.context(spark, given, year, progress), folder).run();
      System.out.println(written.workbook());
      System.out.println(written.html());
    }
    return 0;
  }
}
