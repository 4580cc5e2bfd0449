package org.daijiao.ingest;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Writes the workbooks of {@code src/test/resources/bad-inputs/} (committed; run again only to
 * change them): {@code java -cp target/test-classes:target/classes:<deps>
 * org.daijiao.ingest.BadInputWorkbooks DIR}. Every person and ID number is made up.
 */
final class BadInputWorkbooks {
  private BadInputWorkbooks() {}

  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args[0]);
    write(dir.resolve("several_sheets_cover_first.xlsx"), BadInputWorkbooks::severalSheets);
    write(dir.resolve("title_and_merged_two_row_header.xlsx"), BadInputWorkbooks::mergedHeader);
    write(dir.resolve("blank_rows_and_formulas.xlsx"), BadInputWorkbooks::blankRowsAndFormulas);
    write(dir.resolve("typed_cells.xlsx"), BadInputWorkbooks::typedCells);
    byte[] whole = Files.readAllBytes(dir.resolve("typed_cells.xlsx"));
    Files.write(dir.resolve("truncated.xlsx"), Arrays.copyOf(whole, whole.length / 2));
  }

  private static void severalSheets(XSSFWorkbook wb) {
    Sheet cover = wb.createSheet("说明");
    row(cover, 0, "本表由民政局导出，共1页");
    Sheet data = wb.createSheet("名单");
    row(data, 0, "姓名", "身份证号码", "保障类别", "保障开始日期");
    row(data, 1, "张三", "500243198001010012", "低保", "2022-01-05");
    Sheet notes = wb.createSheet("备注");
    row(notes, 0, "身份证号码", "备注");
  }

  private static void mergedHeader(XSSFWorkbook wb) {
    Sheet s = wb.createSheet("低保");
    row(s, 0, "彭水县2022年低保人员名单");
    s.addMergedRegion(new CellRangeAddress(0, 0, 0, 4));
    row(s, 1, "姓名", "身份证号码", "保障类别", "保障期间", null);
    row(s, 2, null, null, null, "保障开始日期", "保障结束日期");
    s.addMergedRegion(new CellRangeAddress(1, 2, 0, 0));
    s.addMergedRegion(new CellRangeAddress(1, 2, 1, 1));
    s.addMergedRegion(new CellRangeAddress(1, 2, 2, 2));
    s.addMergedRegion(new CellRangeAddress(1, 1, 3, 4));
    row(s, 3, "张三", "500243198001010012", "低保", "2022-01-05", null);
    row(s, 4, "李四", "50024319900202002X", "特困", "2022-03-05", "2022-10-31");
  }

  private static void blankRowsAndFormulas(XSSFWorkbook wb) {
    Sheet s = wb.createSheet("名单");
    row(s, 0, "姓名", "身份证号码", "保障类别", "保障开始日期", "备注");
    row(s, 2, "张三", "500243198001010012", "低保", "2022-01-05", "=A3&\"(户主)\"");
    row(s, 3, "", " ", null, null, null);
    row(s, 5, "李四", "=\"50024319900202002X\"", "特困", "=TEXT(DATE(2022,3,5),\"yyyy-mm-dd\")", null);
  }

  private static void typedCells(XSSFWorkbook wb) {
    Sheet s = wb.createSheet("名单");
    row(s, 0, "姓名", "身份证号码", "保障类别", "保障开始日期", "保障结束日期", "户编号");
    // ID stored as a number (digits lost), start date as a date cell, end date as a bare serial
    // number.
    row(s, 1, "张三", 500243198001010012L, "低保", LocalDate.of(2022, 1, 5), 44562, 200100057);
    // An old 15-digit ID stored as a number keeps its digits.
    row(s, 2, "王五", 500243800101001L, "特困", 44562.0, null, null);
  }

  private interface Build {
    void accept(XSSFWorkbook wb);
  }

  private static void write(Path file, Build build) throws IOException {
    try (XSSFWorkbook wb = new XSSFWorkbook();
        OutputStream out = Files.newOutputStream(file)) {
      build.accept(wb);
      wb.getCreationHelper().createFormulaEvaluator().evaluateAll();
      wb.write(out);
    }
  }

  private static Row row(Sheet sheet, int r, Object... values) {
    Row row = sheet.createRow(r);
    for (int c = 0; c < values.length; c++) {
      Object v = values[c];
      if (v == null) {
        continue;
      }
      Cell cell = row.createCell(c);
      if (v instanceof String str && str.startsWith("=")) {
        cell.setCellFormula(str.substring(1));
      } else if (v instanceof String str) {
        cell.setCellValue(str);
      } else if (v instanceof Number n) {
        cell.setCellValue(n.doubleValue());
      } else if (v instanceof LocalDate d) {
        CellStyle style = sheet.getWorkbook().createCellStyle();
        style.setDataFormat(
            sheet.getWorkbook().getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd"));
        cell.setCellValue(d);
        cell.setCellStyle(style);
      }
    }
    return row;
  }
}
