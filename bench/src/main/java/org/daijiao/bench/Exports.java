package org.daijiao.bench;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The benchmark's own reader of the department exports (SPEC §4), independent of daijiao's classes:
 * the six sources with their canonical columns and Chinese header aliases, the input layout
 * ({@code <input>/<source>/*}), CSV decoding (UTF-8, UTF-8 with BOM, GBK — per line for a file that
 * mixes them), RFC 4180 records, the header row found below title rows, and XLSX sheets read with
 * POI (merged header cells, date cells, numbers as Excel shows them).
 *
 * <p>It only decodes and maps headers: every value stays the raw text of its cell. Cleaning values
 * is the job of the engine reading the result (DuckDB's SQL).
 */
final class Exports {
  private Exports() {}

  /** A canonical column of a source: whether a file must have it, and the headers meaning it. */
  record Col(String name, boolean required, List<String> aliases) {}

  /** One department export (SPEC §4). */
  record SourceDef(String folder, boolean roster, List<Col> columns) {
    List<String> names() {
      return columns.stream().map(Col::name).toList();
    }

    /** The canonical column a header means, or null. Ignores case, spaces and character width. */
    String canonical(String header) {
      String k = headerKey(header);
      if (k.isEmpty()) {
        return null;
      }
      for (Col c : columns) {
        if (headerKey(c.name()).equals(k)) {
          return c.name();
        }
        for (String a : c.aliases()) {
          if (headerKey(a).equals(k)) {
            return c.name();
          }
        }
      }
      return null;
    }

    /** True when the headers name every required column. */
    boolean isHeader(List<String> headers) {
      for (Col c : columns) {
        if (c.required() && headers.stream().noneMatch(h -> c.name().equals(canonical(h)))) {
          return false;
        }
      }
      return true;
    }
  }

  private static Col req(String name, String... aliases) {
    return new Col(name, true, List.of(aliases));
  }

  private static Col opt(String name, String... aliases) {
    return new Col(name, false, List.of(aliases));
  }

  private static final String[] ID = {"身份证号码", "身份证号", "证件号码", "公民身份号码"};
  private static final String[] TOWNSHIP = {"乡镇（街道）", "乡镇(街道)", "乡镇", "街道"};
  private static final String[] VILLAGE = {"村（社区）", "村(社区)", "村", "社区"};

  /** SPEC §4's table, with the further headers departments were seen to export. */
  static final List<SourceDef> SOURCES =
      List.of(
          new SourceDef(
              "civil_affairs",
              true,
              List.of(
                  opt("name", "姓名"),
                  req("id_number", ID),
                  req("category", "保障类别", "救助类别", "类别"),
                  opt("township", TOWNSHIP),
                  opt("village", VILLAGE),
                  req("start_date", "保障开始日期", "认定日期", "开始日期"),
                  opt("end_date", "保障结束日期", "退出日期", "结束日期"),
                  opt("household_id", "户编号"))),
          new SourceDef(
              "rural_revitalization",
              true,
              List.of(
                  opt("name", "姓名"),
                  req("id_number", ID),
                  req("category", "人员类别", "监测对象类别", "类别"),
                  opt("township", TOWNSHIP),
                  opt("village", VILLAGE),
                  req("start_date", "识别日期", "纳入监测日期", "开始日期"),
                  opt("end_date", "风险消除日期", "结束日期"))),
          new SourceDef(
              "disability",
              true,
              List.of(
                  opt("name", "姓名"),
                  opt("id_number", ID),
                  opt("certificate_number", "残疾人证号", "残疾证号", "残疾人证号码"),
                  opt("disability_category", "残疾类别"),
                  req("disability_grade", "残疾等级"),
                  opt("township", TOWNSHIP),
                  opt("village", VILLAGE),
                  req("start_date", "发证日期", "开始日期"),
                  opt("end_date", "注销日期", "结束日期"))),
          new SourceDef(
              "pension_enrollment",
              false,
              List.of(
                  req("id_number", ID),
                  opt("name", "姓名"),
                  req("scheme", "险种", "险种类型"),
                  req("region_code", "参保地区划代码", "参保地区划", "参保地"),
                  req("status", "参保状态"),
                  opt("tier", "缴费档次"),
                  opt("person_number", "个人编号"))),
          new SourceDef(
              "tax_payments",
              false,
              List.of(
                  req("id_number", ID),
                  opt("name", "姓名"),
                  req("payment_year", "费款所属期", "缴费年度"),
                  req("amount", "缴费金额", "金额"),
                  req("paid_date", "缴费日期", "入库日期"),
                  req("payer_type", "缴费类型"))),
          new SourceDef(
              "exclusions",
              false,
              List.of(
                  req("id_number", ID),
                  opt("name", "姓名"),
                  req("reason", "类型", "人员类型"),
                  req("start_date", "开始日期"),
                  opt("end_date", "结束日期"))));

  static SourceDef source(String folder) {
    return SOURCES.stream().filter(s -> s.folder().equals(folder)).findFirst().orElseThrow();
  }

  /** Header comparison key: full-width folded, every space dropped, lower case. */
  static String headerKey(String h) {
    if (h == null) {
      return "";
    }
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < h.length(); i++) {
      char c = halfWidth(h.charAt(i));
      if (!isSpace(c)) {
        sb.append(c);
      }
    }
    return sb.toString().toLowerCase(Locale.ROOT);
  }

  static char halfWidth(char c) {
    if (c >= '\uFF01' && c <= '\uFF5E') {
      return (char) (c - 0xFEE0);
    }
    return c == '\u3000' ? ' ' : c;
  }

  static boolean isSpace(char c) {
    return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\u200B' || c == '\uFEFF';
  }

  // ---------------------------------------------------------------- files

  /** One export file of the input directory. */
  record InputFile(SourceDef source, Path path) {
    /** {@code folder/file}: how the file is named in lineage and tie-breaks. */
    String displayName() {
      return source.folder() + "/" + path.getFileName();
    }

    boolean isXlsx() {
      return path.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".xlsx");
    }
  }

  /** Every export under {@code input}, by source, sorted by name; hidden and lock files skipped. */
  static List<InputFile> list(Path input) throws IOException {
    List<InputFile> out = new ArrayList<>();
    for (SourceDef s : SOURCES) {
      Path dir = input.resolve(s.folder());
      if (!Files.isDirectory(dir)) {
        continue;
      }
      try (Stream<Path> files = Files.list(dir)) {
        files
            .filter(Files::isRegularFile)
            .filter(
                p -> {
                  String n = p.getFileName().toString();
                  return !(n.startsWith(".") || n.startsWith("_") || n.startsWith("~$"));
                })
            .sorted()
            .forEach(p -> out.add(new InputFile(s, p)));
      }
    }
    return out;
  }

  // ---------------------------------------------------------------- tables

  /**
   * A file's records under canonical column names: {@code columns} are the source's canonical
   * columns in their order; each record has one raw text (or null) per column and the line the
   * record starts on.
   */
  interface RecordSink {
    void record(long line, String[] values);
  }

  /** What a file's header row said: where it is and which canonical column each position is. */
  record Layout(long headerLine, int[] canonicalAt, int width) {
    String[] values(List<String> cells) {
      String[] v = new String[width];
      for (int i = 0; i < cells.size() && i < canonicalAt.length; i++) {
        String c = cells.get(i);
        if (canonicalAt[i] >= 0 && c != null && !c.isEmpty()) {
          v[canonicalAt[i]] = c;
        }
      }
      return v;
    }
  }

  static Layout layout(SourceDef s, long line, List<String> headers) {
    List<String> names = s.names();
    int[] at = new int[headers.size()];
    for (int i = 0; i < headers.size(); i++) {
      String c = s.canonical(headers.get(i));
      at[i] = c == null ? -1 : names.indexOf(c);
    }
    return new Layout(line, at, names.size());
  }

  static boolean blank(List<String> cells) {
    for (String c : cells) {
      if (c != null && !c.isBlank()) {
        return false;
      }
    }
    return true;
  }

  /** Reads any export (CSV or XLSX) and hands each record to the sink. */
  static void read(InputFile f, RecordSink sink) throws IOException {
    if (f.isXlsx()) {
      readXlsx(f, sink);
    } else {
      readCsv(f, sink);
    }
  }

  // ---------------------------------------------------------------- CSV

  static final Charset GBK = Charset.forName("GB18030");

  /** The encoding of a CSV file, for readers that take one per file: UTF-8 or GB18030. */
  static Charset sniffCharset(byte[] head, int len) {
    if (len >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF) {
      return StandardCharsets.UTF_8;
    }
    CharsetDecoder d =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    CharBuffer out = CharBuffer.allocate(8192);
    ByteBuffer in = ByteBuffer.wrap(head, 0, len);
    while (true) {
      out.clear();
      // endOfInput false: a character cut by the end of the sample is not an error.
      CoderResult r = d.decode(in, out, false);
      if (r.isError()) {
        return GBK;
      }
      if (r.isUnderflow()) {
        return StandardCharsets.UTF_8;
      }
    }
  }

  /**
   * The text of a CSV file: UTF-8 (BOM stripped) when the whole file is valid UTF-8; otherwise line
   * by line, UTF-8 where a line is valid UTF-8 and GBK (GB18030) where not.
   */
  static String decode(byte[] b) {
    boolean bom =
        b.length >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF;
    int off = bom ? 3 : 0;
    Strict utf8 = new Strict(StandardCharsets.UTF_8);
    if (utf8.accepts(b, off, b.length - off)) {
      return new String(b, off, b.length - off, StandardCharsets.UTF_8);
    }
    StringBuilder sb = new StringBuilder(b.length);
    for (int start = off; start < b.length; ) {
      int end = start;
      while (end < b.length && b[end] != '\n' && b[end] != '\r') {
        end++;
      }
      if (end < b.length) {
        end += (b[end] == '\r' && end + 1 < b.length && b[end + 1] == '\n') ? 2 : 1;
      }
      boolean ascii = true;
      for (int i = start; i < end && ascii; i++) {
        ascii = b[i] >= 0;
      }
      Charset cs = ascii || utf8.accepts(b, start, end - start) ? StandardCharsets.UTF_8 : GBK;
      sb.append(new String(b, start, end - start, cs));
      start = end;
    }
    return sb.toString();
  }

  private static final class Strict {
    private final CharsetDecoder d;
    private final CharBuffer out = CharBuffer.allocate(8192);

    Strict(Charset cs) {
      d =
          cs.newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    boolean accepts(byte[] b, int off, int len) {
      d.reset();
      ByteBuffer in = ByteBuffer.wrap(b, off, len);
      while (true) {
        out.clear();
        CoderResult r = d.decode(in, out, true);
        if (r.isError()) {
          return false;
        }
        if (r.isUnderflow()) {
          break;
        }
      }
      out.clear();
      return !d.flush(out).isError();
    }
  }

  /** The delimiter: the most frequent of , TAB ; outside quotes on the first line having any. */
  static char delimiter(String text) {
    char[] ds = {',', '\t', ';'};
    int start = 0;
    int looked = 0;
    while (start < text.length() && looked < 10) {
      int end = start;
      while (end < text.length() && text.charAt(end) != '\n' && text.charAt(end) != '\r') {
        end++;
      }
      String line = text.substring(start, end);
      start = end + 1;
      if (line.isBlank()) {
        continue;
      }
      looked++;
      int[] n = new int[3];
      boolean q = false;
      for (int i = 0; i < line.length(); i++) {
        char c = line.charAt(i);
        if (c == '"') {
          q = !q;
        } else if (!q) {
          for (int k = 0; k < 3; k++) {
            n[k] += c == ds[k] ? 1 : 0;
          }
        }
      }
      int best = 0;
      for (int k = 1; k < 3; k++) {
        best = n[k] > n[best] ? k : best;
      }
      if (n[best] > 0) {
        return ds[best];
      }
    }
    return ',';
  }

  /** RFC 4180 records of a text, each with the physical line it starts on (LF, CRLF, CR). */
  static final class CsvRecords {
    private final String t;
    private final char delim;
    private int pos;
    private long line = 1;
    long recordLine;

    CsvRecords(String text, char delim) {
      this.t = text;
      this.delim = delim;
    }

    List<String> next() {
      if (pos >= t.length()) {
        return null;
      }
      recordLine = line;
      List<String> cells = new ArrayList<>();
      while (true) {
        if (pos < t.length() && t.charAt(pos) == '"') {
          pos++;
          StringBuilder sb = new StringBuilder();
          while (pos < t.length()) {
            char c = t.charAt(pos++);
            if (c == '"') {
              if (pos < t.length() && t.charAt(pos) == '"') {
                sb.append('"');
                pos++;
                continue;
              }
              break;
            }
            if (c == '\n' || (c == '\r' && (pos >= t.length() || t.charAt(pos) != '\n'))) {
              line++;
            }
            sb.append(c);
          }
          // Text after a closing quote (not RFC 4180) is kept with the field.
          int s = pos;
          while (pos < t.length()) {
            char c = t.charAt(pos);
            if (c == delim || c == '\n' || c == '\r') {
              break;
            }
            pos++;
          }
          if (pos > s) {
            sb.append(t, s, pos);
          }
          cells.add(sb.toString());
        } else {
          int s = pos;
          while (pos < t.length()) {
            char c = t.charAt(pos);
            if (c == delim || c == '\n' || c == '\r') {
              break;
            }
            pos++;
          }
          cells.add(t.substring(s, pos));
        }
        if (pos >= t.length()) {
          return cells;
        }
        char c = t.charAt(pos++);
        if (c != delim) {
          if (c == '\r' && pos < t.length() && t.charAt(pos) == '\n') {
            pos++;
          }
          line++;
          return cells;
        }
      }
    }
  }

  /** The header of a CSV text: the first of the first ten non-blank records naming every required column. */
  static void readCsv(InputFile f, RecordSink sink) throws IOException {
    String text = decode(Files.readAllBytes(f.path()));
    CsvRecords recs = new CsvRecords(text, delimiter(text));
    Layout layout = null;
    int looked = 0;
    for (List<String> cells = recs.next(); cells != null; cells = recs.next()) {
      if (blank(cells)) {
        continue;
      }
      if (layout == null) {
        if (f.source().isHeader(cells)) {
          layout = layout(f.source(), recs.recordLine, cells);
        } else if (++looked >= 10) {
          throw new IOException(f.displayName() + ": no header row in the first 10 rows");
        }
        continue;
      }
      sink.record(recs.recordLine, layout.values(cells));
    }
    if (layout == null) {
      throw new IOException(f.displayName() + ": no header row");
    }
  }

  /** Line of the header of a CSV text (1-based), or -1 when it is not on the first non-blank line. */
  static long csvHeaderLine(String head, SourceDef s) {
    CsvRecords recs = new CsvRecords(head, delimiter(head));
    for (List<String> cells = recs.next(); cells != null; cells = recs.next()) {
      if (!blank(cells)) {
        return s.isHeader(cells) ? recs.recordLine : -1;
      }
    }
    return -1;
  }

  // ---------------------------------------------------------------- XLSX

  private static final MathContext EXCEL_DIGITS = new MathContext(15);
  private static final MathContext SHOWN_DIGITS = new MathContext(6);
  private static final BigDecimal FIRST_LOSSY = BigDecimal.TEN.pow(15);

  /**
   * The first sheet with a header row within its first ten rows; a header may be merged over up to
   * three rows (the lowest non-empty text of each column is its header). A cell merged down from a
   * region's top-left cell shows that cell's text.
   */
  static void readXlsx(InputFile f, RecordSink sink) throws IOException {
    try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(Files.readAllBytes(f.path())))) {
      for (int s = 0; s < wb.getNumberOfSheets(); s++) {
        Grid g = new Grid(wb.getSheetAt(s));
        int last = Math.min(g.sheet.getLastRowNum(), 9);
        for (int r = 0; r <= last; r++) {
          if (g.blankRow(r)) {
            continue;
          }
          int bandEnd = Math.min(g.mergedDown.getOrDefault(r, r), r + 2);
          int width = 0;
          for (int b = r; b <= bandEnd; b++) {
            width = Math.max(width, g.width(b));
          }
          List<String> headers = new ArrayList<>();
          for (int c = 0; c < width; c++) {
            String h = null;
            for (int b = r; b <= bandEnd; b++) {
              String t = g.text(b, c);
              h = t != null && !t.isBlank() ? t : h;
            }
            headers.add(h);
          }
          if (f.source().isHeader(headers)) {
            Layout layout = layout(f.source(), r + 1, headers);
            for (int d = bandEnd + 1; d <= g.sheet.getLastRowNum(); d++) {
              if (g.blankRow(d)) {
                continue;
              }
              int w = g.width(d);
              List<String> cells = new ArrayList<>(w);
              for (int c = 0; c < w; c++) {
                cells.add(g.text(d, c));
              }
              sink.record(d + 1L, layout.values(cells));
            }
            return;
          }
        }
      }
      throw new IOException(f.displayName() + ": no sheet has a header row");
    } catch (RuntimeException e) {
      throw new IOException(f.displayName() + ": workbook cannot be read: " + e.getClass(), e);
    }
  }

  private static final class Grid {
    final Sheet sheet;
    final Map<Long, Integer> coveredTop = new HashMap<>();
    final Map<Integer, Integer> mergedDown = new HashMap<>();
    final Map<Integer, Integer> coveredWidth = new HashMap<>();

    Grid(Sheet sheet) {
      this.sheet = sheet;
      for (CellRangeAddress m : sheet.getMergedRegions()) {
        for (int r = m.getFirstRow() + 1; r <= m.getLastRow(); r++) {
          coveredTop.put(((long) r << 20) | m.getFirstColumn(), m.getFirstRow());
          coveredWidth.merge(r, m.getFirstColumn() + 1, Math::max);
        }
        mergedDown.merge(m.getFirstRow(), m.getLastRow(), Math::max);
      }
    }

    int width(int r) {
      int w = coveredWidth.getOrDefault(r, 0);
      Row row = sheet.getRow(r);
      if (row != null) {
        for (Cell c : row) {
          if (c.getColumnIndex() >= w && cellText(c) != null) {
            w = c.getColumnIndex() + 1;
          }
        }
      }
      return w;
    }

    boolean blankRow(int r) {
      Row row = sheet.getRow(r);
      if (row == null) {
        return true;
      }
      for (Cell c : row) {
        String t = cellText(c);
        if (t != null && !t.isBlank()) {
          return false;
        }
      }
      return true;
    }

    String text(int r, int c) {
      Integer top = coveredTop.get(((long) r << 20) | c);
      Row row = sheet.getRow(top != null ? top : r);
      return row == null ? null : cellText(row.getCell(c));
    }
  }

  /**
   * A cell as the clerk sees it: text as is; a date cell as yyyy-MM-dd; a number with Excel's 15
   * significant digits, or as Excel shows it (5.00243E+17) when it has 16 or more integer digits; a
   * formula as its cached value.
   */
  static String cellText(Cell cell) {
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
          return new BigDecimal(d).round(SHOWN_DIGITS).stripTrailingZeros().toString();
        }
        return shown.stripTrailingZeros().toPlainString();
      case BOOLEAN:
        return String.valueOf(cell.getBooleanCellValue());
      default:
        return null;
    }
  }

  /** Every record of the file, collected (for the floor's XLSX and odd CSV files). */
  static List<String[]> readAll(InputFile f) {
    List<String[]> rows = new ArrayList<>();
    try {
      read(f, (line, values) -> rows.add(values));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return rows;
  }

  /** Files per source, in source order. */
  static Map<SourceDef, List<InputFile>> bySource(List<InputFile> files) {
    Map<SourceDef, List<InputFile>> m = new LinkedHashMap<>();
    for (InputFile f : files) {
      m.computeIfAbsent(f.source(), k -> new ArrayList<>()).add(f);
    }
    return m;
  }
}
