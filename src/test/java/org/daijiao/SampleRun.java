package org.daijiao;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.daijiao.coverage.YearSummary;
import org.daijiao.ingest.IngestJob;
import org.daijiao.pipeline.Pipeline;
import org.daijiao.policy.Policy;
import org.daijiao.policy.PolicyLoader;
import org.daijiao.policy.RunParameters;
import org.daijiao.resolve.ResolveJob;
import org.daijiao.spark.JobContext;
import org.daijiao.spark.Progress;
import org.daijiao.spark.Warehouse;

/**
 * The whole 2022 pipeline on {@code data/sample}, run once per JVM for the tests of the sample run
 * (privacy, permissions, statistics), with its progress lines on stderr and everything it logs or
 * prints captured. {@link PipelineFixture#of} hands this run to the tests that read the sample's
 * tables (one sample run per test JVM, not two); the reverse would not do: a run cached before the
 * capture started would make the leak test vacuous.
 */
public final class SampleRun {
  public static final Path SAMPLE = Path.of("data/sample");
  public static final LocalDate AS_OF = LocalDate.of(2022, 12, 31);

  /** The finished run and what it said. */
  public record Result(
      Warehouse warehouse,
      Policy policy,
      IngestJob.Result ingest,
      ResolveJob.Result resolve,
      YearSummary.Figures summary,
      List<String> logLines,
      String stdout,
      String stderr) {}

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
      Pipeline.Result done =
          Pipeline.with(
                  JobContext.of(
                      spark,
                      warehouse,
                      Progress.toStderr(),
                      policy,
                      RunParameters.of(null, policy, AS_OF, null)))
              .input(SAMPLE.toString(), "hardening-batch")
              .run();
      return new Result(
          warehouse,
          policy,
          done.ingest(),
          done.resolve(),
          done.stats().summary(),
          captured.logLines(),
          captured.stdout(),
          captured.stderr());
    }
  }
}
