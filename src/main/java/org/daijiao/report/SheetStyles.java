package org.daijiao.report;

import java.util.EnumMap;
import java.util.Map;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.daijiao.report.Sheets.Kind;

/**
 * The cell styles of one workbook, which {@link Sheets} writes with: the title, section and note
 * lines, the grey header, and per {@link Kind} a body cell and a bold total cell, bordered and
 * formatted (宋体, titles 黑体). Made once per workbook: a workbook holds a limited number of styles.
 */
final class SheetStyles {
  private static final String FONT = "宋体";

  private static final String TITLE_FONT = "黑体";

  final CellStyle title;
  final CellStyle section;
  final CellStyle note;

  /** A note that wraps within the width of the table it belongs to. */
  final CellStyle wrappedNote;

  final CellStyle header;
  final Map<Kind, CellStyle> body = new EnumMap<>(Kind.class);
  final Map<Kind, CellStyle> total = new EnumMap<>(Kind.class);

  SheetStyles(XSSFWorkbook workbook) {
    Font plain = font(workbook, FONT, 11, false);
    Font bold = font(workbook, FONT, 11, true);
    title = workbook.createCellStyle();
    title.setFont(font(workbook, TITLE_FONT, 16, true));
    section = workbook.createCellStyle();
    section.setFont(font(workbook, TITLE_FONT, 12, true));
    note = workbook.createCellStyle();
    note.setFont(font(workbook, FONT, 10, false));
    wrappedNote = workbook.createCellStyle();
    wrappedNote.cloneStyleFrom(note);
    wrappedNote.setWrapText(true);
    wrappedNote.setVerticalAlignment(VerticalAlignment.TOP);
    header = bordered(workbook, bold);
    header.setAlignment(HorizontalAlignment.CENTER);
    header.setVerticalAlignment(VerticalAlignment.CENTER);
    header.setWrapText(true);
    header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
    header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
    for (Kind kind : Kind.values()) {
      body.put(kind, typed(workbook, plain, kind));
      total.put(kind, typed(workbook, bold, kind));
    }
  }

  private static CellStyle typed(XSSFWorkbook workbook, Font font, Kind kind) {
    CellStyle style = bordered(workbook, font);
    String format =
        switch (kind) {
          case TEXT -> "@";
          case COUNT -> "#,##0";
          case RATE -> "0.00%";
          case MONEY -> "\"¥\"#,##0.00";
          case DATE -> "yyyy-mm-dd";
        };
    style.setDataFormat(workbook.createDataFormat().getFormat(format));
    style.setAlignment(kind == Kind.TEXT ? HorizontalAlignment.LEFT : HorizontalAlignment.RIGHT);
    style.setVerticalAlignment(VerticalAlignment.CENTER);
    return style;
  }

  private static CellStyle bordered(XSSFWorkbook workbook, Font font) {
    CellStyle style = workbook.createCellStyle();
    style.setFont(font);
    style.setBorderTop(BorderStyle.THIN);
    style.setBorderBottom(BorderStyle.THIN);
    style.setBorderLeft(BorderStyle.THIN);
    style.setBorderRight(BorderStyle.THIN);
    return style;
  }

  private static Font font(XSSFWorkbook workbook, String name, int points, boolean bold) {
    Font font = workbook.createFont();
    font.setFontName(name);
    font.setFontHeightInPoints((short) points);
    font.setBold(bold);
    return font;
  }
}
