package org.daijiao.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.daijiao.PipelineFixture;
import org.junit.jupiter.api.Test;

/**
 * Issue 12, bad input: {@code run --accept-repairs FILE} with a file that cannot be applied stops
 * with exit code 1 and one line naming the file, its line and the problem — no ID — before any
 * table changes. The second case reads and parses the fixture county's exports (no write; ~10 s):
 * whether a row is a candidate is known only from the data.
 */
class AcceptRepairsCommandTest {
  private static final String FIXTURE = "src/test/resources/fixture-county";

  private static void assertNoTable(Path warehouse) throws IOException {
    if (!Files.exists(warehouse)) {
      return;
    }
    try (Stream<Path> files = Files.walk(warehouse)) {
      // The refused run records itself (ops.runs, FAILED: issue 10); no data table is written.
      assertThat(files.map(p -> warehouse.relativize(p).toString()))
          .as("Delta logs of data tables in the warehouse after a refused run")
          .noneMatch(p -> p.contains("_delta_log") && !p.startsWith("ops/"));
    }
  }

  @Test
  void aFileWithoutTheCandidateColumnStopsTheRunBeforeSparkStarts() throws IOException {
    Path dir = PipelineFixture.tempDir("accept-repairs");
    Path file = dir.resolve("repairs.csv");
    Files.writeString(file, "source,source_file,line\ncivil_affairs,civil_affairs/a.csv,18\n");
    Path warehouse = dir.resolve("warehouse");
    CliRun run =
        CliRun.of(
            "run",
            "--input",
            FIXTURE,
            "--warehouse",
            warehouse.toString(),
            "--accept-repairs",
            file.toString());
    assertThat(run.exitCode()).as("exit code; stderr: %s", run.err()).isEqualTo(1);
    assertThat(run.err().lines().toList())
        .singleElement()
        .satisfies(
            l ->
                assertThat(l)
                    .startsWith("daijiao: " + file + ": line 1: required column")
                    .contains("candidate_id_number"));
    assertNoTable(warehouse);
  }

  @Test
  void aCandidateThatIsNotOneOfTheRowsStopsTheRunBeforeAnyTableChanges() throws IOException {
    Path file = Path.of("src/test/resources/repairs/fixture-county-not-a-candidate.csv");
    Path warehouse = PipelineFixture.tempDir("accept-repairs").resolve("warehouse");
    CliRun run =
        CliRun.of(
            "run",
            "--input",
            FIXTURE,
            "--warehouse",
            warehouse.toString(),
            "--accept-repairs",
            file.toString());
    assertThat(run.exitCode()).as("exit code; stderr: %s", run.err()).isEqualTo(1);
    assertThat(run.err().lines().filter(l -> l.startsWith("daijiao: ")).toList())
        .singleElement()
        .satisfies(
            l ->
                assertThat(l)
                    .contains(file + ": 1 row cannot be applied: line 2: the candidate is not one")
                    .contains("civil_affairs/minzheng_b.csv line 19")
                    .doesNotContain("500243198702153614"));
    assertNoTable(warehouse);
  }
}
