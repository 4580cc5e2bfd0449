package org.daijiao.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;
import picocli.CommandLine.Model.UsageMessageSpec;

/**
 * Every sub-command takes --help, prints its usage and exits 0, without touching Spark
 * (docs/operations.md). The help reads as sentences: {@code bin/daijiao --help} lists each command
 * with a one-line summary that is a whole sentence, no line is wider than the help's width, and
 * each command's help ends with two or three examples of that command.
 */
class HelpTest {
  static Stream<String> subCommands() {
    return Main.commandLine().getSubcommands().keySet().stream();
  }

  /** Each command once, by its name (its aliases share its help). */
  static Stream<String> commandNames() {
    return Main.commandLine().getSubcommands().values().stream()
        .map(CommandLine::getCommandName)
        .distinct();
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

  @Test
  void theCommandListShowsEachSummaryAsOneWholeSentenceOnOneLine() {
    CliRun run = CliRun.of("--help");
    assertThat(run.exitCode()).as("stderr: %s", run.err()).isZero();
    List<String> lines = run.out().lines().toList();
    assertWithinWidth(lines, "daijiao --help");
    for (CommandLine command : Main.commandLine().getSubcommands().values()) {
      String summary = summary(command.getCommandSpec().usageMessage());
      assertThat(summary)
          .as("summary of %s: one sentence", command.getCommandName())
          .matches("\\p{Lu}[^.]*\\.")
          .doesNotContain("SPEC");
      String names = String.join(", ", command.getCommandSpec().names());
      assertThat(lines)
          .as("the list's line of %s holds its whole summary", names)
          .anySatisfy(
              l ->
                  assertThat(l)
                      .startsWith("  " + names + " ")
                      .endsWith(" " + summary)
                      .satisfies(
                          x ->
                              assertThat(
                                      x.substring(
                                          2 + names.length(), x.length() - summary.length()))
                                  .isBlank()));
    }
  }

  @ParameterizedTest(name = "daijiao {0} --help ends with examples")
  @MethodSource("commandNames")
  void everyCommandsHelpEndsWithTwoOrThreeExamplesOfIt(String command) {
    CliRun run = CliRun.of(command, "--help");
    assertThat(run.exitCode()).as("stderr: %s", run.err()).isZero();
    List<String> lines = run.out().strip().lines().toList();
    assertWithinWidth(lines, "daijiao " + command + " --help");
    int at = lines.lastIndexOf("Examples:");
    assertThat(at).as("an Examples section in the help of %s", command).isPositive();
    assertThat(lines.subList(at + 1, lines.size()))
        .as("the examples of %s", command)
        .hasSizeBetween(2, 3)
        .allSatisfy(
            l ->
                assertThat(l + " ")
                    .as("an example of %s", command)
                    .startsWith("  bin/daijiao " + command + " "));
  }

  /** The list shows a command's header, else the first line of its description. */
  private static String summary(UsageMessageSpec usage) {
    return usage.header().length > 0 ? usage.header()[0] : usage.description()[0];
  }

  private static void assertWithinWidth(List<String> lines, String what) {
    assertThat(lines)
        .as("lines of %s, at most %d characters", what, Main.USAGE_WIDTH)
        .allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(Main.USAGE_WIDTH));
  }
}
