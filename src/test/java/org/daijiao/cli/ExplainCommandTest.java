package org.daijiao.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.daijiao.PipelineFixture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code daijiao explain} (SPEC §6): a clerk types the ID as it is written on paper; the
 * explanation cites the notice's clauses, names the resolved category and shows the ID masked,
 * never in full (SPEC §7).
 */
class ExplainCommandTest {
  private static String warehouse;

  @BeforeAll
  static void fixtureCounty() {
    warehouse = PipelineFixture.of(Path.of("src/test/resources/fixture-county")).warehouse().root();
  }

  @Test
  void p27TypedWithSpacesAndALowercaseXIsExplainedWithMaskedId() {
    CliRun run = CliRun.of("explain", "--id", "500243 19740404 276x", "--warehouse", warehouse);
    assertThat(run.exitCode()).as("exit code; stderr: %s", run.err()).isZero();
    assertThat(run.out())
        .as("explanation of P27 (DIBAO all year, tier 100)")
        .contains("§2(一)")
        .contains("DIBAO")
        .contains("500243********276X")
        .doesNotContain("50024319740404276X")
        .doesNotContain("19740404");
  }

  @Test
  void p28TypedAsFifteenDigitsIsFoundUnderItsEighteenDigitKey() {
    CliRun run = CliRun.of("explain", "--id", "512327650505281", "--warehouse", warehouse);
    assertThat(run.exitCode()).as("exit code; stderr: %s", run.err()).isZero();
    assertThat(run.out())
        .as("explanation of P28 (historical area code 512327, eligible DIBAO)")
        .contains("eligible as")
        .contains("DIBAO")
        .contains("512327********2814")
        .doesNotContain("512327196505052814")
        .doesNotContain("512327650505281");
  }

  @Test
  void anInvalidIdIsOneLineOnStderrWithoutTheId() {
    CliRun run = CliRun.of("explain", "--id", "500243197404042761", "--warehouse", warehouse);
    assertThat(run.exitCode()).as("exit code for an ID with a wrong check digit").isEqualTo(1);
    assertThat(run.err().lines().toList())
        .singleElement()
        .satisfies(l -> assertThat(l).startsWith("daijiao: "));
    assertThat(run.err())
        .as("stderr must not repeat the ID typed")
        .doesNotContain("500243197404042761");
  }

  @Test
  void aRejectedRosterRowIsExplainedWithItsMaskedCandidate() {
    CliRun run =
        CliRun.of("explain", "--line", "civil_affairs:minzheng_b.csv:18", "--warehouse", warehouse);
    assertThat(run.exitCode()).as("exit code; stderr: %s", run.err()).isZero();
    assertThat(run.out())
        .as("explanation of P36's row (two digits swapped; the pension record has the ID)")
        .contains(
            "civil_affairs/minzheng_b.csv line 18 (civil_affairs): rejected, ID_INVALID_CHECKSUM")
        .contains("500243********6314")
        .contains("confidence UNIQUE")
        .contains("candidate 500243********3614  TRANSPOSITION  evidence: NAME, SEX")
        .contains("known from: pension_enrollment")
        .doesNotContain("500243198702153614")
        .doesNotContain("500243198702156314");
    CliRun none =
        CliRun.of(
            "explain",
            "--line",
            "civil_affairs:civil_affairs/minzheng_b.csv:19",
            "--warehouse",
            warehouse);
    assertThat(none.out()).contains("ID_INVALID_FORMAT").contains("confidence NONE");
    CliRun read =
        CliRun.of("explain", "--line", "civil_affairs:minzheng_b.csv:2", "--warehouse", warehouse);
    assertThat(read.out()).contains("not a rejected row of this run");
  }
}
