package org.daijiao.report;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;

/**
 * The checks of .ci/office-check on what an office suite or a browser rendered
 * (docs/office-check.md). JDK only, so that the script compiles it with {@code javac} alone (with
 * {@link UnfilledCharts}) and needs no build of the project:
 *
 * <ul>
 *   <li>{@code a4 BBOX...}: every page of each PDF is A4, portrait or landscape;
 *   <li>{@code text MIN_POINTS BBOX...}: on every page, the median height of the words is at least
 *       {@code MIN_POINTS}: a sheet shrunk to fit the page prints its text too small to read;
 *   <li>{@code bars PNG DPI RGB...}: the page has bars of every colour, not only legend keys;
 *   <li>{@code requests NETLOG}: the page Chromium loaded from a file made no network request (the
 *       net log of {@code --log-net-log}; the browser's own background requests are not the
 *       page's);
 *   <li>{@code unfill IN.xlsx OUT.xlsx}: a copy whose bar series have no colours of their own and
 *       that has no theme, as the charts were before, for the check to fail on.
 * </ul>
 *
 * A BBOX file is what {@code pdftotext -bbox} writes of a PDF: each page's size and each word's
 * box, in points. Exit code 0 when every check holds, 1 when one fails, 2 for a wrong call.
 */
public final class OfficeCheck {
  /** A4 in points, and how far off a page may be (rounding of the suites). */
  static final double A4_SHORT = 595.28;

  static final double A4_LONG = 841.89;
  private static final double A4_SLACK = 2.0;

  /** How far a pixel's channels may be from a series colour and still count as it. */
  static final int TOLERANCE = 24;

  /**
   * A region of a series colour no wider and no taller than this (inches) is a legend key, not a
   * bar: legend keys are drawn whether or not the bars are.
   */
  static final double LEGEND_KEY_INCHES = 0.2;

  /** Bar pixels needed of each colour, per square inch of page at the given resolution. */
  static final double MIN_BAR_SQUARE_INCHES = 0.15;

  private static final Pattern PAGE =
      Pattern.compile("<page width=\"([\\d.]+)\" height=\"([\\d.]+)\">");
  private static final Pattern WORD =
      Pattern.compile(
          "<word xMin=\"([\\d.]+)\" yMin=\"([\\d.]+)\" xMax=\"([\\d.]+)\" yMax=\"([\\d.]+)\">");

  private static final Pattern NETWORK_URL =
      Pattern.compile("\"url\":\"((?:https?|wss?|ftp)://[^\"]*)\"");

  private OfficeCheck() {}

  public static void main(String[] args) throws IOException {
    System.exit(run(args, System.out));
  }

  /** The checks of {@code args} (see the class comment); returns the exit code. */
  static int run(String[] args, PrintStream out) throws IOException {
    if (args.length < 2) {
      out.println("usage: OfficeCheck a4|text|bars|unfill ... (see docs/office-check.md)");
      return 2;
    }
    List<String> failures = new ArrayList<>();
    switch (args[0]) {
      case "a4" -> {
        for (int i = 1; i < args.length; i++) {
          failures.addAll(a4(Path.of(args[i]).getFileName().toString(), read(args[i])));
        }
      }
      case "text" -> {
        double min = Double.parseDouble(args[1]);
        for (int i = 2; i < args.length; i++) {
          failures.addAll(
              textHeight(Path.of(args[i]).getFileName().toString(), read(args[i]), min, out));
        }
      }
      case "bars" -> {
        BufferedImage image = ImageIO.read(Path.of(args[1]).toFile());
        if (image == null) {
          out.println("office-check: " + args[1] + " is not an image");
          return 2;
        }
        int dpi = Integer.parseInt(args[2]);
        for (int i = 3; i < args.length; i++) {
          int[] found = bars(image, Integer.parseInt(args[i], 16), dpi);
          int needed = minBarPixels(image, dpi);
          out.printf(
              Locale.ROOT,
              "office-check: %s: #%s: %d bars, %d bar pixels (at least %d needed)%n",
              Path.of(args[1]).getFileName(),
              args[i],
              found[0],
              found[1],
              needed);
          if (found[1] < needed) {
            failures.add(
                Path.of(args[1]).getFileName()
                    + ": no bars of #"
                    + args[i]
                    + " (only legend keys)");
          }
        }
      }
      case "requests" -> {
        for (String request : pageRequests(read(args[1]))) {
          failures.add("the page requested " + request);
        }
      }
      case "unfill" -> {
        int removed = UnfilledCharts.unfill(Path.of(args[1]), Path.of(args[2]));
        out.println("office-check: " + removed + " series fills removed into " + args[2]);
        return removed > 0 ? 0 : 1;
      }
      default -> {
        out.println("office-check: no check called " + args[0]);
        return 2;
      }
    }
    failures.forEach(f -> out.println("office-check: FAILED: " + f));
    return failures.isEmpty() ? 0 : 1;
  }

