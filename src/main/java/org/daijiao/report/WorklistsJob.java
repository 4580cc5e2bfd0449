package org.daijiao.report;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.daijiao.spark.JobContext;
import org.daijiao.spark.JobGroups;

/**
 * {@code daijiao worklists} (docs/reports.md#work-lists): one workbook per township from {@code
 * gold.worklist} of the context's year, one sheet per village, every open action once; with {@code
 * html}, the same lists as an HTML print view beside each workbook. Reads only; writes no table.
 * The files hold names and masked IDs: they are for the township and village officers
 * (docs/privacy.md#where-data-is).
 */
public final class WorklistsJob {
  private final JobContext context;
  private final OutputFiles out;
  private final String township;
  private final boolean html;

  /**
   * @param township the one township to write (as {@code --township} names it), or null for all
   */
  public WorklistsJob(JobContext context, OutputFiles out, String township, boolean html) {
    this.context = context;
    this.out = out;
    this.township = township;
    this.html = html;
  }

  /** One township's files: its workbook, its print view (or null), villages and open actions. */
  public record Written(String township, Path workbook, Path html, int villages, int actions) {}

  /**
   * @param asked the township asked for, as the work list names it; null when all were
   * @param written the files, one per township with open actions
   */
  public record Result(String asked, List<Written> written) {}

  public Result run() {
    return JobGroups.run(
        context.session(), "worklists", "worklists: one workbook per township", this::write);
  }

  private Result write() {
    List<WorklistBooks.Township> all = WorklistBooks.load(context);
    String asked = township == null ? null : WorklistBooks.resolve(township, all);
    String title = context.policy().countyName() + context.policyYear() + "年代缴工作清单";
    List<Written> written = new ArrayList<>();
    for (WorklistBooks.Township t : all) {
      if (asked != null && !asked.equals(t.name())) {
        continue;
      }
      String file = fileName(ReportLabels.township(t.name()) + "_" + title);
      Path workbook =
          out.write(file + ".xlsx", o -> WorklistWorkbook.write(title, context.asOf(), t, o));
      Path page =
          html
              ? out.write(
                  file + ".html",
                  o ->
                      o.write(
                          WorklistHtml.page(title, context.asOf(), t)
                              .getBytes(StandardCharsets.UTF_8)))
              : null;
      written.add(new Written(t.name(), workbook, page, t.villages().size(), t.actions()));
      context
          .progress()
          .step(
              "worklist",
              ReportLabels.township(t.name())
                  + ": "
                  + t.villages().size()
                  + " villages, "
                  + t.actions()
                  + " open actions");
    }
    return new Result(asked, written);
  }

  /** A name every file system takes: no separators or characters Windows refuses. */
  static String fileName(String name) {
    String safe = name.replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_");
    return safe.startsWith(".") ? "_" + safe : safe;
  }
}
