package org.daijiao.sql;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** Aligned text tables for people; CJK characters count as two columns, as terminals show them. */
public final class TableFormat {
  private TableFormat() {}

  public static void print(Dataset<Row> text, int limit, PrintWriter out) {
    String[] header = text.columns();
    List<Row> rows = text.limit(limit + 1).collectAsList();
    boolean more = rows.size() > limit;
    if (more) {
      rows = rows.subList(0, limit);
    }
    int[] widths = new int[header.length];
    List<String[]> cells = new ArrayList<>();
    for (int i = 0; i < header.length; i++) {
      widths[i] = width(header[i]);
    }
    for (Row r : rows) {
      String[] line = new String[header.length];
      for (int i = 0; i < header.length; i++) {
        line[i] = r.isNullAt(i) ? "NULL" : r.getString(i);
        widths[i] = Math.max(widths[i], width(line[i]));
      }
      cells.add(line);
    }
    printLine(header, widths, out);
    StringBuilder rule = new StringBuilder();
    for (int i = 0; i < widths.length; i++) {
      rule.append(i == 0 ? "" : "-+-").append("-".repeat(widths[i]));
    }
    out.println(rule);
    cells.forEach(line -> printLine(line, widths, out));
    out.println(
        "("
            + rows.size()
            + (more ? "+ rows, first " + limit + " shown; use --format csv for all" : " rows")
            + ")");
  }

  private static void printLine(String[] cells, int[] widths, PrintWriter out) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < cells.length; i++) {
      sb.append(i == 0 ? "" : " | ")
          .append(cells[i])
          .append(" ".repeat(widths[i] - width(cells[i])));
    }
    out.println(sb.toString().stripTrailing());
  }

  static int width(String s) {
    int w = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      w +=
          (c >= 0x1100
                  && (c <= 0x115F
                      || (c >= 0x2E80 && c <= 0xA4CF)
                      || (c >= 0xAC00 && c <= 0xD7A3)
                      || (c >= 0xF900 && c <= 0xFAFF)
                      || (c >= 0xFE30 && c <= 0xFE4F)
                      || (c >= 0xFF00 && c <= 0xFF60)
                      || (c >= 0xFFE0 && c <= 0xFFE6)))
              ? 2
              : 1;
    }
    return w;
  }
}
