package org.daijiao.gold;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.daijiao.spark.TableName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The 2022 policy as code, end to end: the fixture county ({@code
 * src/test/resources/fixture-county}, who is who in {@code fixture-county.md}) through ingest →
 * resolve → decide → stats, and every gold table compared with its expected rows in {@code
 * src/test/resources/golden/<table>.csv} — the text {@code sql --format csv} prints, rows sorted by
 * all columns.
 *
 * <p>The golden files are the expected outcomes of SPEC §2, reviewed by hand, not a snapshot. To
 * regenerate them after a deliberate change, run {@code mvn -o test -Dtest=GoldEndToEndTest
 * -Ddaijiao.updateGolden=true}, then review every changed row against SPEC §2 in the diff before
 * committing.
 */
class GoldEndToEndTest {
  private static final boolean UPDATE = Boolean.getBoolean("daijiao.updateGolden");

  static Stream<TableName> goldTables() {
    return GoldTables.ALL.stream();
  }

  @ParameterizedTest(name = "{0} holds the expected rows of the fixture county")
  @MethodSource("goldTables")
  void goldTableMatchesGoldenFile(TableName table) throws IOException {
    String actual = GoldTables.csv(GoldTables.fixtureRun().table(table));
    Path golden = GoldTables.goldenFile(table);
    if (UPDATE) {
      Files.createDirectories(golden.getParent());
      Files.writeString(golden, actual);
      System.err.println("golden file rewritten (review it before committing): " + golden);
      return;
    }
    assertThat(golden)
        .as("golden file of %s (create it with -Ddaijiao.updateGolden=true)", table)
        .exists();
    List<String> diff =
        GoldenDiff.of(
            GoldTables.Csv.parse(Files.readString(golden)),
            GoldTables.Csv.parse(actual),
            GoldTables.KEYS.get(table));
    assertThat(diff)
        .as(
            "%s differs from %s (rows named by %s):%n  %s%n",
            table, golden, GoldTables.KEYS.get(table), String.join("\n  ", diff))
        .isEmpty();
  }
}
