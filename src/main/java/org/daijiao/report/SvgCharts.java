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

  /**
   * Lines over {@code labels} (left to right, e.g. the as_ofs), values from {@code min} to {@code
   * max} with {@code ticks} grid lines labelled by {@code tick}; a point where a value is null is
   * left out. Each series is one polyline with a dot per value and its last value at its end.
   */
  static String lines(
      String title,
      List<String> labels,
      List<Series> series,
      double min,
      double max,
      int ticks,
      DoubleFunction<String> tick) {
    int left = 60;
    int right = 150;
    int plotHeight = 300;
    int legendRows = (series.size() + 2) / 3;
    int top = TOP + (legendRows - 1) * 18;
    int height = top + plotHeight + BOTTOM + 8;
    int plot = WIDTH - left - right;
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
    for (int j = 0; j < series.size(); j++) {
      double x = left + (j % 3) * 300;
      double y = 30 + (j / 3) * 18;
      svg.append(rect(x, y, 12, 12, series.get(j).color()));
      text(svg, x + 16, y + 11, "start", "", series.get(j).name());
    }
    double span = max - min <= 0 ? 1 : max - min;
    int bottom = top + plotHeight;
    for (int k = 0; k <= ticks; k++) {
      double v = min + span * k / ticks;
      double y = bottom - plotHeight * k / (double) ticks;
      svg.append(
          String.format(
              Locale.ROOT,
              "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#ddd\"/>\n",
              left,
              y,
              left + plot,
              y));
      text(svg, left - 6, y + 4, "end", "fill=\"#555\"", tick.apply(v));
    }
    double step = labels.size() <= 1 ? 0 : plot / (double) (labels.size() - 1);
    for (int i = 0; i < labels.size(); i++) {
      text(svg, left + step * i, bottom + 18, "middle", "fill=\"#555\"", labels.get(i));
    }
    for (Series s : series) {
      StringBuilder points = new StringBuilder();
      double lastX = 0;
      double lastY = 0;
      String lastText = null;
      for (int i = 0; i < labels.size(); i++) {
        Double value = s.values().get(i);
        if (value == null) {
          continue;
        }
        double x = left + step * i;
        double y = bottom - plotHeight * (Math.max(min, Math.min(value, max)) - min) / span;
        points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
        svg.append(
            String.format(
                Locale.ROOT,
                "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"%s\"/>\n",
                x,
                y,
                s.color()));
        lastX = x;
        lastY = y;
        lastText = s.texts().get(i);
      }
      svg.append(
          String.format(
              Locale.ROOT,
              "<polyline points=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"2\"/>\n",
              points.toString().strip(),
              s.color()));
      if (lastText != null) {
        text(
            svg,
            lastX + 6,
            lastY + 4,
            "start",
            "font-size=\"11\" fill=\"" + s.color() + "\"",
            s.name() + " " + lastText);
      }
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
