package org.daijiao.generate;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.daijiao.TestCsv;
import org.daijiao.ingest.Source;

/**
 * Reads generated inputs back the way SPEC §4 describes them, independently of the generator: CSV
 * as UTF-8 (BOM dropped) or else GBK, XLSX cells as text, dates and exact digits.
 */
final class GeneratedInputs {
  /** One data row: its file and the values by canonical column. */
  record Row(String file, Map<String, String> values) {
    String get(String column) {
      return values.getOrDefault(column, "");
    }
  }

  private GeneratedInputs() {}

  static List<Path> files(Path out, Source source) throws IOException {
    try (Stream<Path> s = Files.list(out.resolve(source.folder()))) {
      return s.sorted().toList();
    }
  }

  /** The header cells of a file, as written. */
  static List<String> header(Path file) throws IOException {
    return table(file).get(0);
  }

  static List<Row> rows(Path out, Source source) throws IOException {
    List<Row> rows = new ArrayList<>();
    for (Path file : files(out, source)) {
      List<List<String>> table = table(file);
      List<String> canonical = new ArrayList<>();
      for (String h : table.get(0)) {
        canonical.add(source.columnForHeader(h).map(Source.Column::name).orElse(h));
      }
      for (List<String> cells : table.subList(1, table.size())) {
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < canonical.size(); i++) {
          values.put(canonical.get(i), i < cells.size() ? cells.get(i) : "");
        }
        rows.add(new Row(file.getFileName().toString(), values));
      }
    }
    return rows;
  }

  /** True when the bytes are valid UTF-8 (a GBK file with Chinese text never is). */
  static boolean isUtf8(byte[] bytes) {
    try {
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes));
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }

  static String decode(byte[] bytes) {
    if (!isUtf8(bytes)) {
      return new String(bytes, Charset.forName("GBK"));
    }
    String s = new String(bytes, StandardCharsets.UTF_8);
    return s.startsWith("\uFEFF") ? s.substring(1) : s;
  }

  private static List<List<String>> table(Path file) throws IOException {
    return file.toString().endsWith(".xlsx") ? xlsx(file) : csv(file);
  }

  /**
   * RFC 4180 (quotes, doubled quotes, CRLF). Parsed here rather than with commons-csv's parser so
   * that the test reads the files independently of the code under test and of its dependencies.
   */
  static List<List<String>> csv(Path file) throws IOException {
    return TestCsv.parse(decode(Files.readAllBytes(file)));
  }

  private static List<List<String>> xlsx(Path file) throws IOException {
    List<List<String>> table = new ArrayList<>();
    try (InputStream in = Files.newInputStream(file);
        Workbook wb = new XSSFWorkbook(in)) {
      Sheet sheet = wb.getSheetAt(0);
      int width = sheet.getRow(0).getLastCellNum();
      for (org.apache.poi.ss.usermodel.Row row : sheet) {
        List<String> cells = new ArrayList<>();
        for (int c = 0; c < width; c++) {
          cells.add(text(row.getCell(c)));
        }
        table.add(cells);
      }
    }
    return table;
  }

  private static String text(Cell cell) {
    if (cell == null) {
      return "";
    }
    if (cell.getCellType() == CellType.NUMERIC) {
      if (DateUtil.isCellDateFormatted(cell)) {
        return cell.getLocalDateTimeCellValue().toLocalDate().toString();
      }
      return BigDecimal.valueOf(cell.getNumericCellValue()).toPlainString();
    }
    return cell.getStringCellValue();
  }
}
