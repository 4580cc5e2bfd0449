package org.daijiao.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * One column vocabulary (docs/development.md#table-contracts): the contracts' classes neither alias
 * another's column name nor spell one a second time; a name two layers share is in {@link
 * ColumnNames}.
 */
class ColumnNamesTest {
  private static final Pattern CONSTANT =
      Pattern.compile(
          "static final String ([A-Z][A-Z0-9_]*) = (\"[^\"]*\"|[A-Z]\\w*\\.[A-Z]\\w*);");

  /** The contracts' classes: every *Columns class, the table names and the shared vocabulary. */
  private static List<Path> vocabularyFiles() throws IOException {
    try (Stream<Path> files = Files.walk(Path.of("src", "main", "java"))) {
      return files
          .filter(
              p -> {
                String name = p.getFileName().toString();
                return name.endsWith("Columns.java")
                    || name.equals("Tables.java")
                    || name.equals("ColumnNames.java");
              })
          .sorted()
          .toList();
    }
  }

  @Test
  void noContractAliasesAnotherContractsColumnName() throws IOException {
    List<String> aliases = new ArrayList<>();
    for (Path file : vocabularyFiles()) {
      Matcher m = CONSTANT.matcher(Files.readString(file));
      while (m.find()) {
        if (!m.group(2).startsWith("\"")) {
          aliases.add(file.getFileName() + ": " + m.group(1) + " = " + m.group(2));
        }
      }
    }
    assertThat(aliases).as("column names aliased instead of taken from ColumnNames").isEmpty();
  }

  @Test
  void everyColumnNameIsSpelledOnce() throws IOException {
    Map<String, List<String>> byValue = new TreeMap<>();
    for (Path file : vocabularyFiles()) {
      Matcher m = CONSTANT.matcher(Files.readString(file));
      while (m.find()) {
        if (m.group(2).startsWith("\"") && m.group(2).matches("\"[a-z][a-z0-9_]*\"")) {
          byValue
              .computeIfAbsent(m.group(2), v -> new ArrayList<>())
              .add(file.getFileName() + "#" + m.group(1));
        }
      }
    }
    byValue.values().removeIf(where -> where.size() < 2);
    assertThat(byValue).as("column names written in more than one contract class").isEmpty();
  }
}
