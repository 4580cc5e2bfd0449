package org.daijiao.report;

import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xddf.usermodel.chart.AxisCrossBetween;
import org.apache.poi.xddf.usermodel.chart.AxisCrosses;
import org.apache.poi.xddf.usermodel.chart.AxisPosition;
import org.apache.poi.xddf.usermodel.chart.ChartTypes;
import org.apache.poi.xddf.usermodel.chart.LegendPosition;
import org.apache.poi.xddf.usermodel.chart.MarkerStyle;
import org.apache.poi.xddf.usermodel.chart.XDDFCategoryAxis;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSourcesFactory;
import org.apache.poi.xddf.usermodel.chart.XDDFLineChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFValueAxis;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFClientAnchor;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.daijiao.coverage.HistoryColumns;
import org.daijiao.report.MonthlyFigures.Month;
import org.daijiao.report.MonthlyFigures.TownshipRates;
import org.daijiao.report.Sheets.Column;
import org.daijiao.report.Sheets.Kind;
import org.daijiao.spark.ColumnNames;

/**
 * The workbook's 月度进展 sheet (docs/reports.md#month-by-month; §3(一) 动态清零): the county's row of
 * {@code gold.monthly_progress} for every recorded as_of of the year, headed by the contract's
 * terms, then the insured rates by month of the county and of the five townships lowest at the
 * report's as_of, and a native line chart of them (one series each). With fewer than two as_ofs it
 * says in words that there is no monthly change yet, and draws no chart.
 */
final class MonthlySheet {
  static final String TITLE = "月度进展（动态清零）";
  static final String CHART_TITLE = "参保率逐月变化：全县及参保率最低的乡镇（街道）";
  static final String COUNTY = "全县";

  /** The county's monthly figures, in the contract's order and words. */
  static final List<String> COLUMNS =
      List.of(
          ColumnNames.TARGET_PERSONS,
          ColumnNames.INSURED_PERSONS,
          ColumnNames.INSURED_RATE,
          HistoryColumns.OPEN_ACTIONS,
          HistoryColumns.OPENED_ACTIONS,
          HistoryColumns.CLOSED_ACTIONS,
          HistoryColumns.NEW_TARGET_PERSONS,
          HistoryColumns.NEW_TARGET_INSURED,
          HistoryColumns.REACHED_60,
          HistoryColumns.REACHED_60_RECEIVING);

  private MonthlySheet() {}

  /** The Chinese term of a column of {@code gold.monthly_progress}. */
  static String term(String column) {
    return HistoryColumns.MONTHLY_PROGRESS.columns().stream()
        .filter(c -> c.name().equals(column))
        .findFirst()
        .orElseThrow()
        .term();
  }

  static List<String> headers() {
    List<String> headers = new ArrayList<>();
    headers.add(term(ColumnNames.AS_OF));
    COLUMNS.forEach(c -> headers.add(term(c)));
    return headers;
  }

  /** A month's figures in the order of {@link #COLUMNS}; null where the contract has none. */
  static List<Object> figures(Month m) {
    List<Object> row = new ArrayList<>();
    row.add(m.target());
    row.add(m.insured());
    row.add(Sheets.rate(m.insuredRate()));
    row.add(m.openActions());
    row.add(m.openedActions());
    row.add(m.closedActions());
    row.add(m.newTarget());
    row.add(m.newTargetInsured());
    row.add(m.reached60());
    row.add(m.reached60Receiving());
    return row;
  }

  static void write(
      XSSFWorkbook workbook, XSSFSheet sheet, SheetStyles styles, CountyFigures figures) {
    MonthlyFigures months = figures.months();
    Sheets.line(sheet, styles.title, 0, figures.title() + "：" + TITLE);
    Sheets.line(
        sheet,
        styles.note,
        1,
        months.hasChange()
            ? figures.asOfNote() + "“新增”“销号”为与上一数据截止日期相比；首个截止日期无上月，留空。"
            : months.note());
    List<Column> columns = new ArrayList<>();
    columns.add(new Column(term(ColumnNames.AS_OF), Kind.DATE));
    for (String c : COLUMNS) {
      columns.add(new Column(term(c), c.equals(ColumnNames.INSURED_RATE) ? Kind.RATE : Kind.COUNT));
    }
    List<List<Object>> rows = new ArrayList<>();
    for (Month m : months.county()) {
      List<Object> row = new ArrayList<>();
      row.add(m.asOf());
      row.addAll(figures(m));
      rows.add(row);
    }
    int end = Sheets.table(sheet, styles, CountyWorkbook.HEADER_ROW, 0, columns, rows, null);
    Sheets.sizeColumns(sheet, CountyWorkbook.HEADER_ROW, columns.size());
    Sheets.freezeAbove(sheet, CountyWorkbook.HEADER_ROW + 1);
    int last = end - 1;
    if (months.hasChange()) {
      last = rates(sheet, styles, months, end + 1);
    }
    Sheets.printOnA4(
        sheet, true, CountyWorkbook.HEADER_ROW, CountyWorkbook.HEADER_ROW, null, figures.footer());
    workbook.setPrintArea(workbook.getSheetIndex(sheet), 0, columns.size() - 1, 0, last);
  }

