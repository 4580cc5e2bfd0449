package org.daijiao.ingest.read;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;

/**
 * The cells of one sheet as the texts a clerk sees. A cell merged with cells above it shows the
 * text of the region's top-left cell (a header merged over two header rows, a township merged down
 * over the people of that township); a cell merged with cells to its left stays empty, so a header
 * merged across two columns names only the first.
 */
final class SheetGrid {
  /**
   * Excel keeps and shows 15 significant digits. Rounding the binary double to them gives what the
   * clerk saw: an 18-digit ID typed as a number is 500243198001010000 in Excel, while the shortest
   * Java rendering of the same double on Java 17 is 500243198001009980, and 0.1 + 0.2 is 0.3.
   */
  private static final MathContext EXCEL_DIGITS = new MathContext(15);

  /** The smallest number with 16 integer digits: from here on Excel has dropped digits. */
  private static final BigDecimal FIRST_LOSSY = BigDecimal.TEN.pow(15);

  /** Significant digits of Excel's General format in scientific notation (5.00243E+17). */
  private static final MathContext SHOWN_DIGITS = new MathContext(6);

  private final Sheet sheet;
  private final Map<Long, CellRangeAddress> coveredBelowTop = new HashMap<>();
  private final Map<Integer, Integer> mergedDownFrom = new HashMap<>();

  /** Row → 1 + the last column that a merged region above reaches into. */
  private final Map<Integer, Integer> coveredWidth = new HashMap<>();

  SheetGrid(Sheet sheet) {
    this.sheet = sheet;
    for (CellRangeAddress region : sheet.getMergedRegions()) {
      for (int r = region.getFirstRow() + 1; r <= region.getLastRow(); r++) {
        coveredBelowTop.put(key(r, region.getFirstColumn()), region);
        coveredWidth.merge(r, region.getFirstColumn() + 1, Math::max);
      }
      mergedDownFrom.merge(region.getFirstRow(), region.getLastRow(), Math::max);
    }
  }

  private static long key(int row, int col) {
    return ((long) row << 20) | col;
  }

  String name() {
    return sheet.getSheetName();
  }

  /** 0-based index of the last row, -1 for an empty sheet. */
  int lastRow() {
    return sheet.getLastRowNum();
  }

  /** The last row of the regions merged down from row {@code r}, or {@code r}. */
  int mergedDownTo(int r) {
    return mergedDownFrom.getOrDefault(r, r);
  }

  /**
   * 1 + the last column of row {@code r} with a text (its own or merged from above). Not POI's last
   * cell number: a formatted empty cell far to the right would make every row thousands of cells
   * wide.
   */
  int width(int r) {
    int width = coveredWidth.getOrDefault(r, 0);
    Row row = sheet.getRow(r);
    if (row != null) {
      for (Cell cell : row) {
        if (cell.getColumnIndex() >= width && text(cell) != null) {
          width = cell.getColumnIndex() + 1;
        }
      }
    }
    return width;
  }

  /** The row's own cells are all empty (a merged value reaching into it does not count). */
  boolean isBlank(int r) {
    Row row = sheet.getRow(r);
    if (row == null) {
      return true;
    }
    for (Cell cell : row) {
      String t = text(cell);
      if (t != null && !t.isBlank()) {
        return false;
      }
    }
    return true;
  }

  /** The texts of row {@code r}, at least {@code minWidth} of them. */
  List<String> row(int r, int minWidth) {
    int width = Math.max(width(r), minWidth);
    List<String> cells = new ArrayList<>(width);
    for (int c = 0; c < width; c++) {
      cells.add(text(r, c));
    }
    return cells;
  }

  String text(int r, int c) {
    CellRangeAddress region = coveredBelowTop.get(key(r, c));
    if (region != null) {
      r = region.getFirstRow();
    }
    Row row = sheet.getRow(r);
    return row == null ? null : text(row.getCell(c));
  }

  /**
   * A cell as text: strings as they are; dates as ISO {@code yyyy-MM-dd}; other numbers as plain
   * digits the way Excel keeps them (15 significant digits, so a 15-digit ID stored as a number is
   * exact), except numbers of 16 or more integer digits, whose last digits Excel has lost: those
   * read as Excel shows them, {@code 5.00243E+17}; a formula as its cached result; empty and error
   * cells as null.
   */
  static String text(Cell cell) {
    if (cell == null) {
      return null;
    }
    CellType type = cell.getCellType();
    if (type == CellType.FORMULA) {
      type = cell.getCachedFormulaResultType();
    }
    switch (type) {
      case STRING:
        String s = cell.getStringCellValue();
        return s == null || s.isEmpty() ? null : s;
      case NUMERIC:
        double d = cell.getNumericCellValue();
        if (!Double.isFinite(d)) {
          return null;
        }
        if (DateUtil.isCellDateFormatted(cell) && cell.getLocalDateTimeCellValue() != null) {
          return cell.getLocalDateTimeCellValue().toLocalDate().toString();
        }
        BigDecimal shown = new BigDecimal(d).round(EXCEL_DIGITS);
        if (shown.abs().compareTo(FIRST_LOSSY) >= 0) {
          // Excel kept only 15 of the 16+ digits (an 18-digit ID typed as a number): the rest are
          // zeros, and 1 in 11 such numbers still passes the check digit as someone else's ID.
          // Written the way Excel shows it (5.00243E+17) so that it is rejected as digits lost
          // (docs/rules.md#id-numbers: ID_INVALID_FORMAT) instead of keying a wrong person.
          return new BigDecimal(d).round(SHOWN_DIGITS).stripTrailingZeros().toString();
        }
        return shown.stripTrailingZeros().toPlainString();
      case BOOLEAN:
        return String.valueOf(cell.getBooleanCellValue());
      default:
        return null;
    }
  }
}
