package org.daijiao;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * What a new engineer reading the main code may rely on (docs/development.md): every citation leads
 * into the project's own docs, and a class over 300 lines is named, with the reason, in
 * docs/development.md#long-classes.
 */
class CodebaseRulesTest {
  private static final Path MAIN = Path.of("src", "main");
  private static final int LONG = 300;

  private static List<Path> files() throws IOException {
    try (Stream<Path> walk = Files.walk(MAIN)) {
      return walk.filter(Files::isRegularFile).sorted().toList();
    }
  }

  @Test
  void mainCodeCitesNoBriefAndNoIssueNumber() throws IOException {
    Pattern outside = Pattern.compile("SPEC §|issue [0-9]");
    List<String> found = new ArrayList<>();
    for (Path f : files()) {
      List<String> lines = Files.readAllLines(f);
      for (int i = 0; i < lines.size(); i++) {
        if (outside.matcher(lines.get(i)).find()) {
          found.add(f + ":" + (i + 1));
        }
      }
    }
    assertThat(found).as("citations of documents the repository does not hold").isEmpty();
  }

  @Test
  void everyMainClassOverThreeHundredLinesIsNamedWithItsReason() throws IOException {
    String docs = Files.readString(Path.of("docs", "development.md"));
    String section = docs.substring(docs.indexOf("<a id=\"long-classes\"></a>"));
    section = section.substring(0, section.indexOf("<a id=", 1));
    List<String> unnamed = new ArrayList<>();
    for (Path f : files()) {
      if (f.toString().endsWith(".java") && Files.readAllLines(f).size() > LONG) {
        String name = MAIN.resolve("java/org/daijiao").relativize(f).toString();
        String row = "| `" + name.substring(0, name.length() - ".java".length()) + "` |";
        if (!section.contains(row)) {
          unnamed.add(name + " (" + Files.readAllLines(f).size() + " lines)");
        }
      }
    }
    assertThat(unnamed)
        .as("classes over %d lines not in docs/development.md#long-classes", LONG)
        .isEmpty();
  }

  @Test
  void theReadmeIsAGuideOfAtMost250Lines() throws IOException {
    assertThat(Files.readAllLines(Path.of("README.md")))
        .as("README.md lines")
        .hasSizeLessThanOrEqualTo(250);
  }
}
