package org.daijiao.ingest.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.daijiao.ingest.Source;
import org.daijiao.ingest.Source.Column;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Every header a department may export (SPEC §4 table) lands in its canonical column. */
class HeaderAliasTest {
  static Stream<Arguments> everyAliasOfEverySource() {
    List<Arguments> cases = new ArrayList<>();
    for (Source source : Source.values()) {
      source
          .headerAliases()
          .forEach(
              (column, aliases) ->
                  aliases.forEach(alias -> cases.add(Arguments.of(source, column, alias))));
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{0}: header {2} is column {1}")
  @MethodSource("everyAliasOfEverySource")
  void chineseHeaderIsReadAsItsCanonicalColumn(Source source, String column, String alias) {
    ParsedFile f = readWithHeader(source, column, alias);

    int index = source.columnNames().indexOf(column);
    assertThat(f.records().get(0).values())
        .as("%s exported with header %s: the value must reach column %s", source, alias, column)
        .containsEntry(column, "v" + index);
    assertThat(f.records().get(0).extras()).as("no column left over").isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(Source.class)
  void canonicalHeadersInAnyCaseAreRead(Source source) {
    List<Column> columns = source.columns();
    StringBuilder header = new StringBuilder();
    StringBuilder row = new StringBuilder();
    for (int i = 0; i < columns.size(); i++) {
      header.append(i == 0 ? "" : ",").append(columns.get(i).name().toUpperCase());
      row.append(i == 0 ? "" : ",").append("v").append(i);
    }
    ParsedFile f =
        ExportReader.read(
            "x.csv", (header + "\n" + row + "\n").getBytes(StandardCharsets.UTF_8), source);

    for (int i = 0; i < columns.size(); i++) {
      assertThat(f.records().get(0).values()).containsEntry(columns.get(i).name(), "v" + i);
    }
  }

  /** A file with every column of the source, {@code column} under {@code alias}, values v0, v1… */
  private static ParsedFile readWithHeader(Source source, String column, String alias) {
    List<String> names = source.columnNames();
    StringBuilder header = new StringBuilder();
    StringBuilder row = new StringBuilder();
    for (int i = 0; i < names.size(); i++) {
      header.append(i == 0 ? "" : ",").append(names.get(i).equals(column) ? alias : names.get(i));
      row.append(i == 0 ? "" : ",").append("v").append(i);
    }
    byte[] content = (header + "\n" + row + "\n").getBytes(StandardCharsets.UTF_8);
    return ExportReader.read(source.folder() + ".csv", content, source);
  }
}
