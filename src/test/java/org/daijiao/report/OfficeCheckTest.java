package org.daijiao.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The checker of .ci/office-check on pages made here, for which the answer is known: bars against
 * legend keys alone, A4 against Letter, readable text against text shrunk to fit, a page's own
 * request against the browser's, and the unfilled copy of a workbook (docs/office-check.md).
 */
class OfficeCheckTest {
  private static final int DPI = 100;
  private static final Color BLUE = new Color(Integer.parseInt(ChartColours.BLUE, 16));
  private static final Color GREEN = new Color(Integer.parseInt(ChartColours.GREEN, 16));

  @TempDir Path dir;

  private record Result(int exit, String out) {}

  private static Result run(String... args) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    int exit = OfficeCheck.run(args, new PrintStream(bytes, true, StandardCharsets.UTF_8));
    return new Result(exit, bytes.toString(StandardCharsets.UTF_8));
  }

  /** An A4 page at 100 dpi with a legend key of each colour; {@code bars} adds bars of each. */
  private Path page(String name, boolean bars) throws IOException {
    BufferedImage image = new BufferedImage(827, 1169, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, 827, 1169);
    g.setColor(BLUE);
    g.fillRect(300, 500, 8, 8);
    g.setColor(GREEN);
    g.fillRect(360, 500, 8, 8);
    if (bars) {
      for (int i = 0; i < 4; i++) {
        g.setColor(BLUE);
        g.fillRect(100 + 60 * i, 400 - 40 * i, 20, 40 * i + 20);
        g.setColor(GREEN);
        g.fillRect(120 + 60 * i, 420 - 40 * i, 20, 40 * i);
      }
    }
    g.dispose();
    Path png = dir.resolve(name);
    ImageIO.write(image, "png", png.toFile());
    return png;
  }

  @Test
  void barsOfEachColourPassLegendKeysAloneFail() throws IOException {
    Result filled =
        run("bars", page("filled.png", true).toString(), "100", ChartColours.BLUE, "5B9B4A");
    assertThat(filled.exit()).as(filled.out()).isZero();
    // The first blue bar, 20 × 20 pixels, is no larger than a legend key (0.2 in): not counted.
    assertThat(filled.out())
        .contains("#2E6DA4: 3 bars, 6000 bar pixels (at least 1500 needed)")
        .contains("#5B9B4A: 3 bars, 4800 bar pixels (at least 1500 needed)");
    Result empty =
        run("bars", page("empty.png", false).toString(), "100", ChartColours.BLUE, "5B9B4A");
    assertThat(empty.exit()).isEqualTo(1);
    assertThat(empty.out())
        .contains("#2E6DA4: 0 bars, 0 bar pixels")
        .contains("FAILED: empty.png: no bars of #2E6DA4 (only legend keys)")
        .contains("FAILED: empty.png: no bars of #5B9B4A (only legend keys)");
  }

  private static String bbox(double width, double height, double... wordHeights) {
    StringBuilder page = new StringBuilder("<doc>\n<page width=\"" + width + "\" height=\"");
    page.append(height).append("\">\n");
    for (double h : wordHeights) {
      page.append("<word xMin=\"10.0\" yMin=\"100.0\" xMax=\"40.0\" yMax=\"")
          .append(100 + h)
          .append("\">字</word>\n");
    }
    return page.append("</page>\n</doc>\n").toString();
  }

  @Test
  void a4PortraitAndLandscapePassLetterFails() {
    assertThat(OfficeCheck.a4("p.pdf", bbox(595.304, 841.89, 10) + bbox(841.89, 595.28, 10)))
        .isEmpty();
    assertThat(OfficeCheck.a4("letter.pdf", bbox(612, 792, 10)))
        .containsExactly("letter.pdf page 1 is 612.0 × 792.0 pt, not A4 (595 × 842)");
    assertThat(OfficeCheck.a4("none.pdf", "<doc></doc>")).containsExactly("none.pdf has no page");
  }

  @Test
  void textShrunkBelowTheMinimumFailsItsPage() {
    PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
    // Full size, 11-point text in LibreOffice: 14.2 pt; the footer's few words do not count.
    String full = bbox(841.89, 595.28, 14.2, 14.2, 14.2, 12.9, 12.9);
    String shrunk = bbox(841.89, 595.28, 7.0, 7.0, 7.0, 12.9, 12.9);
    assertThat(OfficeCheck.textHeight("w.pdf", full + shrunk, 8.5, quiet))
        .containsExactly("w.pdf page 2: its text is 7.0 pt high, under 8.5 pt: too small to read");
  }

  @Test
  void onlyThePagesOwnRequestsCountNotTheBrowsers() {
    String netlog =
        "{\"constants\":{},\n\"events\":[\n"
            + "{\"params\":{\"initiator\":\"not an origin\",\"network_isolation_key\":"
            + "\"https://google.com https://google.com\",\"url\":\"https://www.google.com/\"},"
            + "\"type\":2},\n"
            + "{\"params\":{\"initiator\":\"null\",\"network_isolation_key\":\"file:// file://\","
            + "\"url\":\"file:///work/r/page.html\"},\"type\":2},\n"
            + "{\"params\":{\"initiator\":\"null\",\"network_isolation_key\":\"file:// file://\","
            + "\"url\":\"http://cdn.invalid/chart.js\"},\"type\":2},\n"
            + "{\"params\":{\"initiator\":\"null\",\"network_isolation_key\":\"file:// file://\","
            + "\"url\":\"http://cdn.invalid/chart.js\"},\"type\":3}\n]}\n";
    assertThat(OfficeCheck.pageRequests(netlog)).containsExactly("http://cdn.invalid/chart.js");
  }

  @Test
  void theUnfilledCopyHasNoSeriesColoursAndNoTheme() throws IOException {
    Path filled = dir.resolve("filled.xlsx");
    try (XSSFWorkbook book = ChartColoursTest.chartsOfThreeTownshipsFourCategoriesTwoDepartments();
        OutputStream out = Files.newOutputStream(filled)) {
      book.write(out);
    }
    Path unfilled = dir.resolve("unfilled.xlsx");
    Result result = run("unfill", filled.toString(), unfilled.toString());
    assertThat(result.exit()).isZero();
    assertThat(result.out()).contains("4 series fills removed");
    try (XSSFWorkbook book = Workbooks.open(unfilled)) {
      assertThat(book.getStylesSource().getTheme()).as("no theme part").isNull();
      assertThat(ChartColoursTest.seriesColours(book.getSheet("图表")))
          .containsExactly(
              CountyCharts.RATE_TITLE + " | series 1 | bars no spPr / no line",
              CountyCharts.RATE_TITLE + " | series 1 | line C0392B / C0392B",
              CountyCharts.CATEGORY_TITLE + " | series 1 | bars no spPr / no line",
              CountyCharts.CATEGORY_TITLE + " | series 2 | bars no spPr / no line",
              CountyCharts.DEPARTMENT_TITLE + " | series 1 | bars no spPr / no line");
    }
  }

  @Test
  void aWrongCallSaysSo() throws IOException {
    assertThat(run("a4").exit()).isEqualTo(2);
    assertThat(run("colour", "x").exit()).isEqualTo(2);
  }
}
