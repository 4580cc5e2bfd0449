package org.daijiao.report;

import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.daijiao.report.Sheets.Column;
import org.daijiao.report.Sheets.Kind;

/**
 * The workbook's 分乡镇 sheet: every township's figures and its actions closed since the previous
 * recorded as_of, then beside the table, outside its print area, the townships ranked by insured
 * rate with the 100 % target, the data of the rate chart ({@link CountyCharts}).
 */
final class TownshipSheet {
  /** 分乡镇's column of the actions closed since the previous recorded as_of. */
  static final String CLOSED_SINCE_LAST = "上月以来销号";

  private TownshipSheet() {}

  /** Writes the sheet; returns the data range of the ranking, which the rate chart draws. */
  static CellRangeAddress write(XSSFSheet sheet, SheetStyles styles, CountyFigures figures) {
    List<Column> columns = new ArrayList<>();
    columns.add(new Column("区划代码", Kind.TEXT));
    columns.add(new Column("乡镇（街道）", Kind.TEXT));
    columns.addAll(CountyWorkbook.FIGURES);
    columns.add(new Column(CLOSED_SINCE_LAST, Kind.COUNT));
    List<List<Object>> rows = new ArrayList<>();
    Long closedTotal = null;
    for (FigureRow t : figures.townships()) {
      List<Object> row =
          CountyWorkbook.row(
              CountyWorkbook.text(t.townshipCode()), ReportLabels.township(t.township()));
      row.addAll(CountyWorkbook.figuresOf(t));
      Long closed = closedSinceLast(figures, t);
      row.add(closed);
      closedTotal = plus(closedTotal, closed);
      rows.add(row);
    }
    List<Object> total = CountyWorkbook.row("", "合计");
    total.addAll(CountyWorkbook.figuresOf(figures.townshipTotal()));
    total.add(closedTotal);
    int end =
        CountyWorkbook.tableSheet(sheet, styles, figures, "各乡镇（街道）参保情况", columns, rows, total);
    // Beside the table, outside its print area: the townships by insured rate, lowest first, with
    // the 100 % target: the data of the rate chart, and a ranking to read.
    int first = columns.size() + 1;
    List<List<Object>> ranking = new ArrayList<>();
    int rank = 1;
    for (FigureRow t : figures.townshipsByRate()) {
      ranking.add(
          CountyWorkbook.row(
              (long) rank++,
              t.township(),
              Sheets.rate(t.insuredRate()),
              Sheets.rate(java.math.BigDecimal.ONE)));
    }
    int headerRow = CountyWorkbook.HEADER_ROW;
    Sheets.table(
        sheet,
        styles,
        headerRow,
        first,
        List.of(
            new Column("按参保率排序", Kind.COUNT),
            new Column("乡镇（街道）", Kind.TEXT),
            new Column("参保率", Kind.RATE),
            new Column("目标", Kind.RATE)),
        ranking,
        null);
    Sheets.sizeColumns(sheet, headerRow, first + 4);
    XSSFWorkbook workbook = sheet.getWorkbook();
    workbook.setPrintArea(workbook.getSheetIndex(sheet), 0, columns.size() - 1, 0, end - 1);
    return new CellRangeAddress(headerRow + 1, headerRow + ranking.size(), first, first + 3);
  }

  /** A sum of counts that may be missing: null while both are. */
  static Long plus(Long sum, Long n) {
    if (n == null) {
      return sum;
    }
    return sum == null ? n : Long.valueOf(sum + n);
  }

  /**
   * The actions of a township closed since the previous recorded as_of (销号, §3(二)); null at the
   * first recorded as_of of the year or without history. A township with none closed then: 0.
   */
  static Long closedSinceLast(CountyFigures figures, FigureRow township) {
    MonthlyFigures months = figures.months();
    if (months.asOfs().size() < 2
        || !months.asOfs().get(months.asOfs().size() - 1).equals(figures.asOf())) {
      return null;
    }
    return months.closedByTownship().getOrDefault(township.township(), 0L);
  }
}
