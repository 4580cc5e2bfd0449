package org.daijiao.report;

import java.util.ArrayList;
import java.util.List;

/**
 * Small-cell suppression of the county report's HTML page (docs/reports.md#small-cells), which is
 * read more widely than the workbook: no count of 1 to {@code min − 1} persons of a village and a
 * category is shown; such a cell reads {@code <5}. When a row holds exactly one such cell, its
 * row's total (shown) and the other cells would give it away, so the smallest other non-zero cell
 * of the row is suppressed too (secondary suppression). Zeros are shown: a zero names nobody.
 */
final class SmallCells {
  private SmallCells() {}

  /** Whether each cell of a row is hidden, with a threshold of {@code min} persons. */
  static boolean[] suppressed(List<Long> cells, int min) {
    boolean[] hidden = new boolean[cells.size()];
    int primary = 0;
    for (int i = 0; i < cells.size(); i++) {
      long n = cells.get(i);
      if (n > 0 && n < min) {
        hidden[i] = true;
        primary++;
      }
    }
    if (primary == 1) {
      int smallest = -1;
      for (int i = 0; i < cells.size(); i++) {
        long n = cells.get(i);
        if (!hidden[i] && n > 0 && (smallest < 0 || n < cells.get(smallest))) {
          smallest = i;
        }
      }
      // No other non-zero cell: the row's total is as small, and hidden with it (#total).
      if (smallest >= 0) {
        hidden[smallest] = true;
      }
    }
    return hidden;
  }

  /**
   * A row's total as the page shows it: hidden like a cell when it is 1 to {@code min − 1} persons
   * (a row with one small cell and no other has a total as small).
   */
  static String total(long total, int min) {
    return total > 0 && total < min ? "<" + min : Html.count(total);
  }

  /** The cells of a row as the page shows them: a count, or {@code <min} where hidden. */
  static List<String> shown(List<Long> cells, int min) {
    boolean[] hidden = suppressed(cells, min);
    List<String> out = new ArrayList<>(cells.size());
    for (int i = 0; i < cells.size(); i++) {
      out.add(hidden[i] ? "<" + min : Html.count(cells.get(i)));
    }
    return out;
  }
}
