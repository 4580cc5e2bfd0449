package org.daijiao.report;

import java.util.List;
import java.util.Locale;
import java.util.function.DoubleFunction;

/**
 * The HTML page's charts as inline SVG: horizontal bars, one group per label, so that long Chinese
 * names read without rotation; an optional target line. The same figures as the workbook's charts.
 */
final class SvgCharts {
  /** One series of bars: its name in the legend, its colour, a value and a label per bar. */
  record Series(String name, String color, List<Double> values, List<String> texts) {}

  private static final int WIDTH = 1000;
  private static final int BAR = 13;
  private static final int GAP = 6;
  private static final int TOP = 52;
  private static final int BOTTOM = 28;
  private static final int VALUE_SPACE = 110;

  private SvgCharts() {}

  /**
   * Bars from 0 to {@code max}, with {@code ticks} grid lines labelled by {@code tick}, and a red
   * line at {@code target} (null for none).
   */
  static String bars(
      String title,
      List<String> labels,
      List<Series> series,
      double max,
      int ticks,
      DoubleFunction<String> tick,
      Double target,
      String targetLabel) {
    int labelWidth = 16;
    for (String l : labels) {
      labelWidth = Math.max(labelWidth, Sheets.displayWidth(l) * 7 + 16);
    }
    int plot = WIDTH - labelWidth - VALUE_SPACE;
    int group = series.size() * BAR + GAP * 2;
    int height = TOP + labels.size() * group + BOTTOM;
    StringBuilder svg = new StringBuilder();
    svg.append(
            String.format(
                Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\" width=\"100%%\""
                    + " role=\"img\" aria-label=\"%s\" font-size=\"13\">\n",
                WIDTH,
                height,
                Html.escape(title)))
        .append("<title>")
        .append(Html.escape(title))
        .append("</title>\n");
    text(svg, 0, 18, "start", "font-weight=\"bold\" font-size=\"15\"", title);
    int legendX = labelWidth;
    for (Series s : series) {
      svg.append(rect(legendX, 30, 12, 12, s.color()));
      text(svg, legendX + 16, 41, "start", "", s.name());
      legendX += 16 + Sheets.displayWidth(s.name()) * 7 + 24;
    }
    int bottom = TOP + labels.size() * group;
    for (int k = 0; k <= ticks; k++) {
      double v = max * k / ticks;
      double x = labelWidth + plot * k / (double) ticks;
      svg.append(
          String.format(
              Locale.ROOT,
              "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#ddd\"/>\n",
              x,
              TOP - 4,
              x,
              bottom));
      text(svg, x, bottom + 16, "middle", "fill=\"#555\"", tick.apply(v));
    }
    for (int i = 0; i < labels.size(); i++) {
      int y = TOP + i * group + GAP;
      text(svg, labelWidth - 8, y + series.size() * BAR / 2.0 + 4, "end", "", labels.get(i));
      for (int j = 0; j < series.size(); j++) {
        Series s = series.get(j);
        double value = s.values().get(i) == null ? 0 : s.values().get(i);
        double w = max <= 0 ? 0 : plot * Math.min(value, max) / max;
        svg.append(rect(labelWidth, y + j * BAR, w, BAR - 2, s.color()));
        text(
            svg,
            labelWidth + w + 4,
            y + j * BAR + BAR - 3,
            "start",
            "font-size=\"11\"",
            s.texts().get(i));
      }
    }
    if (target != null && max > 0) {
      double x = labelWidth + plot * Math.min(target, max) / max;
      svg.append(
          String.format(
              Locale.ROOT,
              "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#c0392b\""
                  + " stroke-width=\"2\" stroke-dasharray=\"6 3\"/>\n",
              x,
              TOP - 8,
              x,
              bottom));
      text(svg, x - 4, TOP - 12, "end", "fill=\"#c0392b\"", targetLabel);
    }
    return svg.append("</svg>\n").toString();
  }

  private static String rect(double x, double y, double w, double h, String color) {
    return String.format(
        Locale.ROOT,
        "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"/>\n",
        x,
        y,
        w,
        h,
        color);
  }

  private static void text(
      StringBuilder svg, double x, double y, String anchor, String attributes, String text) {
    svg.append(
            String.format(
                Locale.ROOT,
                "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\" %s>",
                x,
                y,
                anchor,
                attributes))
        .append(Html.escape(text))
        .append("</text>\n");
  }
}