  /** The rates by month and their line chart, from row {@code first}; returns the last row used. */
  private static int rates(XSSFSheet sheet, SheetStyles styles, MonthlyFigures months, int first) {
    int header = Sheets.line(sheet, styles.section, first, "参保率逐月（全县及截至最新日期参保率最低的乡镇）");
    List<Column> columns = new ArrayList<>();
    columns.add(new Column(term(ColumnNames.AS_OF), Kind.TEXT));
    columns.add(new Column(COUNTY, Kind.COUNT));
    for (TownshipRates t : months.lowest()) {
      columns.add(new Column(ReportLabels.township(t.township()), Kind.COUNT));
    }
    List<List<Object>> rows = new ArrayList<>();
    for (int i = 0; i < months.asOfs().size(); i++) {
      List<Object> row = new ArrayList<>();
      row.add(months.asOfs().get(i).toString());
      row.add(Sheets.rate(countyRate(months, i)));
      for (TownshipRates t : months.lowest()) {
        row.add(Sheets.rate(t.rates().get(i)));
      }
      rows.add(row);
    }
    int end = Sheets.table(sheet, styles, header, 0, columns, rows, null);
    CellRangeAddress data = new CellRangeAddress(header + 1, end - 1, 0, columns.size() - 1);
    lineChart(sheet, data, end + 1, columns);
    return end + 1 + CHART_ROWS;
  }

  private static final int CHART_ROWS = 22;

  private static java.math.BigDecimal countyRate(MonthlyFigures months, int i) {
    java.time.LocalDate at = months.asOfs().get(i);
    return months.county().stream()
        .filter(m -> m.asOf().equals(at))
        .map(Month::insuredRate)
        .findFirst()
        .orElse(null);
  }

  /**
   * Column 0 of {@code data} holds the as_ofs, 1 the county's rate, the others a township's each:
   * one line per column, the county's wider and blue.
   */
  private static void lineChart(
      XSSFSheet sheet, CellRangeAddress data, int top, List<Column> columns) {
    XSSFDrawing drawing = sheet.createDrawingPatriarch();
    XSSFClientAnchor anchor = drawing.createAnchor(0, 0, 0, 0, 0, top, 11, top + CHART_ROWS);
    XSSFChart chart = drawing.createChart(anchor);
    chart.setTitleText(CHART_TITLE);
    chart.setTitleOverlay(false);
    chart.getOrAddLegend().setPosition(LegendPosition.BOTTOM);
    XDDFCategoryAxis dates = chart.createCategoryAxis(AxisPosition.BOTTOM);
    XDDFValueAxis rate = chart.createValueAxis(AxisPosition.LEFT);
    rate.setCrosses(AxisCrosses.AUTO_ZERO);
    rate.setCrossBetween(AxisCrossBetween.BETWEEN);
    rate.setMaximum(1);
    rate.setNumberFormat("0%");
    XDDFLineChartData lines = (XDDFLineChartData) chart.createData(ChartTypes.LINE, dates, rate);
    lines.setVaryColors(false);
    XDDFDataSource<String> categories =
        XDDFDataSourcesFactory.fromStringCellRange(
            sheet, new CellRangeAddress(data.getFirstRow(), data.getLastRow(), 0, 0));
    for (int c = 1; c < columns.size(); c++) {
      XDDFLineChartData.Series line =
          (XDDFLineChartData.Series)
              lines.addSeries(
                  categories,
                  XDDFDataSourcesFactory.fromNumericCellRange(
                      sheet, new CellRangeAddress(data.getFirstRow(), data.getLastRow(), c, c)));
      line.setTitle(columns.get(c).header(), null);
      line.setSmooth(false);
      line.setMarkerStyle(MarkerStyle.CIRCLE);
      String colour = ChartColours.lineColour(c - 1);
      ChartColours.line(line, colour, c == 1 ? 2.5 : 1.5);
    }
    chart.plot(lines);
  }
}
