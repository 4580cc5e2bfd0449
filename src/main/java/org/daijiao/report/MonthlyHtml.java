package org.daijiao.report;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.daijiao.report.SvgCharts.Series;

/**
 * The county report page's 月度进展 (docs/reports.md#month-by-month): the county month by month as a
 * table and the insured rates of the county and the lowest townships as an SVG line chart, or, with
 * fewer than two recorded as_ofs, why there is no monthly change yet. Aggregates only.
 */
final class MonthlyHtml {
  private MonthlyHtml() {}

  /** 月度进展: the county month by month and the rates of the lowest townships, or why not yet. */
  static void section(StringBuilder out, MonthlyFigures m) {
    Html.h2(out, MonthlySheet.TITLE);
    if (!m.hasChange()) {
      Html.note(out, m.note());
    } else {
      Html.note(out, "“新增”“销号”为与上一数据截止日期相比；首个截止日期无上月，留空。");
      out.append(monthChart(m));
    }
    List<List<String>> rows = new ArrayList<>();
    for (MonthlyFigures.Month month : m.county()) {
      List<String> row = new ArrayList<>();
      row.add(month.asOf().toString());
      for (Object v : MonthlySheet.figures(month)) {
        row.add(
            v == null
                ? ""
                : v instanceof Sheets.Rate r ? Html.rate(r.value()) : Html.count((Long) v));
      }
      rows.add(row);
    }
    if (!rows.isEmpty()) {
      List<Boolean> numeric = new ArrayList<>(List.of(false));
      numeric.addAll(Collections.nCopies(MonthlySheet.COLUMNS.size(), true));
      Html.table(out, MonthlySheet.headers(), numeric, rows, null);
    }
  }

  private static String monthChart(MonthlyFigures m) {
    List<Series> series = new ArrayList<>();
    List<java.math.BigDecimal> county = new ArrayList<>();
    for (java.time.LocalDate at : m.asOfs()) {
      county.add(
          m.county().stream()
              .filter(x -> x.asOf().equals(at))
              .map(MonthlyFigures.Month::insuredRate)
              .findFirst()
              .orElse(null));
    }
    series.add(rateSeries(MonthlySheet.COUNTY, ChartColours.lineColour(0), county));
    for (int i = 0; i < m.lowest().size(); i++) {
      MonthlyFigures.TownshipRates t = m.lowest().get(i);
      series.add(
          rateSeries(
              ReportLabels.township(t.township()), ChartColours.lineColour(i + 1), t.rates()));
    }
    double lowest =
        series.stream()
            .flatMap(s -> s.values().stream())
            .filter(java.util.Objects::nonNull)
            .mapToDouble(Double::doubleValue)
            .min()
            .orElse(0);
    // From the lowest tenth below the lowest rate to 100 %: the months' differences stay visible.
    double min = Math.max(0, Math.floor(lowest * 10) / 10);
    return SvgCharts.lines(
        MonthlySheet.CHART_TITLE,
        m.asOfs().stream().map(java.time.LocalDate::toString).toList(),
        series,
        min,
        1.0,
        4,
        v -> Math.round(v * 100) + "%");
  }

  private static Series rateSeries(String name, String rgb, List<java.math.BigDecimal> rates) {
    return new Series(
        name,
        ChartColours.css(rgb),
        rates.stream().map(r -> r == null ? null : r.doubleValue()).toList(),
        rates.stream().map(Html::rate).toList());
  }
}
