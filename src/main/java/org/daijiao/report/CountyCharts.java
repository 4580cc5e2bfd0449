package org.daijiao.report;

import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xddf.usermodel.chart.AxisCrossBetween;
import org.apache.poi.xddf.usermodel.chart.AxisCrosses;
import org.apache.poi.xddf.usermodel.chart.AxisPosition;
import org.apache.poi.xddf.usermodel.chart.BarDirection;
import org.apache.poi.xddf.usermodel.chart.ChartTypes;
import org.apache.poi.xddf.usermodel.chart.LegendPosition;
import org.apache.poi.xddf.usermodel.chart.MarkerStyle;
import org.apache.poi.xddf.usermodel.chart.XDDFBarChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFCategoryAxis;
import org.apache.poi.xddf.usermodel.chart.XDDFChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSourcesFactory;
import org.apache.poi.xddf.usermodel.chart.XDDFLineChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFNumericalDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFValueAxis;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFClientAnchor;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFSheet;

/**
 * The report's native Excel charts (POI XDDF), all on the 图表 sheet, which prints on one A4 page.
 * Their data are cell ranges of the table sheets, so a chart shows what the tables say: insured
 * rate by township (sorted, with the 100 % target line), persons by category, subsidy by
 * department. Every series has its own colours ({@link ChartColours}): no suite has to guess them.
 */
final class CountyCharts {
  static final String RATE_TITLE = "各乡镇（街道）参保率（由低到高，红线为100%目标）";
  static final String CATEGORY_TITLE = "各类别参保目标人数与已参保人数";
  static final String DEPARTMENT_TITLE = "各部门代缴资金（元）";

  private final XSSFDrawing drawing;

  CountyCharts(XSSFSheet sheet, String footer) {
    this.drawing = sheet.createDrawingPatriarch();
    Sheets.printOnA4(sheet, true, -1, -1, null, footer);
  }

  /** Columns: rank, township, rate, target (1.0); {@code rows} spans the data rows. */
  CountyCharts rateByTownship(XSSFSheet data, CellRangeAddress rows) {
    if (rows.getLastRow() < rows.getFirstRow()) {
      return this;
    }
    XSSFChart chart = chart(0, 0, 16, 22, RATE_TITLE);
    XDDFCategoryAxis townships = chart.createCategoryAxis(AxisPosition.BOTTOM);
    XDDFValueAxis rate = chart.createValueAxis(AxisPosition.LEFT);
    rate.setCrosses(AxisCrosses.AUTO_ZERO);
    rate.setCrossBetween(AxisCrossBetween.BETWEEN);
    rate.setMinimum(0);
    rate.setMaximum(1);
    rate.setNumberFormat("0%");
    XDDFDataSource<String> names = text(data, rows, rows.getFirstColumn() + 1);
    XDDFBarChartData bars = (XDDFBarChartData) chart.createData(ChartTypes.BAR, townships, rate);
    bars.setBarDirection(BarDirection.COL);
    bars.setVaryColors(false);
    XDDFChartData.Series rates =
        bars.addSeries(names, numbers(data, rows, rows.getFirstColumn() + 2));
    rates.setTitle("参保率", null);
    ChartColours.bars(rates, ChartColours.BLUE);
    chart.plot(bars);
    XDDFLineChartData target =
        (XDDFLineChartData) chart.createData(ChartTypes.LINE, townships, rate);
    target.setVaryColors(false);
    XDDFLineChartData.Series line =
        (XDDFLineChartData.Series)
            target.addSeries(names, numbers(data, rows, rows.getFirstColumn() + 3));
    line.setTitle("目标 100%", null);
    line.setMarkerStyle(MarkerStyle.NONE);
    line.setSmooth(false);
    ChartColours.line(line, ChartColours.RED, 2.0);
    chart.plot(target);
    return this;
  }

  /** Column 0 holds the category, 1 the target persons, 2 the insured persons. */
  CountyCharts personsByCategory(XSSFSheet data, int firstRow, int lastRow) {
    if (lastRow < firstRow) {
      return this;
    }
    XSSFChart chart = chart(0, 23, 8, 42, CATEGORY_TITLE);
    XDDFBarChartData bars = bars(chart);
    CellRangeAddress rows = new CellRangeAddress(firstRow, lastRow, 0, 2);
    XDDFDataSource<String> categories = text(data, rows, 0);
    XDDFChartData.Series target = bars.addSeries(categories, numbers(data, rows, 1));
    target.setTitle("参保目标人数", null);
    ChartColours.bars(target, ChartColours.BLUE);
    XDDFChartData.Series insured = bars.addSeries(categories, numbers(data, rows, 2));
    insured.setTitle("已参保人数", null);
    ChartColours.bars(insured, ChartColours.GREEN);
    chart.plot(bars);
    return this;
  }

  /** Column 0 holds the department, 5 its subsidy. */
  CountyCharts subsidyByDepartment(XSSFSheet data, CellRangeAddress rows) {
    if (rows.getLastRow() < rows.getFirstRow()) {
      return this;
    }
    XSSFChart chart = chart(8, 23, 16, 42, DEPARTMENT_TITLE);
    XDDFBarChartData bars = bars(chart);
    XDDFChartData.Series subsidy = bars.addSeries(text(data, rows, 0), numbers(data, rows, 5));
    subsidy.setTitle("代缴资金（元）", null);
    ChartColours.bars(subsidy, ChartColours.BLUE);
    chart.plot(bars);
    return this;
  }

  private XSSFChart chart(int col1, int row1, int col2, int row2, String title) {
    XSSFClientAnchor anchor = drawing.createAnchor(0, 0, 0, 0, col1, row1, col2, row2);
    XSSFChart chart = drawing.createChart(anchor);
    chart.setTitleText(title);
    chart.setTitleOverlay(false);
    chart.getOrAddLegend().setPosition(LegendPosition.BOTTOM);
    return chart;
  }

  private static XDDFBarChartData bars(XSSFChart chart) {
    XDDFCategoryAxis categories = chart.createCategoryAxis(AxisPosition.BOTTOM);
    XDDFValueAxis values = chart.createValueAxis(AxisPosition.LEFT);
    values.setCrosses(AxisCrosses.AUTO_ZERO);
    values.setCrossBetween(AxisCrossBetween.BETWEEN);
    values.setMinimum(0);
    XDDFBarChartData bars = (XDDFBarChartData) chart.createData(ChartTypes.BAR, categories, values);
    bars.setBarDirection(BarDirection.COL);
    bars.setVaryColors(false);
    return bars;
  }

  private static XDDFDataSource<String> text(XSSFSheet data, CellRangeAddress rows, int column) {
    return XDDFDataSourcesFactory.fromStringCellRange(data, columnOf(rows, column));
  }

  private static XDDFNumericalDataSource<Double> numbers(
      XSSFSheet data, CellRangeAddress rows, int column) {
    return XDDFDataSourcesFactory.fromNumericCellRange(data, columnOf(rows, column));
  }

  private static CellRangeAddress columnOf(CellRangeAddress rows, int column) {
    return new CellRangeAddress(rows.getFirstRow(), rows.getLastRow(), column, column);
  }
}
