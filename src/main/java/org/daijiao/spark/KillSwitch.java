package org.daijiao.spark;

import java.io.IOException;

/**
 * Test-only crash points for the crash check ({@code .ci/crash-check}): with the environment
 * variable {@value #VARIABLE} set, the process sends itself SIGKILL — no finally block, no shutdown
 * hook, exactly what an operator's {@code kill -9} or the OOM killer does — when it reaches the
 * first point whose name contains the variable's text. Points are the progress steps ({@code
 * "ingest …"}) and the table commits ({@code "committed gold.eligibility"}), so a test stops a
 * child run between two chosen commits deterministically instead of sleeping. Unset (always,
 * outside that check) it costs one string comparison per step.
 */
public final class KillSwitch {
  /** The environment variable naming the point. */
  public static final String VARIABLE = "DAIJIAO_TEST_KILL_AT";

  private static final String TARGET = System.getenv(VARIABLE);

  private KillSwitch() {}

  /** Kills this process when {@code point} is the one the environment names. */
  static void reached(String point) {
    if (TARGET == null || TARGET.isEmpty() || !point.contains(TARGET)) {
      return;
    }
    System.err.println("daijiao: " + VARIABLE + ": SIGKILL at \"" + point + "\"");
    System.err.flush();
    long pid = ProcessHandle.current().pid();
    try {
      new ProcessBuilder("kill", "-KILL", Long.toString(pid)).inheritIO().start().waitFor();
      // The signal is delivered asynchronously: never return into the run.
      while (true) {
        Thread.sleep(1000);
      }
    } catch (IOException | InterruptedException e) {
      // Without `kill` there is no SIGKILL to send; halting skips every finally block and hook too.
      Runtime.getRuntime().halt(137);
    }
  }
}
