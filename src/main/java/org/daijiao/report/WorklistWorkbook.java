package org.daijiao.report;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.daijiao.report.Sheets.Column;
import org.daijiao.report.Sheets.Kind;
import org.daijiao.report.WorklistBooks.Entry;
import org.daijiao.report.WorklistBooks.Township;
import org.daijiao.report.WorklistBooks.Village;

/**
 * A township's work-list workbook (docs/reports.md#work-lists; §3 清单管理、销号管理): a first sheet 汇总 with
 * the open actions per village (short column headers, spelled out in full below the table, so that
 * it prints on A4 landscape at full size), then one sheet per village with every open action —
 * name, masked ID, category, what to do, how much, by when — and empty columns for the clerk.
 * Prints on A4 landscape with the title and header on every page, page numbers and the as-of date
 * in the footer.
 */
final class WorklistWorkbook {
  static final String SUMMARY = "汇总";

  /** The columns of a village's sheet; the last three are the clerk's. */
  static final List<Column> COLUMNS =
      List.of(
          new Column("序号", Kind.COUNT),
          new Column("姓名", Kind.TEXT),
          new Column("身份证号（已脱敏）", Kind.TEXT),
          new Column("人员类别", Kind.TEXT),
          new Column("事项", Kind.TEXT),
          new Column("金额（元）", Kind.MONEY),
          new Column("办理期限", Kind.DATE),
          new Column("办理情况", Kind.TEXT),
          new Column("经办人", Kind.TEXT),
          new Column("日期", Kind.TEXT));

  /** Minimum widths in characters: room for 序号 and to write by hand in the clerk's columns. */
  private static final Map<Integer, Integer> MIN_WIDTHS = Map.of(0, 5, 7, 28, 8, 10, 9, 12);

  static final int HEADER_ROW = 2;

  /** The height of a line of a 10-point note, with room for the suites' line spacing. */
  private static final float NOTE_LINE_POINTS = 14.5f;

  private final String title;
  private final LocalDate asOf;
  private final XSSFWorkbook workbook = ChartColours.workbookWithTheme();
  private final SheetStyles styles = new SheetStyles(workbook);

  private WorklistWorkbook(String title, LocalDate asOf) {
    this.title = title;
    this.asOf = asOf;
  }

  /** {@code title}: 彭水县2022年代缴工作清单. */
  static void write(String title, LocalDate asOf, Township township, OutputStream out)
      throws IOException {
    WorklistWorkbook book = new WorklistWorkbook(title, asOf);
    try (XSSFWorkbook workbook = book.workbook) {
      book.build(township);
      workbook.write(out);
    }
  }

  /** What the clerk must know before starting: as of when, how to close an action. */
  static String instructions(LocalDate asOf) {
    return "数据截至 "
        + asOf
        + "。请逐人核实办理，在“办理情况、经办人、日期”栏填写后交乡镇（街道）销号。"
        + "金额为本人应缴的个人部分，或应退还本人的代缴资金。"
        + "身份证号已脱敏，以姓名和村（社区）核对本人。";
  }

  /** E.g. 汉葭街道 鼓楼社区. */
  static String place(Township township, Village village) {
    return ReportLabels.township(township.name()) + " " + ReportLabels.village(village.name());
  }

  private void build(Township township) {
    XSSFSheet summary = workbook.createSheet(SUMMARY);
    Set<String> names = new HashSet<>(Set.of(SUMMARY.toLowerCase(Locale.ROOT)));
    for (Village village : township.villages()) {
      village(workbook.createSheet(sheetName(village, names)), township, village);
    }
    summary(summary, township);
  }

  private void summary(XSSFSheet sheet, Township township) {
    Map<String, Integer> actionColumns = new LinkedHashMap<>();
    township.villages().stream()
        .flatMap(v -> v.entries().stream())
        .map(Entry::action)
        .sorted(java.util.Comparator.comparingInt(ActionLabels::order))
        .forEach(a -> actionColumns.putIfAbsent(a, actionColumns.size()));
    List<Column> columns = new ArrayList<>();
    columns.add(new Column("村（社区）", Kind.TEXT));
    columns.add(new Column("村（社区）代码", Kind.TEXT));
    actionColumns
        .keySet()
        .forEach(a -> columns.add(new Column(ActionLabels.header(a), Kind.COUNT)));
    columns.add(new Column("合计（人次）", Kind.COUNT));
    List<List<Object>> rows = new ArrayList<>();
    long[] totals = new long[actionColumns.size() + 1];
    for (Village village : township.villages()) {
      List<Object> row = new ArrayList<>();
      row.add(ReportLabels.village(village.name()));
      row.add(village.code() == null ? "" : village.code());
      long[] counts = new long[actionColumns.size()];
      village.entries().forEach(e -> counts[actionColumns.get(e.action())]++);
      for (int i = 0; i < counts.length; i++) {
        row.add(counts[i]);
        totals[i] += counts[i];
      }
      row.add((long) village.entries().size());
      totals[counts.length] += village.entries().size();
      rows.add(row);
    }
    List<Object> total = new ArrayList<>(List.of("合计", ""));
    for (long t : totals) {
      total.add(t);
    }
    Sheets.line(sheet, styles.title, 0, title + "：" + ReportLabels.township(township.name()));
    int end = Sheets.table(sheet, styles, HEADER_ROW, 0, columns, rows, total);
    Sheets.sizeColumns(sheet, HEADER_ROW, columns.size());
    int width = 0;
    for (int c = 0; c < columns.size(); c++) {
      width += sheet.getColumnWidth(c) / 256;
    }
    wrappedLine(sheet, styles.wrappedNote, 1, columns.size(), width, instructions(asOf));
    int row = end + 1;
    for (String action : actionColumns.keySet()) {
      String full = ActionLabels.label(action);
      if (!full.equals(ActionLabels.header(action))) {
        row =
            wrappedLine(
                sheet,
                styles.wrappedNote,
                row,
                columns.size(),
                width,
                (row == end + 1 ? "注：" : "　　") + ActionLabels.header(action) + "：" + full);
      }
    }
    Sheets.freezeAbove(sheet, HEADER_ROW + 1);
    Sheets.printOnA4(sheet, true, 0, HEADER_ROW, null, "数据截至 " + asOf);
    workbook.setPrintArea(workbook.getSheetIndex(sheet), 0, columns.size() - 1, 0, row - 1);
  }

