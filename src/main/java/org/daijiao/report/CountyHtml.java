package org.daijiao.report;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.daijiao.policy.Policy;
import org.daijiao.report.CountyFigures.ActionCount;
import org.daijiao.report.CountyFigures.FundingRow;
import org.daijiao.report.ProducingRun.InputFile;
import org.daijiao.report.ProducingRun.SourceCount;

/**
 * The county report as one self-contained HTML page for the county intranet: the workbook's figures
 * and tables, its charts as inline SVG ({@link CountyChartsHtml}), no script and no external asset.
 * This class writes the page section by section; 月度进展 ({@link MonthlyHtml}) and 分村分类别 ({@link
 * VillageCategoryHtml}) have classes of their own. Aggregates only: no ID number, no name.
 */
final class CountyHtml {
  private static final String STYLE =
      ".cards{display:flex;flex-wrap:wrap;gap:10px;margin:12px 0;}\n"
          + ".card{border:1px solid #ccc;border-radius:6px;padding:8px 14px;min-width:130px;}\n"
          + ".card b{display:block;font-size:22px;}.card span{color:#555;font-size:13px;}\n"
          + "@media print{body{max-width:none;margin:0;}h2{break-after:avoid;}"
          + "svg{break-inside:avoid;}}\n@page{size:A4;margin:12mm;}\n";
  private static final List<String> FIGURE_HEADERS =
      CountyWorkbook.FIGURES.stream().map(Sheets.Column::header).toList();

  private final CountyFigures f;
  private final Policy policy;
  private final StringBuilder out = new StringBuilder(64 * 1024);

  private CountyHtml(CountyFigures figures, Policy policy) {
    this.f = figures;
    this.policy = policy;
  }

  static String page(CountyFigures figures, Policy policy) {
    return new CountyHtml(figures, policy).build();
  }

  private String build() {
    Html.begin(out, f.title(), STYLE);
    out.append("<h1>").append(Html.escape(f.title())).append("</h1>\n");
    note(f.asOfNote());
    FigureRow c = f.county();
    out.append("<div class=\"cards\">\n");
    card("参保目标人数", Html.count(c.target()));
    card("已参保人数", Html.count(c.insured()));
    card("参保率", Html.rate(c.insuredRate()));
    card("代缴对象人数", Html.count(c.eligible()));
    card("已足额缴费人数", Html.count(c.paid()));
    card("代缴资金合计", Html.money(c.subsidy()));
    ActionCount refunds = f.refundsDue().orElse(null);
    card("待退还（事后补助）", refunds == null ? "0" : Html.count(refunds.persons()) + " 人");
    out.append("</div>\n");
    h2("各乡镇（街道）参保率");
    out.append(CountyChartsHtml.rateByTownship(f));
    h2("各乡镇（街道）参保情况");
    List<List<String>> townships = new ArrayList<>();
    Long closedTotal = null;
    for (FigureRow t : f.townships()) {
      Long closed = TownshipSheet.closedSinceLast(f, t);
      closedTotal = TownshipSheet.plus(closedTotal, closed);
      townships.add(
          join(
              List.of(text(t.townshipCode()), ReportLabels.township(t.township())),
              join(figures(t), List.of(count(closed)))));
    }
    Html.table(
        out,
        join(
            List.of("区划代码", "乡镇（街道）"),
            join(FIGURE_HEADERS, List.of(TownshipSheet.CLOSED_SINCE_LAST))),
        join(numeric(2), List.of(true)),
        townships,
        join(List.of("", "合计"), join(figures(f.townshipTotal()), List.of(count(closedTotal)))));
    MonthlyHtml.section(out, f.months());
    h2("各类别参保情况");
    out.append(CountyChartsHtml.personsByCategory(f));
    List<List<String>> categories = new ArrayList<>();
    for (FigureRow r : f.categories()) {
      categories.add(join(List.of(ReportLabels.category(r.category())), figures(r)));
    }
    Html.table(
        out,
        join(List.of("人员类别"), FIGURE_HEADERS),
        numeric(1),
        categories,
        join(List.of("合计"), figures(f.categoryTotal())));
    h2("各部门代缴资金申请");
    out.append(CountyChartsHtml.subsidyByDepartment(f));
    List<List<String>> funding = new ArrayList<>();
    for (FundingRow r : f.funding()) {
      funding.add(
          List.of(
              ReportLabels.department(r.department()),
              ReportLabels.fundingSource(r.fundingSource()),
              ReportLabels.batch(r.batch(), policy),
              ReportLabels.mode(r.mode()),
              Html.count(r.persons()),
              Html.money(r.subsidy())));
    }
    FundingRow total = f.fundingTotal();
    List<String> totalRow =
        List.of("合计", "", "", "", Html.count(total.persons()), Html.money(total.subsidy()));
    Html.table(
        out,
        List.of("认定部门", "资金来源", "批次", "代缴方式", "人数", "代缴资金（元）"),
        List.of(false, false, false, false, true, true),
        funding,
        totalRow);
    h2("待办事项（村级工作清单）");
    List<List<String>> actions = new ArrayList<>();
    long open = 0;
    for (ActionCount a : f.openActions()) {
      actions.add(
          List.of(
              ActionLabels.label(a.action()),
              Html.count(a.persons()),
              a.amount() == null ? "" : Html.money(a.amount())));
      open += a.persons();
    }
    Html.table(
        out,
        List.of("事项", "人次", "金额（元）"),
        List.of(false, true, true),
        actions,
        List.of("合计", Html.count(open), ""));
    h2("各村（社区）参保情况");
    List<List<String>> villages = new ArrayList<>();
    for (FigureRow v : f.villages()) {
      villages.add(
          join(
              List.of(
                  ReportLabels.township(v.township()),
                  text(v.villageCode()),
                  ReportLabels.village(v.village())),
              villageFigures(v)));
    }
    int min = policy.minPublishedCell();
    note("应参保人数为1至" + (min - 1) + "人的村（社区），各项数字均显示为“<" + min + "”（与下表一致）；完整数字见工作簿。");
    Html.table(
        out,
        join(List.of("乡镇（街道）", "村（社区）代码", "村（社区）"), FIGURE_HEADERS),
        numeric(3),
        villages,
        join(List.of("合计", "", ""), figures(f.villageTotal())));
    VillageCategoryHtml.section(out, f, policy);
    sources();
    Html.end(out);
    return out.toString();
  }

