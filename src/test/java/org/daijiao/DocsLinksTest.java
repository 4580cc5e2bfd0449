package org.daijiao;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The README is the front door and {@code docs/} the house (docs/development.md#tests): every
 * relative link of README.md and docs/*.md must lead to a file that exists, and every {@code
 * #anchor} to a heading (GitHub's slug) or an explicit {@code <a id>} of that file, so that code
 * comments and pages can cite sections. The README stays a guide of at most 250 lines. The code and
 * the tests the docs name ({@code pkg/Class#method}) must exist, so that docs/rules.md cannot cite
 * a test that was renamed or deleted. No Spark.
 */
class DocsLinksTest {
  private static final Path README = Path.of("README.md");
  private static final Path DOCS = Path.of("docs");
  private static final int README_MAX_LINES = 250;

  /** {@code [text](target)} and {@code ![alt](target)}, with an optional title. */
  private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)(?:\\s+\"[^\"]*\")?\\)");

  private static final Pattern EXPLICIT_ANCHOR =
      Pattern.compile("<a\\s+(?:id|name)=\"([^\"]+)\"\\s*>", Pattern.CASE_INSENSITIVE);
  private static final Pattern HEADING = Pattern.compile("^#{1,6}\\s+(.*?)\\s*#*\\s*$");
  private static final Pattern CODE_SPAN = Pattern.compile("`([^`\\n]+)`");

  /** {@code pkg/Class#method}, {@code Class#method} or {@code pkg/Class} in a code span. */
  private static final Pattern CODE_REFERENCE =
      Pattern.compile("^((?:[a-z][a-z0-9]*/)*)([A-Z][A-Za-z0-9]*)(?:#([a-z][A-Za-z0-9]*))?$");

  private static final List<Path> SOURCE_ROOTS =
      List.of(Path.of("src/main/java/org/daijiao"), Path.of("src/test/java/org/daijiao"));

  @Test
  void theReadmeIsAGuideOfAtMost250Lines() throws IOException {
    assertThat(Files.readAllLines(README))
        .as("README.md is the front door; move details into docs/ (docs/development.md)")
        .hasSizeLessThanOrEqualTo(README_MAX_LINES);
  }

  @Test
  void theReadmeKeepsTheTwoCommandsThatCiRuns() throws IOException {
    String readme = Files.readString(README);
    assertThat(readme).contains("\nbin/daijiao run ").contains("\nmvn -B verify ");
  }

  @Test
  void everyRelativeLinkAndAnchorResolves() throws IOException {
    List<String> broken = new ArrayList<>();
    Map<Path, Set<String>> anchors = new HashMap<>();
    int checked = 0;
    for (Path page : pages()) {
      for (String target : links(Files.readString(page))) {
        checked++;
        if (target.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:.*")) {
          continue; // https:, mailto: … are not checked offline
        }
        int hash = target.indexOf('#');
        String file = hash < 0 ? target : target.substring(0, hash);
        String anchor = hash < 0 ? null : target.substring(hash + 1);
        Path resolved =
            file.isEmpty() ? page : page.toAbsolutePath().getParent().resolve(file).normalize();
        if (!Files.exists(resolved)) {
          broken.add(page + ": " + target + " (no such file)");
          continue;
        }
        if (anchor != null) {
          if (!resolved.toString().endsWith(".md")) {
            broken.add(page + ": " + target + " (an anchor into a file that is not Markdown)");
            continue;
          }
          Set<String> known =
              anchors.computeIfAbsent(
                  resolved,
                  p -> {
                    try {
                      return anchorsOf(Files.readString(p));
                    } catch (IOException e) {
                      throw new java.io.UncheckedIOException(e);
                    }
                  });
          if (!known.contains(anchor)) {
            broken.add(page + ": " + target + " (no heading or <a id> \"" + anchor + "\")");
          }
        }
      }
    }
    assertThat(checked).as("links found in README.md and docs/*.md").isGreaterThan(100);
    assertThat(broken).as("links in README.md and docs/*.md that lead nowhere").isEmpty();
  }

  @Test
  void everyClassAndMethodTheDocsNameExists() throws IOException {
    List<String> missing = new ArrayList<>();
    for (Path page : pages()) {
      for (String span : codeSpans(Files.readString(page))) {
        Matcher m = CODE_REFERENCE.matcher(span);
        if (!m.matches() || (m.group(1).isEmpty() && m.group(3) == null)) {
          continue; // a bare capitalised word is not a reference
        }
        Path source = sourceOf(m.group(1), m.group(2));
        if (source == null) {
          missing.add(page + ": `" + span + "` (no class " + m.group(1) + m.group(2) + ")");
        } else if (m.group(3) != null
            && !Pattern.compile("\\b" + m.group(3) + "\\s*\\(")
                .matcher(Files.readString(source))
                .find()) {
          missing.add(page + ": `" + span + "` (no method " + m.group(3) + " in " + source + ")");
        }
      }
    }
    assertThat(missing).as("code and tests the docs name that do not exist").isEmpty();
  }

  @Test
  void linksAreFoundOutsideCodeOnly() {
    assertThat(
            links(
                "See [R2](rules.md#eligibility), ![a picture](p.png \"title\") and `[x](code.md)`.\n"
                    + "```\n[y](fenced.md)\n```\n[z](#local)"))
        .containsExactly("rules.md#eligibility", "p.png", "#local");
  }

  @Test
  void slugsFollowGitHub() {
    assertThat(slug("R4.2 A higher tier: the person pays the difference"))
        .isEqualTo("r42-a-higher-tier-the-person-pays-the-difference");
    assertThat(slug("24. `sql` is read-only by an allow-list"))
        .isEqualTo("24-sql-is-read-only-by-an-allow-list");
    assertThat(slug("Without Spark: DuckDB, Polars, pandas, DBeaver"))
        .isEqualTo("without-spark-duckdb-polars-pandas-dbeaver");
    assertThat(slug("Which surface each user uses")).isEqualTo("which-surface-each-user-uses");
    assertThat(slug("The [tables](x.md) of 彭水")).isEqualTo("the-tables-of-彭水");
    assertThat(
            anchorsOf(
                "<a id=\"tier\"></a>\n## 5. Tier\n\n## Notes\n## Notes\n```\n## not a heading\n```\n"))
        .containsExactly("tier", "5-tier", "notes", "notes-1");
  }

  private static List<Path> pages() throws IOException {
    List<Path> pages = new ArrayList<>();
    pages.add(README);
    try (Stream<Path> docs = Files.list(DOCS)) {
      pages.addAll(
          docs.filter(p -> p.toString().endsWith(".md")).sorted().collect(Collectors.toList()));
    }
    return pages;
  }

  /** The link targets of a page, outside fenced code blocks and code spans. */
  static List<String> links(String markdown) {
    List<String> targets = new ArrayList<>();
    for (String line : prose(markdown)) {
      Matcher m = LINK.matcher(CODE_SPAN.matcher(line).replaceAll(""));
      while (m.find()) {
        targets.add(m.group(1));
      }
    }
    return targets;
  }

  private static List<String> codeSpans(String markdown) {
    List<String> spans = new ArrayList<>();
    for (String line : prose(markdown)) {
      Matcher m = CODE_SPAN.matcher(line);
      while (m.find()) {
        spans.add(m.group(1).strip());
      }
    }
    return spans;
  }

  /** The lines of a page that are not inside a fenced code block. */
  private static List<String> prose(String markdown) {
    List<String> lines = new ArrayList<>();
    boolean fenced = false;
    for (String line : markdown.split("\n", -1)) {
      if (line.strip().startsWith("```")) {
        fenced = !fenced;
      } else if (!fenced) {
        lines.add(line);
      }
    }
    return lines;
  }

  /** Explicit {@code <a id>} anchors and the GitHub slugs of the headings, with their -1, -2 … */
  static Set<String> anchorsOf(String markdown) {
    Set<String> anchors = new LinkedHashSet<>();
    Matcher explicit = EXPLICIT_ANCHOR.matcher(markdown);
    while (explicit.find()) {
      anchors.add(explicit.group(1));
    }
    Map<String, Integer> seen = new HashMap<>();
    for (String line : prose(markdown)) {
      Matcher h = HEADING.matcher(line);
      if (h.matches()) {
        String slug = slug(h.group(1));
        int n = seen.merge(slug, 1, Integer::sum) - 1;
        anchors.add(n == 0 ? slug : slug + "-" + n);
      }
    }
    return anchors;
  }

  /**
   * GitHub's heading slug: the heading's text (link targets, emphasis and code marks dropped),
   * lower case, every character but letters, digits, spaces, hyphens and underscores dropped,
   * spaces as hyphens.
   */
  static String slug(String heading) {
    String text =
        heading
            .replaceAll("<[^>]+>", "")
            .replaceAll("!?\\[([^\\]]*)\\]\\([^)]*\\)", "$1")
            .replaceAll("[`*]", "")
            .toLowerCase(Locale.ROOT);
    StringBuilder slug = new StringBuilder();
    text.codePoints()
        .forEach(
            c -> {
              if (Character.isLetterOrDigit(c) || c == '-' || c == '_') {
                slug.appendCodePoint(c);
              } else if (c == ' ') {
                slug.append('-');
              }
            });
    return slug.toString();
  }

  /** The source file of {@code pkg/Class}, in main or test; null when there is none. */
  private static Path sourceOf(String packagePath, String className) throws IOException {
    for (Path root : SOURCE_ROOTS) {
      if (!packagePath.isEmpty()) {
        Path file = root.resolve(packagePath + className + ".java");
        if (Files.exists(file)) {
          return file;
        }
        continue;
      }
      try (Stream<Path> files = Files.walk(root)) {
        Path found =
            files
                .filter(p -> p.getFileName().toString().equals(className + ".java"))
                .findFirst()
                .orElse(null);
        if (found != null) {
          return found;
        }
      }
    }
    return null;
  }
}
