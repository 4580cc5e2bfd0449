package org.daijiao.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.daijiao.report.ProducingRun.Commit;
import org.junit.jupiter.api.Test;

/**
 * Which commit of gold.coverage_stats produced a year's figures (README, Decision 1: years
 * coexist).
 */
class ProducingRunTest {
  private static Commit commit(long version, String predicate) {
    return new Commit(
        version, Instant.parse("2022-12-31T10:00:00Z").plusSeconds(version), predicate);
  }

  @Test
  void theLatestCommitThatReplacedTheYearsRows() {
    List<Commit> history =
        List.of(
            commit(0, null),
            commit(1, "[\"(policy_year = 2022)\"]"),
            commit(2, "[\"(policy_year = 2023)\"]"),
            commit(3, "[\"(policy_year = 2022)\"]"),
            commit(4, "[\"(policy_year = 2023)\"]"));
    assertThat(ProducingRun.writerOf(history, 2022).version()).isEqualTo(3);
    assertThat(ProducingRun.writerOf(history, 2023).version()).isEqualTo(4);
  }

  @Test
  void aYearNeverReplacedSinceIsTheOneThatCreatedTheTable() {
    List<Commit> history = List.of(commit(0, null), commit(1, "[\"(policy_year = 2023)\"]"));
    assertThat(ProducingRun.writerOf(history, 2022).version())
        .as("2022 was written when the table was created; 2023 replaced only its own rows")
        .isZero();
    assertThat(ProducingRun.writerOf(history, 20222).version())
        .as("policy_year = 2022 does not name 20222: the latest whole-table write")
        .isZero();
  }
}
