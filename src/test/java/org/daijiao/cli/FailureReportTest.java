package org.daijiao.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.daijiao.UserFacingException;
import org.daijiao.UserFacingException.Code;
import org.daijiao.ingest.read.InputFileException;
import org.daijiao.policy.PolicyException;
import org.daijiao.spark.TableName;
import org.daijiao.spark.Warehouse;
import org.junit.jupiter.api.Test;

/**
 * SPEC §6: every problem the user can fix is one type with a cause code, printed as a one-line
 * cause with exit code 1; anything else is an internal error whose message (which might quote data)
 * stays hidden.
 */
class FailureReportTest {
  /** What {@link Main#reportFailure} returned and printed on stderr. */
  private record Report(int exitCode, String err) {}

  private static synchronized Report report(Throwable e) {
    PrintStream stderr = System.err;
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    int code;
    try {
      code = Main.reportFailure(e, false);
    } finally {
      System.setErr(stderr);
    }
    return new Report(code, err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void policyInputAndMissingTableProblemsAreUserFacingWithTheirCode() {
    assertThat(new PolicyException("Policy x is invalid").code()).isEqualTo(Code.POLICY);
    assertThat(new InputFileException("civil_affairs/a.csv", 3, null, "bad").code())
        .isEqualTo(Code.INPUT);
    assertThat(new Warehouse.MissingTableException(TableName.gold("eligibility"), "/w").code())
        .isEqualTo(Code.MISSING_TABLE);
    for (Code code : Code.values()) {
      assertThat(code.fix()).as("the fix of %s", code).isNotBlank();
    }
  }

  @Test
  void aUserFacingProblemIsOneLineOnStderrWithExitCodeOne() {
    Report r =
        report(
            new PolicyException("Policy p.yaml is invalid:\n  - ages is missing\n  - funding is"));
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err())
        .isEqualTo("daijiao: Policy p.yaml is invalid: - ages is missing - funding is\n");
  }

  @Test
  void everyCodeIsReportedTheSameWay() {
    for (Code code : Code.values()) {
      Report r = report(new UserFacingException(code, "what is wrong: how to fix it."));
      assertThat(r.exitCode()).as("exit code for %s", code).isEqualTo(1);
      assertThat(r.err()).isEqualTo("daijiao: what is wrong: how to fix it.\n");
    }
  }

  @Test
  void anInternalErrorShowsOnlyItsType() {
    Report r = report(new IllegalStateException("row of 500243198001010012 failed"));
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err())
        .isEqualTo(
            "daijiao: internal error (java.lang.IllegalStateException); run again with --verbose"
                + " for details and report it.\n")
        .doesNotContain("500243");
  }

  /**
   * Causes the machine produces are named with their fix, not reported as internal errors, however
   * deep Spark wraps them (docs/operations.md, "Quiet means quiet").
   */
  @Test
  void outOfMemoryAFullDiskAndAPermissionAreNamedWithTheirFix() {
    Report memory = report(new OutOfMemoryError("Java heap space"));
    assertThat(memory.exitCode()).isEqualTo(1);
    assertThat(memory.err())
        .isEqualTo(
            "daijiao: The driver ran out of memory (java.lang.OutOfMemoryError): give the driver"
                + " more memory: DAIJIAO_JAVA_OPTS=\"-Xmx8g\" for bin/daijiao (default -Xmx4g),"
                + " DAIJIAO_DRIVER_MEMORY for jobs/spark-submit.sh; then run again"
                + " (docs/operations.md).\n");

    // As Spark reports a task that met ENOSPC: the cause's text inside a job's message.
    Report disk =
        report(
            new RuntimeException(
                "Job aborted due to stage failure: Task 0 in stage 3.0 failed 1 times:"
                    + " org.apache.hadoop.fs.FSError: java.io.IOException: No space left on device",
                new java.io.IOException("No space left on device")));
    assertThat(disk.err())
        .startsWith("daijiao: The disk is full: no space left on device. free space on that disk")
        .hasLineCount(1);

    Report denied =
        report(
            new IllegalStateException(
                "Cannot list warehouse /w",
                new java.nio.file.AccessDeniedException("/w/gold/eligibility")));
    assertThat(denied.err())
        .isEqualTo(
            "daijiao: Permission denied to /w/gold/eligibility: give the user that runs daijiao"
                + " access to it (and the warehouse folder), then run again.\n");
  }
}
