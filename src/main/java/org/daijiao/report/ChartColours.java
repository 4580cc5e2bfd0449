package org.daijiao.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.apache.poi.xddf.usermodel.XDDFColor;
import org.apache.poi.xddf.usermodel.XDDFLineProperties;
import org.apache.poi.xddf.usermodel.XDDFSolidFillProperties;
import org.apache.poi.xddf.usermodel.chart.XDDFChartData;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The colours of the report's charts, the same in the workbook and on the HTML page, and the theme
 * the workbooks carry. Every series of a workbook chart gets its own solid fill and line colour: a
 * suite that does not fall back to Excel's built-in palette (LibreOffice Calc) draws a series
 * without them transparent, so the bars would not show (docs/office-check.md).
 */
public final class ChartColours {
  /** Bars: the rates, the target persons, the subsidy. RGB as six hex digits. */
  public static final String BLUE = "2E6DA4";

  /** Bars: the insured persons beside the target persons. */
  public static final String GREEN = "5B9B4A";

  /** The 100 % target line. */
  public static final String RED = "C0392B";

  /**
   * The lines of the insured rate by month: the county's (blue), then one per township followed
   * (orange, purple, teal, brown, grey), none of them the target's red.
   */
  static final java.util.List<String> LINES =
      java.util.List.of(BLUE, "E67E22", "8E44AD", "16A085", "8B5A2B", "7F8C8D");

  private static final String THEME = "theme1.xml";

  private ChartColours() {}

  /** The colour of the {@code i}-th line of the rates by month (0: the county). */
  static String lineColour(int i) {
    return LINES.get(i % LINES.size());
  }

  /** {@code rgb} as CSS writes it: #2e6da4. */
  static String css(String rgb) {
    return "#" + rgb.toLowerCase(java.util.Locale.ROOT);
  }

  /** Bars of {@code rgb}: filled, with an outline of the same colour. */
  static void bars(XDDFChartData.Series series, String rgb) {
    series.setFillProperties(solid(rgb));
    series.setLineProperties(line(rgb, 0.75));
  }

  /** A line of {@code rgb}, {@code points} wide: the series' fill is the line's colour too. */
  static void line(XDDFChartData.Series series, String rgb, double points) {
    series.setFillProperties(solid(rgb));
    series.setLineProperties(line(rgb, points));
  }

  /**
   * A new workbook with a theme part (xl/theme/theme1.xml; POI writes none of its own), so that
   * what a suite resolves through the theme resolves as in Excel.
   */
  static XSSFWorkbook workbookWithTheme() {
    XSSFWorkbook workbook = new XSSFWorkbook();
    StylesTable styles = workbook.getStylesSource();
    styles.ensureThemesTable();
    try (InputStream theme = ChartColours.class.getResourceAsStream(THEME)) {
      if (theme == null) {
        throw new IllegalStateException(THEME + " is missing from the jar");
      }
      styles.getTheme().readFrom(theme);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return workbook;
  }

  private static XDDFSolidFillProperties solid(String rgb) {
    return new XDDFSolidFillProperties(XDDFColor.from(hex(rgb)));
  }

  private static XDDFLineProperties line(String rgb, double points) {
    XDDFLineProperties line = new XDDFLineProperties();
    line.setFillProperties(solid(rgb));
    line.setWidth(points);
    return line;
  }

  private static byte[] hex(String rgb) {
    byte[] bytes = new byte[3];
    for (int i = 0; i < 3; i++) {
      bytes[i] = (byte) Integer.parseInt(rgb.substring(2 * i, 2 * i + 2), 16);
    }
    return bytes;
  }
}