  private static String read(String file) throws IOException {
    return Files.readString(Path.of(file), StandardCharsets.UTF_8);
  }

  /** The pages of {@code bbox} that are not A4, each as a failure. */
  static List<String> a4(String name, String bbox) {
    List<String> failures = new ArrayList<>();
    Matcher m = PAGE.matcher(bbox);
    int page = 0;
    while (m.find()) {
      page++;
      double w = Double.parseDouble(m.group(1));
      double h = Double.parseDouble(m.group(2));
      double shorter = Math.min(w, h);
      double longer = Math.max(w, h);
      if (Math.abs(shorter - A4_SHORT) > A4_SLACK || Math.abs(longer - A4_LONG) > A4_SLACK) {
        failures.add(
            String.format(
                Locale.ROOT, "%s page %d is %.1f × %.1f pt, not A4 (595 × 842)", name, page, w, h));
      }
    }
    if (page == 0) {
      failures.add(name + " has no page");
    }
    return failures;
  }

  /** The pages of {@code bbox} whose median word height is under {@code min} points. */
  static List<String> textHeight(String name, String bbox, double min, PrintStream out) {
    List<String> failures = new ArrayList<>();
    String[] pages = bbox.split("<page ", -1);
    for (int p = 1; p < pages.length; p++) {
      List<Double> heights = new ArrayList<>();
      Matcher m = WORD.matcher(pages[p]);
      while (m.find()) {
        heights.add(Double.parseDouble(m.group(4)) - Double.parseDouble(m.group(2)));
      }
      if (heights.isEmpty()) {
        continue;
      }
      heights.sort(null);
      double median = heights.get(heights.size() / 2);
      out.printf(
          Locale.ROOT, "office-check: %s page %d: text %.1f pt high (median)%n", name, p, median);
      if (median < min) {
        failures.add(
            String.format(
                Locale.ROOT,
                "%s page %d: its text is %.1f pt high, under %.1f pt: too small to read",
                name,
                p,
                median,
                min));
      }
    }
    if (pages.length < 2) {
      failures.add(name + " has no page");
    }
    return failures;
  }

  /**
   * The network requests of a page loaded from a file, from Chromium's net log (one event a line):
   * those in the page's network isolation (file://) to a network scheme.
   */
  static List<String> pageRequests(String netlog) {
    List<String> requests = new ArrayList<>();
    for (String line : netlog.split("\n")) {
      Matcher url = NETWORK_URL.matcher(line);
      if (line.contains("\"network_isolation_key\":\"file://") && url.find()) {
        requests.add(url.group(1));
      }
    }
    return requests.stream().distinct().toList();
  }

  /** Bar pixels needed of each colour on {@code image} at {@code dpi}. */
  static int minBarPixels(BufferedImage image, int dpi) {
    return (int) Math.round(MIN_BAR_SQUARE_INCHES * dpi * dpi);
  }

  /**
   * The regions of colour {@code rgb} on {@code image} larger than a legend key: their number and
   * their pixels.
   */
  static int[] bars(BufferedImage image, int rgb, int dpi) {
    int w = image.getWidth();
    int h = image.getHeight();
    boolean[] of = new boolean[w * h];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        of[y * w + x] = near(image.getRGB(x, y), rgb);
      }
    }
    int key = (int) Math.ceil(LEGEND_KEY_INCHES * dpi);
    boolean[] seen = new boolean[w * h];
    int[] stack = new int[w * h];
    int regions = 0;
    int pixels = 0;
    for (int start = 0; start < of.length; start++) {
      if (!of[start] || seen[start]) {
        continue;
      }
      int top = 0;
      stack[top++] = start;
      seen[start] = true;
      int count = 0;
      int minX = w;
      int maxX = -1;
      int minY = h;
      int maxY = -1;
      while (top > 0) {
        int i = stack[--top];
        int x = i % w;
        int y = i / w;
        count++;
        minX = Math.min(minX, x);
        maxX = Math.max(maxX, x);
        minY = Math.min(minY, y);
        maxY = Math.max(maxY, y);
        int[] next = {x > 0 ? i - 1 : -1, x < w - 1 ? i + 1 : -1, y > 0 ? i - w : -1, i + w};
        for (int n : next) {
          if (n >= 0 && n < of.length && of[n] && !seen[n]) {
            seen[n] = true;
            stack[top++] = n;
          }
        }
      }
      if (maxX - minX + 1 > key || maxY - minY + 1 > key) {
        regions++;
        pixels += count;
      }
    }
    return new int[] {regions, pixels};
  }

  private static boolean near(int argb, int rgb) {
    for (int shift = 0; shift <= 16; shift += 8) {
      if (Math.abs(((argb >> shift) & 0xff) - ((rgb >> shift) & 0xff)) > TOLERANCE) {
        return false;
      }
    }
    return true;
  }
}
