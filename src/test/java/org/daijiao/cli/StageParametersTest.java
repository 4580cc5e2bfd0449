package org.daijiao.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;
import org.daijiao.PipelineFixture;
import org.daijiao.TestSpark;
import org.daijiao.policy.PolicyLoader;
import org.daijiao.policy.RunParameters;
import org.daijiao.spark.RecordedParameters;
import org.daijiao.spark.TableName;
import org.daijiao.spark.Tables;
import org.daijiao.spark.Warehouse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A run's parameters travel with its tables: every table the fixture run wrote records the policy
 * file, its hash and as_of in its commit; a stage run alone over those tables goes on with them,
 * and one asked for another as_of or policy stops with one line naming both values and the command
 * that makes them agree, with nothing written. Each case runs on its own copy of the fixture run.
 */
class StageParametersTest {
  private static final Path FIXTURE = Path.of("src/test/resources/fixture-county");
  private static final LocalDate AS_OF = LocalDate.of(2022, 12, 31);

  /** P27 of fixture-county.md: DIBAO all year. */
  private static final String P27 = "50024319740404276X";

  private static PipelineFixture.Run fixture;

  @BeforeAll
  static void theFixtureRun() {
    fixture = PipelineFixture.of(FIXTURE);
  }

  @Test
  void everyTableOfTheRunRecordsItsParameters() {
    RunParameters expected = RunParameters.of(null, PolicyLoader.bundled(), AS_OF, null);
    for (TableName t :
        new TableName[] {
          Tables.bronze("civil_affairs"),
          Tables.REJECTED_RECORDS,
          Tables.PERSONS,
          Tables.ELIGIBILITY,
          Tables.SUBSIDY_LEDGER,
          Tables.COVERAGE_STATS,
          Tables.WORKLIST
        }) {
      assertThat(RecordedParameters.latest(TestSpark.session(), fixture.warehouse(), t))
          .as("the parameters %s's latest commit records", t)
          .contains(expected);
    }
    assertThat(expected.policyFile()).isEqualTo("bundled:policy/2022.yaml");
    assertThat(expected.policySha256()).hasSize(64);
  }

  @Test
  void decideAsOfAnotherDateThanTheSilverTablesIsRefusedWithNothingWritten() {
    Warehouse copy = PipelineFixture.copyOf(fixture.warehouse());
    Map<String, Long> before = dataVersions(copy);
    CliRun run =
        CliRun.of("decide", "--warehouse", copy.root(), "--year", "2022", "--as-of", "2022-06-30");
    assertThat(run.exitCode()).as("exit code; stderr: %s", run.err()).isEqualTo(1);
    assertThat(run.err().lines().filter(l -> l.startsWith("daijiao: ")).toList())
        .singleElement()
        .satisfies(
            l ->
                assertThat(l)
                    .contains("the silver tables were made with another run's parameters")
                    .contains("as_of 2022-12-31 (recorded) against 2022-06-30 (this command)")
                    .contains("`bin/daijiao resolve --as-of 2022-06-30` first")
                    .contains("nothing was written"));
    assertThat(run.err()).doesNotContain("internal error");
    assertThat(dataVersions(copy)).as("every data table's version").isEqualTo(before);
  }

  @Test
  void statsWithAnotherPolicyThanTheDecisionsIsRefusedWithNothingWritten() throws IOException {
    Warehouse copy = PipelineFixture.copyOf(fixture.warehouse());
    Path policy = PipelineFixture.tempDir("edited-policy").resolve("2022.yaml");
    // The same rules, other bytes: a policy is known by its file's hash.
    Files.writeString(
        policy,
        Files.readString(Path.of("src/main/resources/policy/2022.yaml"), StandardCharsets.UTF_8)
            + "\n# edited\n",
        StandardCharsets.UTF_8);
    Map<String, Long> before = dataVersions(copy);
    CliRun run =
        CliRun.of(
            "stats",
            "--warehouse",
            copy.root(),
            "--policy",
            policy.toString(),
            "--as-of",
            "2022-12-31");
    assertThat(run.exitCode()).as("exit code; stderr: %s", run.err()).isEqualTo(1);
    assertThat(run.err().lines().filter(l -> l.startsWith("daijiao: ")).toList())
        .singleElement()
        .satisfies(
            l ->
                assertThat(l)
                    .contains("the decisions of 2022 were made with another run's parameters")
                    .contains("policy bundled:policy/2022.yaml (recorded")
                    .contains(policy + " (this command")
                    .contains("`bin/daijiao decide --as-of 2022-12-31 --policy " + policy + "`"));
    assertThat(dataVersions(copy)).as("every data table's version").isEqualTo(before);
  }

  @Test
  void decideAloneAndExplainUseThePolicyFileTheRunRecorded() throws IOException {
    Warehouse copy = PipelineFixture.copyOf(fixture.warehouse());
    Path policy = PipelineFixture.tempDir("recorded-policy").resolve("2022.yaml");
    String bundled =
        Files.readString(Path.of("src/main/resources/policy/2022.yaml"), StandardCharsets.UTF_8);
    Files.writeString(policy, bundled + "\n# the county's copy\n", StandardCharsets.UTF_8);
    // Resolved and decided with the county's copy: decide goes on with the file resolve recorded.
    CliRun resolve =
        CliRun.of(
            "resolve",
            "--warehouse",
            copy.root(),
            "--policy",
            policy.toString(),
            "--as-of",
            "2022-12-31");
    assertThat(resolve.exitCode()).as("resolve; stderr: %s", resolve.err()).isZero();
    CliRun decide = CliRun.of("decide", "--warehouse", copy.root());
    assertThat(decide.exitCode()).as("decide; stderr: %s", decide.err()).isZero();
    // decide alone (no --policy, no --as-of) goes on with every parameter resolve recorded.
    assertThat(RecordedParameters.ofYear(TestSpark.session(), copy, Tables.ELIGIBILITY, 2022))
        .as("the decisions' parameters: the silver tables'")
        .contains(
            RunParameters.of(
                policy.toAbsolutePath().normalize(), PolicyLoader.bundled(), AS_OF, null));

    CliRun explained = CliRun.of("explain", "--id", P27, "--warehouse", copy.root());
    assertThat(explained.exitCode()).as("stderr: %s", explained.err()).isZero();
    assertThat(explained.out()).contains("DIBAO").contains("500243********276X");

    // The file the run recorded has changed since: explain says so rather than use other rules.
    Files.writeString(policy, bundled + "\n# edited again\n", StandardCharsets.UTF_8);
    CliRun changed = CliRun.of("explain", "--id", P27, "--warehouse", copy.root());
    assertThat(changed.exitCode()).isEqualTo(1);
    assertThat(changed.err())
        .contains("Policy file " + policy.toAbsolutePath().normalize())
        .contains("has changed since the run that wrote these tables used it")
        .hasLineCount(1);
  }

  /** Every data table's latest version (ops.runs records refused runs too). */
  private static Map<String, Long> dataVersions(Warehouse w) {
    Map<String, Long> out = new TreeMap<>();
    for (TableName t : w.tables(TestSpark.session())) {
      if (!t.equals(Tables.RUNS)) {
        out.put(t.qualified(), w.latestVersion(TestSpark.session(), t));
      }
    }
    return out;
  }
}
