package org.daijiao.report;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.daijiao.report.WorklistBooks.Entry;
import org.daijiao.report.WorklistBooks.Township;
import org.daijiao.report.WorklistBooks.Village;

/**
 * A township's work lists as an HTML print view (the same rows as the workbook): one village per A4
 * landscape page (or more), its title and header repeated on each, for clerks who print from a
 * browser. Holds names and masked IDs, like the workbook: for the township and village officers.
 */
final class WorklistHtml {
  private static final String STYLE =
      "section{margin-bottom:36px;}\n"
          + "table{width:100%;}td{height:24px;}th,td{white-space:nowrap;}\n"
          // Room to write by hand: 办理情况, 经办人, 日期.
          + "th:nth-child(8){width:22%;}th:nth-child(9),th:nth-child(10){width:8%;}\n"
          + "@page{size:A4 landscape;margin:10mm;}\n"
          + "@media print{body{max-width:none;margin:0;}section{break-before:page;}"
          + "section:first-of-type{break-before:auto;}}\n";

  private WorklistHtml() {}

  /** The village's actions closed since the previous recorded as_of (已销号), if any. */
  private static void closed(StringBuilder out, Village village) {
    if (village.closed().isEmpty()) {
      return;
    }
    out.append("<h2>")
        .append(Html.escape(WorklistWorkbook.closedTitle(village.closed().size())))
        .append("</h2>\n");
    List<List<String>> rows = new ArrayList<>();
    int n = 1;
    for (WorklistBooks.Closed c : village.closed()) {
      rows.add(
          List.of(
              String.valueOf(n++),
              c.name() == null ? "" : c.name(),
              c.maskedId() == null ? "" : c.maskedId(),
              ReportLabels.category(c.category()),
              ActionLabels.label(c.action()),
              String.valueOf(c.openedAsOf()),
              String.valueOf(c.closedAsOf()),
              ActionLabels.resolution(c.resolution())));
    }
    Html.table(
        out,
        WorklistWorkbook.CLOSED_COLUMNS.stream().map(Sheets.Column::header).toList(),
        List.of(true, false, false, false, false, false, false, false),
        rows,
        null);
  }

  static String page(String title, LocalDate asOf, Township township) {
    StringBuilder out = new StringBuilder(32 * 1024);
    Html.begin(out, title + "：" + ReportLabels.township(township.name()), STYLE);
    for (Village village : township.villages()) {
      out.append("<section>\n<h1>")
          .append(Html.escape(title + "：" + WorklistWorkbook.place(township, village)))
          .append("</h1>\n<p class=\"note\">")
          .append(Html.escape(WorklistWorkbook.instructions(asOf)))
          .append("</p>\n");
      List<List<String>> rows = new ArrayList<>();
      int n = 1;
      for (Entry e : village.entries()) {
        rows.add(
            List.of(
                String.valueOf(n++),
                e.name() == null ? "" : e.name(),
                e.maskedId(),
                ReportLabels.category(e.category()),
                ActionLabels.item(e.action(), e.opened()),
                e.amount() == null ? "" : Html.money(e.amount()),
                e.deadline() == null ? "" : e.deadline().toString(),
                "",
                "",
                ""));
      }
      Html.table(
          out,
          WorklistWorkbook.COLUMNS.stream().map(Sheets.Column::header).toList(),
          List.of(true, false, false, false, false, true, false, false, false, false),
          rows,
          null);
      out.append("<p class=\"note\">共 ").append(village.entries().size()).append(" 项待办。</p>\n");
      closed(out, village);
      out.append("</section>\n");
    }
    Html.end(out);
    return out.toString();
  }
}
