package org.daijiao.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Locale;

/**
 * Self-contained HTML for the county intranet and for printing: escaped text, tables, and the
 * figures written as the workbook shows them. No script, no external asset.
 */
final class Html {
  /** System fonts that carry Chinese on Windows, macOS and Linux: nothing is downloaded. */
  static final String FONTS =
      "\"Microsoft YaHei\", \"PingFang SC\", \"Noto Sans CJK SC\", \"WenQuanYi Micro Hei\","
          + " \"SimSun\", sans-serif";

  private Html() {}

  static String escape(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  /** The start of a page: its title and the style shared by the report and the work lists. */
  static void begin(StringBuilder out, String title, String extraStyle) {
    out.append("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<title>")
        .append(escape(title))
        .append("</title>\n<style>\n")
        .append("body{font-family:")
        .append(FONTS)
        .append(";color:#222;margin:24px auto;max-width:1080px;padding:0 16px;}\n")
        .append("h1{font-size:22px;margin:0 0 4px;}h2{font-size:17px;margin:28px 0 8px;")
        .append("border-left:4px solid #c0392b;padding-left:8px;}\n")
        .append(".note{color:#555;font-size:13px;margin:2px 0;}\n")
        .append("table{border-collapse:collapse;font-size:13px;margin:6px 0;}\n")
        .append("th,td{border:1px solid #bbb;padding:3px 8px;}\n")
        .append("th{background:#eee;font-weight:bold;}td.n{text-align:right;")
        .append("font-variant-numeric:tabular-nums;}\n")
        .append("tr.total td{font-weight:bold;background:#f6f6f6;}\n")
        .append("thead{display:table-header-group;}\n")
        .append(extraStyle)
        .append("</style>\n</head>\n<body>\n");
  }

  static void end(StringBuilder out) {
    out.append("</body>\n</html>\n");
  }

  /** A section's title. */
  static void h2(StringBuilder out, String title) {
    out.append("<h2>").append(escape(title)).append("</h2>\n");
  }

  /** A note in small grey text. */
  static void note(StringBuilder out, String text) {
    out.append("<p class=\"note\">").append(escape(text)).append("</p>\n");
  }

  /**
   * A table; {@code numeric} marks the right-aligned columns, {@code total} (or null) is the bold
   * last row.
   */
  static void table(
      StringBuilder out,
      List<String> headers,
      List<Boolean> numeric,
      List<List<String>> rows,
      List<String> total) {
    out.append("<table>\n<thead><tr>");
    for (String h : headers) {
      out.append("<th>").append(escape(h)).append("</th>");
    }
    out.append("</tr></thead>\n<tbody>\n");
    for (List<String> row : rows) {
      row(out, "", numeric, row);
    }
    if (total != null) {
      row(out, " class=\"total\"", numeric, total);
    }
    out.append("</tbody>\n</table>\n");
  }

  private static void row(
      StringBuilder out, String attributes, List<Boolean> numeric, List<String> cells) {
    out.append("<tr").append(attributes).append('>');
    for (int i = 0; i < cells.size(); i++) {
      out.append(i < numeric.size() && numeric.get(i) ? "<td class=\"n\">" : "<td>")
          .append(escape(cells.get(i)))
          .append("</td>");
    }
    out.append("</tr>\n");
  }

  static String count(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }

  /** 0.9732 → 97.32%; no rate → —. */
  static String rate(BigDecimal fraction) {
    return fraction == null
        ? Sheets.NONE
        : fraction.movePointRight(2).setScale(2, RoundingMode.HALF_UP).toPlainString() + "%";
  }

  /** ¥1,234.50 */
  static String money(BigDecimal yuan) {
    BigDecimal v = yuan == null ? BigDecimal.ZERO : yuan.setScale(2, RoundingMode.HALF_UP);
    return String.format(Locale.ROOT, "¥%,.2f", v);
  }
}