  private static String count(Long n) {
    return n == null ? "" : Html.count(n);
  }

  private void sources() {
    ProducingRun run = f.run();
    h2("数据来源");
    note(CountySummarySheet.runNote(run));
    note(CountySummarySheet.inputsNote(run));
    List<List<String>> rows = new ArrayList<>();
    for (SourceCount s : run.sources()) {
      for (InputFile file : run.files()) {
        if (file.source().equals(s.source())) {
          rows.add(
              List.of(
                  ReportLabels.source(s.source()),
                  file.file(),
                  Html.count(file.read()),
                  Html.count(file.accepted()),
                  Html.count(file.rejected())));
        }
      }
      rows.add(
          List.of(
              ReportLabels.source(s.source()) + " 小计",
              "",
              Html.count(s.read()),
              Html.count(s.accepted()),
              Html.count(s.rejected())));
    }
    Html.table(
        out,
        List.of("来源", "文件", "读取行数", "接受行数", "拒收行数"),
        List.of(false, false, true, true, true),
        rows,
        null);
  }

  private static List<String> figures(FigureRow r) {
    return List.of(
        Html.count(r.target()),
        Html.count(r.insured()),
        Html.rate(r.insuredRate()),
        Html.count(r.eligible()),
        Html.count(r.paid()),
        Html.rate(r.paidRate()),
        Html.money(r.subsidy()));
  }

  /**
   * A village's figures as the page shows them: every one reads {@code <min} when the village has 1
   * to {@code min − 1} target persons, as its total does in the village × category table; any of
   * them (a count, a rate, the money) would give that total away (docs/reports.md#small-cells).
   */
  private List<String> villageFigures(FigureRow v) {
    int min = policy.minPublishedCell();
    return v.target() > 0 && v.target() < min
        ? Collections.nCopies(FIGURE_HEADERS.size(), "<" + min)
        : figures(v);
  }

  /** {@code keys} text columns, then the figures (numbers). */
  private static List<Boolean> numeric(int keys) {
    List<Boolean> n = new ArrayList<>(Collections.nCopies(keys, false));
    n.addAll(Collections.nCopies(FIGURE_HEADERS.size(), true));
    return n;
  }

  private static <T> List<T> join(List<T> a, List<T> b) {
    List<T> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }

  private static String text(String value) {
    return value == null ? "" : value;
  }

  private void h2(String title) {
    Html.h2(out, title);
  }

  private void note(String text) {
    Html.note(out, text);
  }

  private void card(String label, String value) {
    out.append("<div class=\"card\"><span>")
        .append(Html.escape(label))
        .append("</span><b>")
        .append(Html.escape(value))
        .append("</b></div>\n");
  }
}
