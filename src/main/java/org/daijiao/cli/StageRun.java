package org.daijiao.cli;

import java.util.Optional;
import org.daijiao.ops.RunPolicy;
import org.daijiao.pipeline.Pipeline;
import org.daijiao.pipeline.Pipeline.Stage;
import org.daijiao.policy.Policy;
import org.daijiao.policy.PolicyLoader;
import org.daijiao.policy.RunParameters;

/** How the commands that write run the pipeline: the parameters a stage goes on with. */
final class StageRun {
  /** The policy a run applies and its parameters. */
  record Chosen(Policy policy, RunParameters parameters) {
    /** The policy as the run's record keeps it. */
    RunPolicy recorded() {
      return RunPolicy.of(parameters, policy);
    }
  }

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
    PolicyLoader.Loaded loaded = options.loaded();
    Policy policy = loaded.policy();
    RunParameters parameters =
        RunParameters.of(
            loaded, options.asOf(policy), repairs == null ? null : repairs.acceptRepairs);
    // Refused before the run takes the lock: nothing is written, not even the run's record.
    Pipeline.requireInputsAgree(spark.session, spark.warehouse, first, parameters);
    return new Chosen(policy, parameters);
  }
}
