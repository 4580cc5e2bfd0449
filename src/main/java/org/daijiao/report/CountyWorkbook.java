package org.daijiao.report;

import java.io.IOException;
import java.io.OutputStream;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.daijiao.policy.Policy;
import org.daijiao.report.CountyFigures.FundingRow;
import org.daijiao.report.Sheets.Column;
import org.daijiao.report.Sheets.Kind;

/**
 * The county report workbook (docs/reports.md#county-report): its sheets in order, 汇总 ({@link
 * CountySummarySheet}), 图表 ({@link CountyCharts}), 月度进展 ({@link MonthlySheet}), 分乡镇 ({@link
 * TownshipSheet}), 分村, 分类别, 部门资金 and 分村分类别 ({@link VillageCategorySheet}), and the table sheets
 * without a class of their own. Every table ends with a total row equal to the county's figures;
 * each sheet prints on A4 with its header repeated; the charts are native Excel charts.
 */
final class CountyWorkbook {
  static final String SUMMARY = "汇总";
  static final String CHARTS = "图表";
  static final String MONTHS = "月度进展";
  static final String TOWNSHIPS = "分乡镇";
  static final String VILLAGES = "分村";
  static final String CATEGORIES = "分类别";
  static final String FUNDING = "部门资金";
  static final String VILLAGE_CATEGORIES = "分村分类别";

  /** Times are the county's: Beijing time. */
  static final ZoneId COUNTY_TIME = ZoneId.of("Asia/Shanghai");

  static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  static final List<Column> FIGURES =
      List.of(
          new Column("参保目标人数", Kind.COUNT),
          new Column("已参保人数", Kind.COUNT),
          new Column("参保率", Kind.RATE),
          new Column("代缴对象人数", Kind.COUNT),
          new Column("已足额缴费人数", Kind.COUNT),
          new Column("足额缴费率", Kind.RATE),
          new Column("代缴资金（元）", Kind.MONEY));

  /** The first row of each table sheet's header; the rows above hold its title and a note. */
  static final int HEADER_ROW = 2;

  private final CountyFigures figures;
  private final Policy policy;
  private final XSSFWorkbook workbook = ChartColours.workbookWithTheme();
  private final SheetStyles styles = new SheetStyles(workbook);

  private CountyWorkbook(CountyFigures figures, Policy policy) {
    this.figures = figures;
    this.policy = policy;
  }

  /** Writes the workbook of the figures. */
  static void write(CountyFigures figures, Policy policy, OutputStream out) throws IOException {
    CountyWorkbook book = new CountyWorkbook(figures, policy);
    try (XSSFWorkbook workbook = book.workbook) {
      book.build();
      workbook.write(out);
    }
  }

  private void build() {
    XSSFSheet summary = workbook.createSheet(SUMMARY);
    XSSFSheet charts = workbook.createSheet(CHARTS);
    XSSFSheet months = workbook.createSheet(MONTHS);
    XSSFSheet townships = workbook.createSheet(TOWNSHIPS);
    XSSFSheet villages = workbook.createSheet(VILLAGES);
    XSSFSheet categories = workbook.createSheet(CATEGORIES);
    XSSFSheet funding = workbook.createSheet(FUNDING);
    XSSFSheet villageCategories = workbook.createSheet(VILLAGE_CATEGORIES);
    CountySummarySheet.write(summary, styles, figures, policy);
    MonthlySheet.write(workbook, months, styles, figures);
    VillageCategorySheet.write(villageCategories, styles, figures);
    CellRangeAddress ranking = TownshipSheet.write(townships, styles, figures);
    villages(villages);
    int categoryRows = categories(categories);
    CellRangeAddress byDepartment = funding(funding);
    new CountyCharts(charts, figures.footer())
        .rateByTownship(townships, ranking)
        .personsByCategory(categories, HEADER_ROW + 1, HEADER_ROW + categoryRows)
        .subsidyByDepartment(funding, byDepartment);
  }

  private void villages(XSSFSheet sheet) {
    List<Column> columns = new ArrayList<>();
    columns.add(new Column("乡镇（街道）", Kind.TEXT));
    columns.add(new Column("村（社区）代码", Kind.TEXT));
    columns.add(new Column("村（社区）", Kind.TEXT));
    columns.addAll(FIGURES);
    List<List<Object>> rows = new ArrayList<>();
    for (FigureRow v : figures.villages()) {
      List<Object> row =
          row(
              ReportLabels.township(v.township()),
              text(v.villageCode()),
              ReportLabels.village(v.village()));
      row.addAll(figuresOf(v));
      rows.add(row);
    }
    List<Object> total = row("合计", "", "");
    total.addAll(figuresOf(figures.villageTotal()));
    tableSheet(sheet, styles, figures, "各村（社区）参保情况", columns, rows, total);
  }

