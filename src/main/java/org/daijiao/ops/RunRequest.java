package org.daijiao.ops;

import java.time.Duration;
import java.util.List;

/**
 * What a recorded run is asked to be: the command and its arguments as given (no personal data),
 * how long it waits for the lock, and the policy it applies (null for a command that applies none:
 * {@code ingest}, {@code restore}).
 */
public record RunRequest(
    String command, List<String> arguments, Duration lockWait, RunPolicy policy) {
  public RunRequest {
    arguments = List.copyOf(arguments);
  }

  /** A run that applies no policy. */
  public static RunRequest of(String command, List<String> arguments, Duration wait) {
    return new RunRequest(command, arguments, wait, null);
  }

  /** The same run, applying {@code applied} (null: none). */
  public RunRequest withPolicy(RunPolicy applied) {
    return new RunRequest(command, arguments, lockWait, applied);
  }
}
