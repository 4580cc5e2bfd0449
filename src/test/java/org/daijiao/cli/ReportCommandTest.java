package org.daijiao.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.daijiao.PipelineFixture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code daijiao report} and {@code daijiao worklists} on bad input (issue 9): a folder that is not
 * a warehouse, a year it has no gold tables for, an unknown township, an output folder that cannot
 * be written — each one line on stderr naming what is wrong and what to do, exit 1, nothing
 * written. On the fixture county's warehouse, shared with the other command tests.
 */
class ReportCommandTest {
  private static String warehouse;

  @BeforeAll
  static void fixtureCounty() {
    warehouse = PipelineFixture.of(Path.of("src/test/resources/fixture-county")).warehouse().root();
  }

  private static Path out(String name) {
    return PipelineFixture.tempDir("report-command").resolve(name);
  }

  private static long filesIn(Path folder) throws IOException {
    if (!Files.exists(folder)) {
      return 0;
    }
    try (Stream<Path> files = Files.list(folder)) {
      return files.count();
    }
  }

  private static void failsWithOneLine(CliRun run, String... parts) {
    assertThat(run.exitCode()).as("exit code; stderr: %s", run.err()).isEqualTo(1);
    assertThat(run.err().strip().lines())
        .as("one line on stderr, no stack trace")
        .hasSize(1)
        .first()
        .asString()
        .startsWith("daijiao: ")
        .contains(parts);
  }

  @Test
  void aFolderThatIsNotAWarehouseNamesTheYearAndTheCommandToRunFirst() throws IOException {
    Path empty = PipelineFixture.tempDir("not-a-warehouse");
    for (String command : new String[] {"report", "worklists"}) {
      Path folder = out(command);
      CliRun run = CliRun.of(command, "--warehouse", empty.toString(), "--out", folder.toString());
      failsWithOneLine(
          run,
          empty + " is not a daijiao warehouse",
          "nothing for 2022",
          "`bin/daijiao run --warehouse " + empty + " --year 2022`");
      assertThat(filesIn(folder)).as("nothing written by %s", command).isZero();
    }
  }

  @Test
  void aYearTheWarehouseHasNoGoldTablesForNamesItAndTheCommandToRunFirst() throws IOException {
    Path folder = out("2023");
    CliRun run =
        CliRun.of("report", "--warehouse", warehouse, "--year", "2023", "--out", folder.toString());
    failsWithOneLine(
        run,
        "has no gold tables for 2023 (it has [2022])",
        "`bin/daijiao run --warehouse " + warehouse + " --year 2023`");
    assertThat(filesIn(folder)).isZero();
  }

  @Test
  void anUnknownTownshipListsTheValidNames() throws IOException {
    Path folder = out("mars");
    CliRun run =
        CliRun.of(
            "worklists", "--warehouse", warehouse, "--township", "火星乡", "--out", folder.toString());
    failsWithOneLine(run, "--township 火星乡", "Valid names: 汉葭街道, 绍庆街道", "龙塘乡");
    assertThat(filesIn(folder)).isZero();
  }

  @Test
  void aTownshipNamedWithoutItsSuffixGetsItsOwnWorkbookOnly() throws IOException {
    Path folder = out("hanjia");
    CliRun run =
        CliRun.of(
            "worklists", "--warehouse", warehouse, "--township", "汉葭", "--out", folder.toString());
    assertThat(run.exitCode()).as("exit code; stderr: %s", run.err()).isZero();
    assertThat(run.out().strip()).isEqualTo(folder.resolve("汉葭街道_彭水县2022年代缴工作清单.xlsx").toString());
    assertThat(filesIn(folder)).isEqualTo(1);
  }

  @Test
  void anOfficialTownshipWithNoOpenActionGetsNoWorkbookAndIsTold() throws IOException {
    Path folder = out("longtang");
    CliRun run =
        CliRun.of(
            "worklists", "--warehouse", warehouse, "--township", "龙塘乡", "--out", folder.toString());
    assertThat(run.exitCode()).as("exit code; stderr: %s", run.err()).isZero();
    assertThat(run.out()).contains("龙塘乡 has no open action in 2022: no work list written.");
    assertThat(filesIn(folder)).isZero();
  }

  @Test
  void anOutputFolderThatCannotBeWrittenIsNamedBeforeAnythingIsRead() throws IOException {
    Path file = Files.writeString(PipelineFixture.tempDir("out-is-a-file").resolve("f"), "x");
    for (String command : new String[] {"report", "worklists"}) {
      CliRun run = CliRun.of(command, "--warehouse", warehouse, "--out", file.toString());
      failsWithOneLine(run, "Cannot write to the output folder " + file, "--out");
    }
  }
}
