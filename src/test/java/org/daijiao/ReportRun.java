package org.daijiao;

import java.nio.file.Path;
import java.util.List;
import org.daijiao.cli.Main;

/**
 * {@code daijiao report} and {@code daijiao worklists --html} on the sample run's warehouse ({@link
 * SampleRun}), run once per JVM through the command line, with everything they log or print
 * captured: the report and work-list tests read the files back, {@link PrivacyLeakTest} checks what
 * the commands said. Reading the gold tables is cheap next to a pipeline run (no Delta commit).
 */
public final class ReportRun {
  /** The two commands' output folders, exit codes, and what they said. */
  public record Result(
      Path reportFolder,
      Path worklistFolder,
      int reportExit,
      int worklistsExit,
      List<String> logLines,
      String stdout,
      String stderr) {}

  private static Result result;

  private ReportRun() {}

  public static synchronized Result get() {
    if (result == null) {
      result = run();
    }
    return result;
  }

  private static Result run() {
    String warehouse = SampleRun.get().warehouse().root();
    Path base = PipelineFixture.tempDir("report");
    Path report = base.resolve("report");
    Path worklists = base.resolve("worklists");
    try (CapturedOutput captured = CapturedOutput.start()) {
      int reportExit = Main.execute("report", "--warehouse", warehouse, "--out", report.toString());
      int worklistsExit =
          Main.execute(
              "worklists", "--warehouse", warehouse, "--out", worklists.toString(), "--html");
      return new Result(
          report,
          worklists,
          reportExit,
          worklistsExit,
          captured.logLines(),
          captured.stdout(),
          captured.stderr());
    }
  }
}
