package org.daijiao.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Reading a written workbook back with POI, as a reader of the file would see it. */
final class Workbooks {
  private static final DataFormatter SHOWN = new DataFormatter();

  private Workbooks() {}

  static XSSFWorkbook open(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return new XSSFWorkbook(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The cell as Excel shows it (formats applied); "" for a missing cell. */
  static String shown(Sheet sheet, int row, int column) {
    Row r = sheet.getRow(row);
    Cell c = r == null ? null : r.getCell(column);
    return c == null ? "" : SHOWN.formatCellValue(c);
  }

  static Cell cell(Sheet sheet, int row, int column) {
    Row r = sheet.getRow(row);
    return r == null ? null : r.getCell(column);
  }

  /** A count cell. */
  static long count(Sheet sheet, int row, int column) {
    return (long) cell(sheet, row, column).getNumericCellValue();
  }

  /** A money cell, to the cent. */
  static BigDecimal money(Sheet sheet, int row, int column) {
    return BigDecimal.valueOf(cell(sheet, row, column).getNumericCellValue())
        .setScale(2, RoundingMode.HALF_UP);
  }

  /** A rate cell as a fraction with 4 decimals; null when it shows — (an empty target). */
  static BigDecimal rate(Sheet sheet, int row, int column) {
    Cell c = cell(sheet, row, column);
    if (c.getCellType() == CellType.STRING) {
      return null;
    }
    return BigDecimal.valueOf(c.getNumericCellValue()).setScale(4, RoundingMode.HALF_UP);
  }

  /** Every cell of every sheet as shown, with where it is. */
  static List<String> everyCell(XSSFWorkbook workbook) {
    List<String> cells = new ArrayList<>();
    for (Sheet sheet : workbook) {
      for (Row row : sheet) {
        for (Cell cell : row) {
          cells.add(
              sheet.getSheetName() + "!" + cell.getAddress() + "\t" + SHOWN.formatCellValue(cell));
        }
      }
    }
    return cells;
  }
}
