package org.daijiao;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.daijiao.identity.IdNumber;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 4 / SPEC §7: a whole pipeline run on the sample county, with every logger at INFO
 * (daijiao's own at TRACE), says nothing about a person — no ID number (18 or 15 digits) and no
 * name in any log line, on stdout or on stderr; nor do the report and work-list commands of issue 9
 * on its warehouse. Part of the default suite (one pipeline run, ~1–2 min).
 */
class PrivacyLeakTest {
  private static SampleRun.Result run;
  private static SampleIdentities people;

  @BeforeAll
  static void runTheSampleCountyVerbosely() {
    run = SampleRun.get();
    people = SampleIdentities.of(SampleRun.SAMPLE);
  }

  @Test
  void theSampleHasPeopleToLookFor() {
    assertThat(people.ids18()).as("valid ID numbers in data/sample").hasSizeGreaterThan(1000);
    assertThat(people.ids15()).as("their 15-digit forms").hasSizeGreaterThan(1000);
    assertThat(people.names()).as("names in data/sample").hasSizeGreaterThan(500);
  }

  @Test
  void theRunWasActuallyHeardAtInfoLevel() {
    assertThat(run.logLines())
        .as("the capture must have seen Spark's INFO lines, or this test proves nothing")
        .hasSizeGreaterThan(100);
    assertThat(run.stderr()).as("progress lines on stderr").contains("ingest");
  }

  @Test
  void noLogLineNamesAPersonOrQuotesAnIdNumber() {
    List<String> lines = run.logLines();
    for (int i = 0; i < lines.size(); i++) {
      String leak = people.firstLeakIn(lines.get(i));
      assertThat(leak)
          .as(
              "log line %d of %d contains %s: %s",
              i + 1, lines.size(), describe(leak), around(lines.get(i), leak))
          .isNull();
    }
  }

  @Test
  void stdoutAndStderrNameNoPersonAndQuoteNoIdNumber() {
    assertThat(people.firstLeakIn(run.stdout())).as("stdout of the run").isNull();
    String leak = people.firstLeakIn(run.stderr());
    assertThat(leak).as("stderr of the run contains %s", describe(leak)).isNull();
  }

  @Test
  void theReportAndWorkListCommandsSayNothingAboutAPerson() {
    // Issue 9: `report` reads aggregates only, but `worklists` reads names and masked IDs; neither
    // may log or print one (the work lists themselves are checked by WorklistsTest).
    ReportRun.Result report = ReportRun.get();
    assertThat(report.logLines())
        .as("the capture must have seen the commands' Spark INFO lines")
        .hasSizeGreaterThan(10);
    List<String> lines = report.logLines();
    for (int i = 0; i < lines.size(); i++) {
      String leak = people.firstLeakIn(lines.get(i));
      assertThat(leak)
          .as(
              "log line %d of %d of report/worklists contains %s: %s",
              i + 1, lines.size(), describe(leak), around(lines.get(i), leak))
          .isNull();
    }
    assertThat(people.firstLeakIn(report.stdout())).as("stdout of report/worklists").isNull();
    String leak = people.firstLeakIn(report.stderr());
    assertThat(leak).as("stderr of report/worklists contains %s", describe(leak)).isNull();
    assertThat(report.stderr()).as("their progress lines").contains("report", "worklist");
  }

  /** The text before and after the leak, with every ID and name replaced: where it comes from. */
  private static String around(String line, String leak) {
    if (leak == null) {
      return "";
    }
    int at = line.indexOf(leak);
    return people.redacted(
        line.substring(Math.max(0, at - 300), Math.min(line.length(), at + 100)));
  }

  /** What leaked, said without leaking it again into the test report. */
  private static String describe(String leak) {
    if (leak == null) {
      return "nothing";
    }
    if (leak.length() == 18) {
      return "the ID number " + IdNumber.mask(leak);
    }
    if (leak.length() == 15) {
      return "a 15-digit ID number " + leak.substring(0, 6) + "…";
    }
    return "a name of " + leak.length() + " characters";
  }
}
