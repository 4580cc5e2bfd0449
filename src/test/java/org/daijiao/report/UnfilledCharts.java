package org.daijiao.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * The fixture of .ci/office-check's failing case (docs/office-check.md): a workbook's charts as
 * they were written before every series had its own colours and the workbook a theme. JDK only,
 * beside {@link OfficeCheck}, which calls it as {@code unfill IN.xlsx OUT.xlsx}.
 */
final class UnfilledCharts {
  private static final Pattern BAR_CHART = Pattern.compile("(?s)<c:barChart>.*?</c:barChart>");
  private static final Pattern SERIES_FILL = Pattern.compile("(?s)<c:spPr>.*?</c:spPr>");

  /** The workbook's relationship to its theme part, and the part's content type. */
  private static final String THEME_REFERENCE =
      "<(Relationship|Override) [^>]*\"/?(xl/)?theme/[^\"]*\"[^>]*/>";

  /**
   * Copies the workbook {@code in} to {@code out} without the shape properties (fill and line) of
   * its bar series and without its theme part: the charts as they were written before every series
   * had its own colours and the workbook a theme (LibreOffice falls back to the theme's accent
   * colours when a series has none; with neither, it draws the bars transparent).
   *
   * @return how many it removed
   */
  static int unfill(Path in, Path out) throws IOException {
    int removed = 0;
    try (ZipInputStream zin = new ZipInputStream(Files.newInputStream(in));
        ZipOutputStream zout = new ZipOutputStream(Files.newOutputStream(out))) {
      for (ZipEntry e = zin.getNextEntry(); e != null; e = zin.getNextEntry()) {
        byte[] bytes = readAll(zin);
        if (e.getName().matches("xl/charts/chart\\d+\\.xml")) {
          String xml = new String(bytes, StandardCharsets.UTF_8);
          StringBuilder unfilled = new StringBuilder();
          Matcher chart = BAR_CHART.matcher(xml);
          while (chart.find()) {
            String bars = chart.group();
            // In a bar chart's element, shape properties are the series' own (the axes' are
            // outside).
            Matcher fill = SERIES_FILL.matcher(bars);
            StringBuilder kept = new StringBuilder();
            while (fill.find()) {
              removed++;
              fill.appendReplacement(kept, "");
            }
            fill.appendTail(kept);
            chart.appendReplacement(unfilled, Matcher.quoteReplacement(kept.toString()));
          }
          chart.appendTail(unfilled);
          bytes = unfilled.toString().getBytes(StandardCharsets.UTF_8);
        }
        if (e.getName().startsWith("xl/theme/")) {
          continue;
        }
        if (e.getName().equals("xl/_rels/workbook.xml.rels")
            || e.getName().equals("[Content_Types].xml")) {
          bytes =
              new String(bytes, StandardCharsets.UTF_8)
                  .replaceAll(THEME_REFERENCE, "")
                  .getBytes(StandardCharsets.UTF_8);
        }
        zout.putNextEntry(new ZipEntry(e.getName()));
        zout.write(bytes);
        zout.closeEntry();
      }
    }
    return removed;
  }

  private static byte[] readAll(InputStream in) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    in.transferTo(bytes);
    return bytes.toByteArray();
  }

  private UnfilledCharts() {}
}
