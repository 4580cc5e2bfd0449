package org.daijiao.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/**
 * SPEC §6: every sub-command takes --help, prints its usage and exits 0, without touching Spark.
 */
class HelpTest {
  static Stream<String> subCommands() {
    return new CommandLine(new Main()).getSubcommands().keySet().stream();
  }

  @ParameterizedTest(name = "daijiao {0} --help")
  @MethodSource("subCommands")
  void helpExitsZeroWithUsage(String command) {
    CliRun run = CliRun.of(command, "--help");
    assertThat(run.exitCode())
        .as("exit code of `daijiao %s --help`; stderr: %s", command, run.err())
        .isZero();
    assertThat(run.out()).as("usage of %s on stdout", command).contains("Usage:");
  }
}
