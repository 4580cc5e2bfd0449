package org.daijiao.ingest.read;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.function.Consumer;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Export files built in memory. All people are synthetic; ID numbers are made up. */
final class Fixtures {
  static final Charset GBK = Charset.forName("GBK");
  static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

  /** A civil affairs header with every required column, Chinese as exported. */
  static final String CIVIL_HEADER = "姓名,身份证号码,保障类别,乡镇（街道）,村（社区）,保障开始日期";

  static final String ZHANG_SAN = "张三,500243198001010012,低保,汉葭街道,河堡社区,2022-01-05";
  static final String LI_SI = "李四,50024319900202002X,特困,保家镇,鹿箐村,2022/3/5";

  private Fixtures() {}

  static byte[] utf8(String... lines) {
    return String.join("\n", lines).concat("\n").getBytes(StandardCharsets.UTF_8);
  }

  static byte[] gbk(String... lines) {
    return String.join("\n", lines).concat("\n").getBytes(GBK);
  }

  static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.writeBytes(p);
    }
    return out.toByteArray();
  }

  /**
   * A workbook built by {@code build}, with formulas evaluated so their cached values are saved.
   */
  static byte[] xlsx(Consumer<XSSFWorkbook> build) {
    try (XSSFWorkbook wb = new XSSFWorkbook();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      build.accept(wb);
      wb.getCreationHelper().createFormulaEvaluator().evaluateAll();
      wb.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Writes row {@code r} (0-based): a String is a text cell, or a formula when it starts with "=";
   * a Number is numeric; a LocalDate a date-formatted numeric; a Boolean a boolean; null leaves the
   * cell out.
   */
  static Row row(Sheet sheet, int r, Object... values) {
    Row row = sheet.createRow(r);
    for (int c = 0; c < values.length; c++) {
      Object v = values[c];
      if (v == null) {
        continue;
      }
      Cell cell = row.createCell(c);
      if (v instanceof String s && s.startsWith("=")) {
        cell.setCellFormula(s.substring(1));
      } else if (v instanceof String s) {
        cell.setCellValue(s);
      } else if (v instanceof Number n) {
        cell.setCellValue(n.doubleValue());
      } else if (v instanceof Boolean b) {
        cell.setCellValue(b);
      } else if (v instanceof LocalDate d) {
        cell.setCellValue(d);
        cell.setCellStyle(dateStyle(sheet, "yyyy/m/d"));
      } else {
        throw new IllegalArgumentException("no cell type for " + v.getClass());
      }
    }
    return row;
  }

  static CellStyle dateStyle(Sheet sheet, String format) {
    CellStyle style = sheet.getWorkbook().createCellStyle();
    style.setDataFormat(sheet.getWorkbook().createDataFormat().getFormat(format));
    return style;
  }
}