  private void village(XSSFSheet sheet, Township township, Village village) {
    List<List<Object>> rows = new ArrayList<>();
    long n = 1;
    for (Entry e : village.entries()) {
      List<Object> row = new ArrayList<>();
      row.add(n++);
      row.add(e.name() == null ? "" : e.name());
      row.add(e.maskedId());
      row.add(ReportLabels.category(e.category()));
      row.add(ActionLabels.item(e.action(), e.opened()));
      row.add(e.amount() == null ? null : Sheets.money(e.amount()));
      row.add(e.deadline());
      row.add("");
      row.add("");
      row.add("");
      rows.add(row);
    }
    Sheets.line(sheet, styles.title, 0, title + "：" + place(township, village));
    Sheets.line(sheet, styles.note, 1, instructions(asOf));
    int end = Sheets.table(sheet, styles, HEADER_ROW, 0, COLUMNS, rows, null);
    // Rows tall enough to write in by hand.
    for (int r = HEADER_ROW + 1; r < end; r++) {
      sheet.getRow(r).setHeightInPoints(24);
    }
    end = closed(sheet, village, end);
    Sheets.sizeColumns(sheet, HEADER_ROW, COLUMNS.size());
    MIN_WIDTHS.forEach(
        (c, chars) -> sheet.setColumnWidth(c, Math.max(sheet.getColumnWidth(c), chars * 256)));
    Sheets.freezeAbove(sheet, HEADER_ROW + 1);
    Sheets.printOnA4(sheet, true, 0, HEADER_ROW, null, "数据截至 " + asOf);
    sheet.getFooter().setLeft(place(township, village));
    workbook.setPrintArea(workbook.getSheetIndex(sheet), 0, COLUMNS.size() - 1, 0, end - 1);
  }

  /** The columns of a village's 已销号 section: in the columns of the open actions above. */
  static final List<Column> CLOSED_COLUMNS =
      List.of(
          new Column("序号", Kind.COUNT),
          new Column("姓名", Kind.TEXT),
          new Column("身份证号（已脱敏）", Kind.TEXT),
          new Column("人员类别", Kind.TEXT),
          new Column("事项", Kind.TEXT),
          new Column("立项日期", Kind.DATE),
          new Column("销号日期", Kind.DATE),
          new Column("销号结果", Kind.TEXT));

  /** What heads a village's 已销号 section. */
  static String closedTitle(int count) {
    return "已销号（上一数据截止日期以来，共 " + count + " 项，请与纸质台账核对）";
  }

  /**
   * After the open actions, the village's actions closed since the previous recorded as_of (已销号),
   * with how each ended; returns the row after them (or {@code from} when there are none).
   */
  private int closed(XSSFSheet sheet, Village village, int from) {
    if (village.closed().isEmpty()) {
      return from;
    }
    List<List<Object>> rows = new ArrayList<>();
    long n = 1;
    for (WorklistBooks.Closed c : village.closed()) {
      List<Object> row = new ArrayList<>();
      row.add(n++);
      row.add(c.name() == null ? "" : c.name());
      row.add(c.maskedId());
      row.add(ReportLabels.category(c.category()));
      row.add(ActionLabels.label(c.action()));
      row.add(c.openedAsOf());
      row.add(c.closedAsOf());
      row.add(ActionLabels.resolution(c.resolution()));
      rows.add(row);
    }
    int header = Sheets.line(sheet, styles.section, from + 1, closedTitle(rows.size()));
    return Sheets.table(sheet, styles, header, 0, CLOSED_COLUMNS, rows, null);
  }

  /**
   * A line of text across the first {@code columns} columns ({@code width} characters wide in all),
   * merged and wrapped, its row tall enough for the lines the text needs: a note that stays within
   * the printed width of its table instead of running off the page. Returns the next row.
   */
  private static int wrappedLine(
      XSSFSheet sheet, CellStyle style, int row, int columns, int width, String text) {
    Sheets.line(sheet, style, row, text);
    if (columns > 1) {
      sheet.addMergedRegion(new CellRangeAddress(row, row, 0, columns - 1));
    }
    int lines = Math.max(1, (Sheets.displayWidth(text) + width - 1) / Math.max(1, width));
    sheet.getRow(row).setHeightInPoints(lines * NOTE_LINE_POINTS);
    return row + 1;
  }

  /** A village as a sheet name: what Excel allows (31 characters, no []:*?/\), unique. */
  private static String sheetName(Village village, Set<String> taken) {
    String base = WorkbookUtil.createSafeSheetName(ReportLabels.village(village.name()), '_');
    String name = base;
    for (int i = 2; taken.contains(name.toLowerCase(Locale.ROOT)); i++) {
      String suffix = "(" + i + ")";
      name = base.substring(0, Math.min(base.length(), 31 - suffix.length())) + suffix;
    }
    taken.add(name.toLowerCase(Locale.ROOT));
    return name;
  }
}
