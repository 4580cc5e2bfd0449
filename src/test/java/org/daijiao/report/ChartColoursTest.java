package org.daijiao.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xddf.usermodel.XDDFColorRgbBinary;
import org.apache.poi.xddf.usermodel.XDDFFillProperties;
import org.apache.poi.xddf.usermodel.XDDFShapeProperties;
import org.apache.poi.xddf.usermodel.XDDFSolidFillProperties;
import org.apache.poi.xddf.usermodel.chart.XDDFChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFLineChartData;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/**
 * The charts do not depend on a theme: every series of every chart of 图表, written and read back
 * with POI, has its own solid fill and line colour ({@code c:spPr/a:solidFill}), the bars blue and
 * green, the 100 % target line red; and the workbook carries a theme part. LibreOffice draws a
 * series without either transparent (docs/office-check.md; .ci/office-check shows it rendered).
 */
class ChartColoursTest {

  /** Each series of each chart of the sheet: chart title, series number, fill, line colour. */
  static List<String> seriesColours(XSSFSheet charts) {
    List<String> found = new ArrayList<>();
    for (XSSFChart chart : charts.createDrawingPatriarch().getCharts()) {
      for (XDDFChartData data : chart.getChartSeries()) {
        for (int i = 0; i < data.getSeriesCount(); i++) {
          XDDFChartData.Series series = data.getSeries(i);
          XDDFShapeProperties shape = series.getShapeProperties();
          String fill = shape == null ? "no spPr" : rgb(shape.getFillProperties());
          String line =
              shape == null || shape.getLineProperties() == null
                  ? "no line"
                  : rgb(shape.getLineProperties().getFillProperties());
          found.add(
              chart.getTitleText().getString()
                  + " | "
                  + "series "
                  + (i + 1)
                  + " | "
                  + (data instanceof XDDFLineChartData ? "line " : "bars ")
                  + fill
                  + " / "
                  + line);
        }
      }
    }
    return found;
  }

  private static String rgb(XDDFFillProperties fill) {
    if (!(fill instanceof XDDFSolidFillProperties solid)) {
      return "no solid fill";
    }
    return solid.getColor() instanceof XDDFColorRgbBinary binary
        ? HexFormat.of().withUpperCase().formatHex(binary.getValue())
        : "not an RGB colour";
  }

  static XSSFWorkbook chartsOfThreeTownshipsFourCategoriesTwoDepartments() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (XSSFWorkbook book = ChartColours.workbookWithTheme()) {
      XSSFSheet charts = book.createSheet("图表");
      XSSFSheet data = book.createSheet("数据");
      Object[][] rows = {
        {1.0, "双龙乡", 0.571, 1.0, 191.0, 158.0},
        {2.0, "联合乡", 0.68, 1.0, 235.0, 191.0},
        {3.0, "走马乡", 0.686, 1.0, 806.0, 646.0},
        {4.0, "汉葭街道", 0.9, 1.0, 273.0, 217.0}
      };
      for (int r = 0; r < rows.length; r++) {
        Row row = data.createRow(r);
        for (int c = 0; c < rows[r].length; c++) {
          if (rows[r][c] instanceof String s) {
            row.createCell(c).setCellValue(s);
          } else {
            row.createCell(c).setCellValue((Double) rows[r][c]);
          }
        }
      }
      new CountyCharts(charts, "数据截至 2022-12-31")
          .rateByTownship(data, new CellRangeAddress(0, 2, 0, 3))
          .personsByCategory(data, 0, 3)
          .subsidyByDepartment(data, new CellRangeAddress(0, 1, 0, 5));
      book.write(bytes);
    }
    return new XSSFWorkbook(new ByteArrayInputStream(bytes.toByteArray()));
  }

  @Test
  void everySeriesOfEveryChartHasItsOwnSolidFillAndLineTheTargetLineRed() throws IOException {
    try (XSSFWorkbook book = chartsOfThreeTownshipsFourCategoriesTwoDepartments()) {
      assertThat(seriesColours(book.getSheet("图表")))
          .containsExactly(
              CountyCharts.RATE_TITLE + " | series 1 | bars 2E6DA4 / 2E6DA4",
              CountyCharts.RATE_TITLE + " | series 1 | line C0392B / C0392B",
              CountyCharts.CATEGORY_TITLE + " | series 1 | bars 2E6DA4 / 2E6DA4",
              CountyCharts.CATEGORY_TITLE + " | series 2 | bars 5B9B4A / 5B9B4A",
              CountyCharts.DEPARTMENT_TITLE + " | series 1 | bars 2E6DA4 / 2E6DA4");
    }
  }

  @Test
  void theWorkbookCarriesATheme() throws IOException {
    try (XSSFWorkbook book = chartsOfThreeTownshipsFourCategoriesTwoDepartments()) {
      assertThat(book.getStylesSource().getTheme()).as("xl/theme/theme1.xml").isNotNull();
      // Theme colour 4 is accent 1: the bars' blue, what a suite falls back to for a series.
      assertThat(book.getStylesSource().getTheme().getThemeColor(4).getARGBHex())
          .isEqualTo("FF" + ChartColours.BLUE);
      assertThat(book.getStylesSource().getTheme().getThemeColor(5).getARGBHex())
          .isEqualTo("FF" + ChartColours.GREEN);
    }
  }

  @Test
  void thePageUsesTheSameColours() {
    assertThat(ChartColours.css(ChartColours.BLUE)).isEqualTo("#2e6da4");
    assertThat(ChartColours.css(ChartColours.GREEN)).isEqualTo("#5b9b4a");
  }
}
