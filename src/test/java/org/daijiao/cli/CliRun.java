package org.daijiao.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * One in-process command line ({@link Main#execute}): its exit code and what it printed on stdout
 * and stderr.
 */
record CliRun(int exitCode, String out, String err) {
  static CliRun of(String... args) {
    return withStdin("", args);
  }

  /** A command line that reads {@code stdin} as its standard input. */
  static synchronized CliRun withStdin(String stdin, String... args) {
    InputStream stdinBefore = System.in;
    PrintStream stdout = System.out;
    PrintStream stderr = System.err;
    System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    int code;
    try {
      code = Main.execute(args);
    } finally {
      System.out.flush();
      System.err.flush();
      System.setIn(stdinBefore);
      System.setOut(stdout);
      System.setErr(stderr);
    }
    return new CliRun(
        code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }
}
