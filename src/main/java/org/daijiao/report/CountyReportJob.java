package org.daijiao.report;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.daijiao.policy.Policy;
import org.daijiao.spark.JobContext;
import org.daijiao.spark.JobGroups;
import org.daijiao.spark.Progress;

/**
 * {@code daijiao report} (docs/reports.md#county-report): the county report of one policy year as a
 * workbook ({@code 彭水县2022年困难群体城乡居保代缴情况.xlsx}) and the same figures as one HTML page beside it,
 * from the gold tables of the context's year. Reads only; writes no table.
 */
public final class CountyReportJob {
  private final JobContext context;
  private final OutputFiles out;

  public CountyReportJob(JobContext context, OutputFiles out) {
    this.context = context;
    this.out = out;
  }

  /** The files written and the county's figures they hold. */
  public record Result(Path workbook, Path html, CountyFigures figures) {}

  public Result run() {
    return JobGroups.run(
        context.session(), "report", "report: the county report workbook and page", this::write);
  }

  private Result write() {
    Progress progress = context.progress();
    Policy policy = context.policy();
    CountyFigures figures = CountyFigures.load(context);
    progress.step(
        "report",
        "figures of "
            + figures.year()
            + " read: "
            + figures.townships().size()
            + " townships, "
            + figures.villages().size()
            + " villages");
    Path workbook =
        out.write(figures.title() + ".xlsx", o -> CountyWorkbook.write(figures, policy, o));
    Path html =
        out.write(
            figures.title() + ".html",
            o -> o.write(CountyHtml.page(figures, policy).getBytes(StandardCharsets.UTF_8)));
    progress.step("report", "written to " + out.folder());
    return new Result(workbook, html, figures);
  }
}
