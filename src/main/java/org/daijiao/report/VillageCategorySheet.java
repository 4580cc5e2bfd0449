package org.daijiao.report;

import java.util.ArrayList;
import java.util.List;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.daijiao.report.Sheets.Column;
import org.daijiao.report.Sheets.Kind;

/**
 * The workbook's 分村分类别 sheet: the target persons of each village by category, every count as it is
 * (the county keeps the workbook; the HTML page suppresses small counts, {@link
 * VillageCategoryHtml}, docs/reports.md#small-cells).
 */
final class VillageCategorySheet {
  private VillageCategorySheet() {}

  static void write(XSSFSheet sheet, SheetStyles styles, CountyFigures figures) {
    List<Column> columns = new ArrayList<>();
    columns.add(new Column("乡镇（街道）", Kind.TEXT));
    columns.add(new Column("村（社区）代码", Kind.TEXT));
    columns.add(new Column("村（社区）", Kind.TEXT));
    for (FigureRow c : figures.categories()) {
      columns.add(new Column(ReportLabels.category(c.category()), Kind.COUNT));
    }
    columns.add(new Column("参保目标人数", Kind.COUNT));
    List<List<Object>> rows = new ArrayList<>();
    for (int i = 0; i < figures.villages().size(); i++) {
      FigureRow v = figures.villages().get(i);
      List<Object> row =
          CountyWorkbook.row(
              ReportLabels.township(v.township()),
              CountyWorkbook.text(v.villageCode()),
              ReportLabels.village(v.village()));
      row.addAll(figures.villageCategoryTargets().get(i));
      row.add(v.target());
      rows.add(row);
    }
    List<Object> total = CountyWorkbook.row("合计", "", "");
    for (int c = 0; c < figures.categories().size(); c++) {
      final int category = c;
      total.add(figures.villageCategoryTargets().stream().mapToLong(r -> r.get(category)).sum());
    }
    total.add(figures.villageTotal().target());
    CountyWorkbook.tableSheet(sheet, styles, figures, "各村（社区）分类别参保目标人数", columns, rows, total);
  }
}
