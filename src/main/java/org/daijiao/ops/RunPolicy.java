package org.daijiao.ops;

import java.time.LocalDate;
import org.daijiao.policy.Policy;
import org.daijiao.policy.PolicyLoader;
import org.daijiao.policy.RunParameters;

/**
 * The policy a recorded run applies, as its record keeps it: the file and the SHA-256 of its bytes,
 * the policy year and as_of (both null for a command that decides no year, {@code maintain}), and
 * the policy's audit horizon, which becomes the warehouse's if longer.
 */
public record RunPolicy(
    String file, String sha256, Integer year, LocalDate asOf, int auditHorizonYears) {

  /** The parameters a run decides with. */
  public static RunPolicy of(RunParameters parameters, Policy policy) {
    return new RunPolicy(
        parameters.policyFile(),
        parameters.policySha256(),
        parameters.policyYear(),
        parameters.asOf(),
        policy.auditHorizonYears());
  }

  /** A policy read only for its audit horizon: the run decides no year. */
  public static RunPolicy horizonOf(PolicyLoader.Loaded loaded) {
    return new RunPolicy(
        loaded.origin().file(),
        loaded.origin().sha256(),
        null,
        null,
        loaded.policy().auditHorizonYears());
  }

  /** What the lock file says of it: the holder with this policy. */
  LockHolder on(LockHolder holder) {
    return holder.withPolicy(file, sha256, year, asOf == null ? null : asOf.toString());
  }
}
