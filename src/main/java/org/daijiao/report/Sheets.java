package org.daijiao.report;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.PageMargin;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFSheet;

/**
 * How the report's and the work lists' sheets look: a title, a header row, typed cells (counts,
 * rates as percentages, money as ¥ with two decimals, dates), a bold total row, columns sized to
 * their text, the header frozen, and A4 pages that repeat the header and number themselves. The
 * cell styles themselves are the workbook's {@link SheetStyles}.
 */
final class Sheets {
  /** What a column holds, and so how its cells are formatted. */
  enum Kind {
    TEXT,
    COUNT,
    RATE,
    MONEY,
    DATE
  }

  /** A column of a table: its header and what it holds. */
  record Column(String header, Kind kind) {}

  /** A fraction (0.9732) shown as a percentage (97.32%). */
  record Rate(BigDecimal value) {}

  /** Yuan, shown as ¥1,234.50. */
  record Money(BigDecimal value) {}

  /** What a cell with no value shows: a rate of an empty target, for instance. */
  static final String NONE = "—";

  /** The page number and the number of pages, as header and footer codes of SpreadsheetML. */
  static final String PAGE = "&P";

  static final String PAGES = "&N";

  private Sheets() {}

  static Rate rate(BigDecimal fraction) {
    return fraction == null ? null : new Rate(fraction);
  }

  static Money money(BigDecimal yuan) {
    return new Money(yuan == null ? BigDecimal.ZERO : yuan);
  }

  /** A line of text in the given style at {@code row}; returns the next row. */
  static int line(XSSFSheet sheet, CellStyle style, int row, String text) {
    Cell cell = sheet.createRow(row).createCell(0);
    cell.setCellValue(text);
    cell.setCellStyle(style);
    return row + 1;
  }

  /**
   * A table at {@code firstRow}, column {@code firstColumn}: the header, the rows and, when given,
   * the total in bold. Returns the row after the table.
   */
  static int table(
      XSSFSheet sheet,
      SheetStyles styles,
      int firstRow,
      int firstColumn,
      List<Column> columns,
      List<List<Object>> rows,
      List<Object> total) {
    Row header = rowAt(sheet, firstRow);
    for (int c = 0; c < columns.size(); c++) {
      Cell cell = header.createCell(firstColumn + c);
      cell.setCellValue(columns.get(c).header());
      cell.setCellStyle(styles.header);
    }
    int r = firstRow + 1;
    for (List<Object> values : rows) {
      write(rowAt(sheet, r++), firstColumn, columns, values, styles.body);
    }
    if (total != null) {
      write(rowAt(sheet, r++), firstColumn, columns, total, styles.total);
    }
    return r;
  }

  private static void write(
      Row row,
      int firstColumn,
      List<Column> columns,
      List<Object> values,
      Map<Kind, CellStyle> in) {
    for (int c = 0; c < columns.size(); c++) {
      Object value = c < values.size() ? values.get(c) : null;
      Kind kind = kindOf(value, columns.get(c).kind());
      Cell cell = row.createCell(firstColumn + c);
      cell.setCellStyle(in.get(kind));
      if (value instanceof String s) {
        cell.setCellValue(s);
      } else if (value instanceof Long n) {
        cell.setCellValue(n);
      } else if (value instanceof Integer n) {
        cell.setCellValue(n);
      } else if (value instanceof Rate rate) {
        cell.setCellValue(rate.value().doubleValue());
      } else if (value instanceof Money money) {
        cell.setCellValue(money.value().doubleValue());
      } else if (value instanceof LocalDate date) {
        cell.setCellValue(date);
      } else if (value == null && columns.get(c).kind() == Kind.RATE) {
        cell.setCellValue(NONE);
      } else if (value != null) {
        throw new IllegalArgumentException("no cell type for " + value.getClass().getName());
      }
    }
  }

  /** The format of a value: its own type's, e.g. a rate in a column of mixed figures. */
  private static Kind kindOf(Object value, Kind column) {
    if (value instanceof Long || value instanceof Integer) {
      return Kind.COUNT;
    }
    if (value instanceof Rate) {
      return Kind.RATE;
    }
    if (value instanceof Money) {
      return Kind.MONEY;
    }
    if (value instanceof LocalDate) {
      return Kind.DATE;
    }
    if (value instanceof String) {
      return column == Kind.RATE ? Kind.RATE : Kind.TEXT;
    }
    return column;
  }

  private static Row rowAt(XSSFSheet sheet, int index) {
    Row row = sheet.getRow(index);
    return row == null ? sheet.createRow(index) : row;
  }

  /**
   * Columns as wide as their widest table cell as Excel shows it (a Chinese character counts two),
   * from {@code fromRow} on. Only table cells count (they have borders): titles, section titles and
   * notes overflow to the right. No font metrics: the server needs no fonts.
   */
  static void sizeColumns(XSSFSheet sheet, int fromRow, int columns) {
    DataFormatter formatter = new DataFormatter();
    int[] widths = new int[columns];
    for (int r = fromRow; r <= sheet.getLastRowNum(); r++) {
      Row row = sheet.getRow(r);
      if (row == null) {
        continue;
      }
      for (Cell cell : row) {
        int c = cell.getColumnIndex();
        if (c < columns && cell.getCellStyle().getBorderBottom() != BorderStyle.NONE) {
          widths[c] = Math.max(widths[c], displayWidth(formatter.formatCellValue(cell)));
        }
      }
    }
    for (int c = 0; c < columns; c++) {
      sheet.setColumnWidth(c, Math.min(255, Math.max(6, widths[c] + 2)) * 256);
    }
  }

  /** Character widths as a monospaced reading counts them: CJK and full-width forms are two. */
  static int displayWidth(String text) {
    int width = 0;
    for (int i = 0; i < text.length(); i++) {
      char ch = text.charAt(i);
      width += ch >= 0x1100 && (ch <= 0x115F || ch >= 0x2E80) ? 2 : 1;
    }
    return width;
  }

  /** The header row stays in view while the rows scroll. */
  static void freezeAbove(XSSFSheet sheet, int firstBodyRow) {
    sheet.createFreezePane(0, firstBodyRow);
  }

  /**
   * Prints on A4, one page wide, the rows {@code repeatFrom}–{@code repeatTo} (0-based, or -1 for
   * none) repeated on every page, page numbers in the footer and {@code footerRight} beside them.
   */
  static void printOnA4(
      XSSFSheet sheet,
      boolean landscape,
      int repeatFrom,
      int repeatTo,
      String headerCenter,
      String footerRight) {
    PrintSetup print = sheet.getPrintSetup();
    print.setPaperSize(PrintSetup.A4_PAPERSIZE);
    print.setLandscape(landscape);
    sheet.setFitToPage(true);
    print.setFitWidth((short) 1);
    print.setFitHeight((short) 0);
    sheet.setHorizontallyCenter(true);
    sheet.setMargin(PageMargin.LEFT, 0.5);
    sheet.setMargin(PageMargin.RIGHT, 0.5);
    sheet.setMargin(PageMargin.TOP, 0.7);
    sheet.setMargin(PageMargin.BOTTOM, 0.7);
    if (repeatFrom >= 0) {
      sheet.setRepeatingRows(CellRangeAddress.valueOf((repeatFrom + 1) + ":" + (repeatTo + 1)));
    }
    if (headerCenter != null) {
      sheet.getHeader().setCenter(headerCenter);
    }
    sheet.getFooter().setCenter("第 " + PAGE + " 页，共 " + PAGES + " 页");
    if (footerRight != null) {
      sheet.getFooter().setRight(footerRight);
    }
  }
}
