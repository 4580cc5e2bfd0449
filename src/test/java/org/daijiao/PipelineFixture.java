package org.daijiao;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.daijiao.coverage.YearSummary;
import org.daijiao.ingest.IngestJob;
import org.daijiao.pipeline.Pipeline;
import org.daijiao.policy.Policy;
import org.daijiao.policy.PolicyLoader;
import org.daijiao.policy.RunParameters;
import org.daijiao.repair.AcceptedRepairs;
import org.daijiao.resolve.ResolveJob;
import org.daijiao.spark.JobContext;
import org.daijiao.spark.Progress;
import org.daijiao.spark.TableName;
import org.daijiao.spark.Warehouse;

/**
 * Runs the whole pipeline ({@link Pipeline}) once per input directory and JVM, on the shared test
 * session, into a temporary warehouse; test classes that read the same run share it. Delta writes
 * are the slow part of the suite, so they happen here and nowhere else unless a test is about
 * writing.
 */
public final class PipelineFixture {
  /** A finished run: its warehouse and what the jobs reported. */
  public record Run(
      Warehouse warehouse,
      Policy policy,
      LocalDate asOf,
      IngestJob.Result ingest,
      ResolveJob.Result resolve,
      YearSummary.Figures summary) {
    public Dataset<Row> table(TableName table) {
      return warehouse.read(TestSpark.session(), table);
    }
  }

  private static final Map<String, Run> RUNS = new HashMap<>();

  private PipelineFixture() {}

  /** The 2022 pipeline with as_of 2022-12-31 on an input directory, run at most once per JVM. */
  public static synchronized Run of(Path input) {
    return RUNS.computeIfAbsent(
        input.toAbsolutePath().normalize().toString(), k -> firstRun(input));
  }

  private static Run firstRun(Path input) {
    if (same(input, SampleRun.SAMPLE)) {
      // The sample's one run, the one whose output the privacy tests capture.
      SampleRun.Result sample = SampleRun.get();
      return new Run(
          sample.warehouse(),
          sample.policy(),
          SampleRun.AS_OF,
          sample.ingest(),
          sample.resolve(),
          sample.summary());
    }
    return run(input, PolicyLoader.bundled(), LocalDate.of(2022, 12, 31));
  }

  private static boolean same(Path a, Path b) {
    return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
  }

  /** A fresh run (not cached), e.g. for another as_of. */
  public static Run run(Path input, Policy policy, LocalDate asOf) {
    return run(input, policy, asOf, AcceptedRepairs.NONE);
  }

  /**
   * A fresh run (not cached) with the repairs the data team confirmed; the policy is the bundled
   * one of its year, whose file and hash the run records with its tables.
   */
  public static Run run(Path input, Policy policy, LocalDate asOf, AcceptedRepairs repairs) {
    SparkSession spark = TestSpark.session();
    Warehouse warehouse = new Warehouse(tempDir("daijiao-warehouse").toString());
    RunParameters parameters =
        RunParameters.of(
            null, policy, asOf, repairs.file() == null ? null : Path.of(repairs.file()));
    Pipeline.Result done =
        Pipeline.with(JobContext.of(spark, warehouse, Progress.silent(), policy, parameters))
            .input(input.toString(), "test-batch")
            .repairs(repairs)
            .run();
    return new Run(warehouse, policy, asOf, done.ingest(), done.resolve(), done.stats().summary());
  }

  /**
   * A run into an existing warehouse (a new one is made when {@code warehouse} is null), as the
   * county's monthly runs go into one warehouse: the exports of {@code input}, as of {@code asOf}.
   */
  public static Run runInto(Warehouse warehouse, Path input, LocalDate asOf) {
    Policy policy = PolicyLoader.bundled();
    Warehouse into =
        warehouse != null ? warehouse : new Warehouse(tempDir("daijiao-warehouse").toString());
    Pipeline.Result done =
        Pipeline.with(
                JobContext.of(
                    TestSpark.session(),
                    into,
                    Progress.silent(),
                    policy,
                    RunParameters.of(null, policy, asOf, null)))
            .input(input.toString(), "test-batch-" + asOf)
            .run();
    return new Run(into, policy, asOf, done.ingest(), done.resolve(), done.stats().summary());
  }

  /** A copy of a warehouse in a new temporary directory, for a test that writes to it. */
  public static Warehouse copyOf(Warehouse warehouse) {
    Path to = tempDir("warehouse-copy");
    copyTree(Path.of(warehouse.root()), to);
    return new Warehouse(to.toString());
  }

  /** Copies every folder and file under {@code from} to {@code to}. */
  public static void copyTree(Path from, Path to) {
    try (java.util.stream.Stream<Path> files = Files.walk(from)) {
      for (Path f : (Iterable<Path>) files::iterator) {
        Path target = to.resolve(from.relativize(f).toString());
        if (Files.isDirectory(f)) {
          Files.createDirectories(target);
        } else {
          Files.copy(f, target);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A temporary directory under target/, removed with {@code mvn clean}. */
  public static Path tempDir(String prefix) {
    try {
      Path base = Path.of("target", "test-tmp");
      Files.createDirectories(base);
      return Files.createTempDirectory(base, prefix).toAbsolutePath();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
