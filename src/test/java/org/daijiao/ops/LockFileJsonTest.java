package org.daijiao.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The lock file's text: a holder as JSON, read back as written; a cut-short text names no run. */
class LockFileJsonTest {
  @Test
  void aHolderReadsBackAsItWasWrittenWithWhatTheRunLearnt() {
    LockHolder me =
        LockHolder.of(
                "20220905T020000-abcd", "run", List.of("--as-of", "2022-08-31"), Instant.EPOCH)
            .withPolicy("bundled:policy/2022.yaml", "ab12", 2022, "2022-08-31")
            .withInputs(
                "/in", List.of(new RunRecord.InputFile("roster", "a.csv", 10, "cd34", null)))
            .withStart(Map.of("gold.eligibility", 3L), List.of("/tmp/blockmgr-1"))
            .withFailure("java.io.IOException");
    assertThat(LockFileJson.parse(LockFileJson.text(me))).isEqualTo(me);
    assertThat(me.ended()).as("a failed run said so").isTrue();
  }

  @Test
  void anEmptyTextNamesNoRunAndACutShortOneAnUnknownRun() {
    assertThat(LockFileJson.parse("   ".getBytes(StandardCharsets.UTF_8))).isNull();
    LockHolder cut = LockFileJson.parse("{\"run_id\": \"2022".getBytes(StandardCharsets.UTF_8));
    assertThat(cut.runId()).isEqualTo("unknown");
    assertThat(cut.host()).isEqualTo("unknown-host");
    assertThat(cut.pid()).isEqualTo(-1);
    assertThat(cut.startedAt()).isEqualTo(Instant.EPOCH.toString());
    assertThat(cut.versionsAtStart()).isEmpty();
    assertThat(cut.scratchDirs()).isEmpty();
  }
}
