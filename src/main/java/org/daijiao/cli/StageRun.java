package org.daijiao.cli;

import java.util.List;
import java.util.Optional;
import org.daijiao.ingest.IngestJob;
import org.daijiao.ingest.IngestedFile;
import org.daijiao.ops.RecordedRun;
import org.daijiao.pipeline.Pipeline;
import org.daijiao.pipeline.Pipeline.Stage;
import org.daijiao.policy.Policy;
import org.daijiao.policy.RunParameters;
import org.daijiao.resolve.ResolveJob;

/**
 * How the commands that write run the pipeline: the parameters a stage goes on with, and the run
 * record following the pipeline as it goes.
 */
final class StageRun {
  /** The policy a run applies and its parameters. */
  record Chosen(Policy policy, RunParameters parameters) {}

  private StageRun() {}

  /**
   * The parameters of a stage run alone: those recorded with its inputs when the command line gives
   * neither {@code --as-of} nor {@code --policy} (the stage goes on with the run that wrote them);
   * otherwise the command line's, which the pipeline then checks against the recorded ones.
   */
  static Chosen parameters(Spark spark, PolicyOptions options, RepairOptions repairs, Stage first) {
    if (options.asOf == null && options.policyFile == null) {
      int year = options.year != null ? options.year : options.policy().policyYear();
      Optional<RunParameters> recorded =
          Pipeline.recordedInputs(spark.session, spark.warehouse, first, year);
      if (recorded.isPresent()) {
        return new Chosen(recorded.get().loadPolicy(), recorded.get());
      }
    }
    Policy policy = options.policy();
    RunParameters parameters =
        RunParameters.of(
            options.policyFile,
            policy,
            options.asOf(policy),
            repairs == null ? null : repairs.acceptRepairs);
    // Refused before the run takes the lock: nothing is written, not even the run's record.
    Pipeline.requireInputsAgree(spark.session, spark.warehouse, first, parameters);
    return new Chosen(policy, parameters);
  }

  /** The run record, told what the pipeline has read, ingested and resolved as it goes. */
  static Pipeline.Observer recording(RecordedRun run, String inputDir) {
    return new Pipeline.Observer() {
      @Override
      public void read(List<IngestedFile> files) {
        run.inputs(inputDir, files);
      }

      @Override
      public void ingested(IngestJob.Result result) {
        run.ingested(result);
      }

      @Override
      public void resolved(ResolveJob.Result result) {
        run.resolved(result);
      }
    };
  }
}
