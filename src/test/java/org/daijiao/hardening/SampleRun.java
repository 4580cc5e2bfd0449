package org.daijiao.hardening;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.daijiao.PipelineFixture;
import org.daijiao.TestSpark;
import org.daijiao.coverage.StatsJob;
import org.daijiao.eligibility.DecideJob;
import org.daijiao.identity.ResolveJob;
import org.daijiao.ingest.IngestJob;
import org.daijiao.policy.Policy;
import org.daijiao.policy.PolicyLoader;
import org.daijiao.spark.Progress;
import org.daijiao.spark.TableWriter;
import org.daijiao.spark.Warehouse;

/**
 * The whole 2022 pipeline on {@code data/sample}, run once per JVM for the hardening tests, with
 * its progress lines on stderr and everything it logs or prints captured. Not {@link
 * PipelineFixture#of}: that run may already have happened (cached) before the capture started,
 * which would make the leak test vacuous.
 */
final class SampleRun {
  static final Path SAMPLE = Path.of("data/sample");
  static final LocalDate AS_OF = LocalDate.of(2022, 12, 31);

  /** The finished run and what it said. */
  record Result(
      Warehouse warehouse, Policy policy, List<String> logLines, String stdout, String stderr) {}

  private static Result result;

  private SampleRun() {}

  static synchronized Result get() {
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
      TableWriter writer = new TableWriter(spark, warehouse);
      Progress progress = Progress.toStderr();
      new IngestJob(spark, writer, SAMPLE.toString(), "hardening-batch", progress).run();
      new ResolveJob(spark, warehouse, writer, policy, AS_OF, progress).run();
      new DecideJob(spark, warehouse, writer, policy, AS_OF, progress).run();
      new StatsJob(spark, warehouse, writer, policy.policyYear(), AS_OF, progress).run();
      return new Result(
          warehouse, policy, captured.logLines(), captured.stdout(), captured.stderr());
    }
  }
}
