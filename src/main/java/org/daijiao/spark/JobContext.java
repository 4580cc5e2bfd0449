package org.daijiao.spark;

import java.time.LocalDate;
import java.util.Objects;
import org.apache.spark.sql.SparkSession;
import org.daijiao.policy.Policy;
import org.daijiao.policy.RunParameters;

/**
 * What every job runs with: the Spark session, the warehouse it reads, the one writer of its
 * tables, where its progress lines go, and the run's policy year and reference date. Made once per
 * command (or test run) and handed to each job.
 *
 * @param policy the policy of the run; null only for a context that ingests (ingestion reads no
 *     policy)
 * @param asOf the run's reference date (docs/rules.md); null exactly when {@code policy} is
 * @param parameters the run's parameters as it records them with its tables (the policy file and
 *     its hash, as_of, the accepted repairs); null for a context made without them (ingestion
 *     alone, stage tests), whose writes then record none
 */
public record JobContext(
    SparkSession session,
    Warehouse warehouse,
    TableWriter writer,
    Progress progress,
    Policy policy,
    LocalDate asOf,
    RunParameters parameters) {

  public JobContext {
    Objects.requireNonNull(session, "session");
    Objects.requireNonNull(warehouse, "warehouse");
    Objects.requireNonNull(writer, "writer");
    Objects.requireNonNull(progress, "progress");
    if ((policy == null) != (asOf == null)) {
      throw new IllegalArgumentException("a job context has both a policy and an as_of, or none");
    }
    if (parameters != null
        && (policy == null
            || parameters.policyYear() != policy.policyYear()
            || !parameters.asOf().equals(asOf))) {
      throw new IllegalArgumentException("the run parameters are those of the policy and as_of");
    }
  }

  /** A context for the jobs that apply the policy (resolve, decide, stats). */
  public static JobContext of(
      SparkSession session, Warehouse warehouse, Progress progress, Policy policy, LocalDate asOf) {
    return new JobContext(
        session,
        warehouse,
        new TableWriter(session, warehouse),
        progress,
        Objects.requireNonNull(policy, "policy"),
        Objects.requireNonNull(asOf, "as_of"),
        null);
  }

  /** A context for a run with these parameters, which its writes record. */
  public static JobContext of(
      SparkSession session,
      Warehouse warehouse,
      Progress progress,
      Policy policy,
      RunParameters parameters) {
    return new JobContext(
        session,
        warehouse,
        new TableWriter(session, warehouse),
        progress,
        Objects.requireNonNull(policy, "policy"),
        parameters.asOf(),
        parameters);
  }

  /** A context for ingestion alone, which reads no policy. */
  public static JobContext forIngest(SparkSession session, Warehouse warehouse, Progress progress) {
    return new JobContext(
        session, warehouse, new TableWriter(session, warehouse), progress, null, null, null);
  }

  /** The policy of the run. */
  public Policy policy() {
    if (policy == null) {
      throw new IllegalStateException("this job context is for ingestion only: it has no policy");
    }
    return policy;
  }

  /** The policy year of the run. */
  public int policyYear() {
    return policy().policyYear();
  }
}