  /** Returns the number of category rows. */
  private int categories(XSSFSheet sheet) {
    List<Column> columns = new ArrayList<>();
    columns.add(new Column("人员类别", Kind.TEXT));
    columns.addAll(FIGURES);
    List<List<Object>> rows = new ArrayList<>();
    for (FigureRow c : figures.categories()) {
      List<Object> row = row(ReportLabels.category(c.category()));
      row.addAll(figuresOf(c));
      rows.add(row);
    }
    List<Object> total = row("合计");
    total.addAll(figuresOf(figures.categoryTotal()));
    tableSheet(sheet, styles, figures, "各类别参保情况（类别按§2(一)确定，多重身份只计一次）", columns, rows, total);
    return rows.size();
  }

  /** The funding requests, then per department what it signs: returns that block's data range. */
  private CellRangeAddress funding(XSSFSheet sheet) {
    List<Column> columns =
        List.of(
            new Column("认定部门", Kind.TEXT),
            new Column("资金来源", Kind.TEXT),
            new Column("批次", Kind.TEXT),
            new Column("代缴方式", Kind.TEXT),
            new Column("人数", Kind.COUNT),
            new Column("代缴资金（元）", Kind.MONEY));
    List<List<Object>> rows = new ArrayList<>();
    for (FundingRow f : figures.funding()) {
      rows.add(
          List.of(
              ReportLabels.department(f.department()),
              ReportLabels.fundingSource(f.fundingSource()),
              ReportLabels.batch(f.batch(), policy),
              ReportLabels.mode(f.mode()),
              f.persons(),
              Sheets.money(f.subsidy())));
    }
    FundingRow total = figures.fundingTotal();
    int r =
        tableSheet(
            sheet,
            styles,
            figures,
            "各部门代缴资金申请（部门 × 资金来源 × 批次 × 方式）",
            columns,
            rows,
            List.of("合计", "", "", "", total.persons(), Sheets.money(total.subsidy())));
    r = Sheets.line(sheet, styles.section, r + 1, "各部门合计（由各部门签字报送县财政局）");
    int first = r;
    List<List<Object>> departments = new ArrayList<>();
    for (FundingRow f : figures.byDepartment()) {
      departments.add(
          List.of(
              ReportLabels.department(f.department()),
              "",
              "",
              "",
              f.persons(),
              Sheets.money(f.subsidy())));
    }
    int end =
        Sheets.table(
            sheet,
            styles,
            first,
            0,
            columns,
            departments,
            List.of("合计", "", "", "", total.persons(), Sheets.money(total.subsidy())));
    Sheets.sizeColumns(sheet, HEADER_ROW, columns.size());
    workbook.setPrintArea(workbook.getSheetIndex(sheet), 0, columns.size() - 1, 0, end - 1);
    return new CellRangeAddress(first + 1, first + departments.size(), 0, 5);
  }

  /**
   * A sheet that is one table: title, note, header (frozen, repeated on every page), rows, total.
   * Returns the row after the table.
   */
  static int tableSheet(
      XSSFSheet sheet,
      SheetStyles styles,
      CountyFigures figures,
      String title,
      List<Column> columns,
      List<List<Object>> rows,
      List<Object> total) {
    Sheets.line(sheet, styles.title, 0, figures.title() + "：" + title);
    Sheets.line(sheet, styles.note, 1, figures.asOfNote());
    int end = Sheets.table(sheet, styles, HEADER_ROW, 0, columns, rows, total);
    Sheets.sizeColumns(sheet, HEADER_ROW, columns.size());
    Sheets.freezeAbove(sheet, HEADER_ROW + 1);
    Sheets.printOnA4(sheet, columns.size() > 7, HEADER_ROW, HEADER_ROW, null, figures.footer());
    XSSFWorkbook workbook = sheet.getWorkbook();
    workbook.setPrintArea(workbook.getSheetIndex(sheet), 0, columns.size() - 1, 0, end - 1);
    return end;
  }

  /** The seven figures of a row, as {@link #FIGURES} heads them. */
  static List<Object> figuresOf(FigureRow r) {
    return row(
        r.target(),
        r.insured(),
        Sheets.rate(r.insuredRate()),
        r.eligible(),
        r.paid(),
        Sheets.rate(r.paidRate()),
        Sheets.money(r.subsidy()));
  }

  static String text(String value) {
    return value == null ? "" : value;
  }

  /** A mutable row that may hold nulls (List.of may not). */
  static List<Object> row(Object... values) {
    List<Object> row = new ArrayList<>(values.length);
    for (Object v : values) {
      row.add(v);
    }
    return row;
  }
}
