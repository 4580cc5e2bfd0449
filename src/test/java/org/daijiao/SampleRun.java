package org.daijiao;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.daijiao.coverage.StatsJob;
import org.daijiao.decide.DecideJob;
import org.daijiao.ingest.IngestJob;
import org.daijiao.policy.Policy;
import org.daijiao.policy.PolicyLoader;
import org.daijiao.resolve.ResolveJob;
import org.daijiao.spark.JobContext;
import org.daijiao.spark.Progress;
import org.daijiao.spark.Warehouse;

/**
 * The whole 2022 pipeline on {@code data/sample}, run once per JVM for the tests of the sample run
 * (privacy, permissions, statistics), with its progress lines on stderr and everything it logs or
 * prints captured. Not {@link PipelineFixture#of}: that run may already have happened (cached)
 * before the capture started, which would make the leak test vacuous.
 */
public final class SampleRun {
  public static final Path SAMPLE = Path.of("data/sample");
  public static final LocalDate AS_OF = LocalDate.of(2022, 12, 31);

  /** The finished run and what it said. */
  public record Result(
      Warehouse warehouse, Policy policy, List<String> logLines, String stdout, String stderr) {}

  private static Result result;

  private SampleRun() {}

  public static synchronized Result get() {
    if (result == null) {
      result = run();
    }
    return result;
  }

  private static Result run() {
    SparkSession spark = TestSpark.session();
    Policy policy = PolicyLoader.bundled();
    Warehouse warehouse = new Warehouse(PipelineFixture.tempDir("hardening-warehouse").toString());
    try (CapturedOutput captured = CapturedOutput.start()) {
      JobContext context = JobContext.of(spark, warehouse, Progress.toStderr(), policy, AS_OF);
      new IngestJob(context, SAMPLE.toString(), "hardening-batch").run();
      new ResolveJob(context).run();
      new DecideJob(context).run();
      new StatsJob(context).run();
      return new Result(
          warehouse, policy, captured.logLines(), captured.stdout(), captured.stderr());
    }
  }
}
