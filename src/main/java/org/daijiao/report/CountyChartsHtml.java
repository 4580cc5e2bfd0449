package org.daijiao.report;

import java.util.List;
import org.daijiao.report.CountyFigures.FundingRow;
import org.daijiao.report.SvgCharts.Series;

/**
 * The county report page's bar charts as inline SVG ({@link SvgCharts}), the same three the
 * workbook draws natively ({@link CountyCharts}): insured rate by township (lowest first, with the
 * 100 % target), persons by category, subsidy by department.
 */
final class CountyChartsHtml {
  private static final String BLUE = ChartColours.css(ChartColours.BLUE);
  private static final String GREEN = ChartColours.css(ChartColours.GREEN);

  private CountyChartsHtml() {}

  static String rateByTownship(CountyFigures f) {
    List<FigureRow> ranked = f.townshipsByRate();
    return SvgCharts.bars(
        CountyCharts.RATE_TITLE,
        ranked.stream().map(FigureRow::township).toList(),
        List.of(
            new Series(
                "参保率",
                BLUE,
                ranked.stream().map(t -> t.insuredRate().doubleValue()).toList(),
                ranked.stream().map(t -> Html.rate(t.insuredRate())).toList())),
        1.0,
        4,
        v -> Math.round(v * 100) + "%",
        1.0,
        "目标 100%");
  }

  static String personsByCategory(CountyFigures f) {
    List<FigureRow> rows = f.categories();
    long max = rows.stream().mapToLong(FigureRow::target).max().orElse(0);
    return SvgCharts.bars(
        CountyCharts.CATEGORY_TITLE,
        rows.stream().map(r -> ReportLabels.category(r.category())).toList(),
        List.of(
            new Series(
                "参保目标人数",
                BLUE,
                rows.stream().map(r -> (double) r.target()).toList(),
                rows.stream().map(r -> Html.count(r.target())).toList()),
            new Series(
                "已参保人数",
                GREEN,
                rows.stream().map(r -> (double) r.insured()).toList(),
                rows.stream().map(r -> Html.count(r.insured())).toList())),
        Math.max(1, max),
        4,
        v -> Html.count(Math.round(v)),
        null,
        null);
  }

  static String subsidyByDepartment(CountyFigures f) {
    List<FundingRow> rows = f.byDepartment();
    double max = rows.stream().mapToDouble(r -> r.subsidy().doubleValue()).max().orElse(0);
    return SvgCharts.bars(
        CountyCharts.DEPARTMENT_TITLE,
        rows.stream().map(r -> ReportLabels.department(r.department())).toList(),
        List.of(
            new Series(
                "代缴资金（元）",
                BLUE,
                rows.stream().map(r -> r.subsidy().doubleValue()).toList(),
                rows.stream().map(r -> Html.money(r.subsidy())).toList())),
        Math.max(1, max),
        4,
        v -> Html.money(java.math.BigDecimal.valueOf(Math.round(v))),
        null,
        null);
  }
}
