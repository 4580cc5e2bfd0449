package org.daijiao.spark;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;

/**
 * Progress lines for long steps, on stderr so that stdout stays clean for results. Counts and stage
 * names only: never an ID number or a name.
 */
public final class Progress {
  private final PrintStream out;
  private final boolean quiet;
  private final Instant start = Instant.now();

  public Progress(PrintStream out, boolean quiet) {
    this.out = out;
    this.quiet = quiet;
  }

  public static Progress toStderr() {
    return new Progress(System.err, false);
  }

  public static Progress silent() {
    return new Progress(System.err, true);
  }

  public void step(String stage, String message) {
    KillSwitch.reached(stage + " " + message);
    if (!quiet) {
      long s = Duration.between(start, Instant.now()).toSeconds();
      out.printf("[%3ds] %-8s %s%n", s, stage, message);
      out.flush();
    }
  }
}
