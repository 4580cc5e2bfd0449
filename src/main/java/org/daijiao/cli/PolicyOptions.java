package org.daijiao.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.daijiao.UserFacingException;
import org.daijiao.UserFacingException.Code;
import org.daijiao.policy.Policy;
import org.daijiao.policy.PolicyLoader;
import picocli.CommandLine.Option;

/** The policy year, its policy file and the run's reference date. */
final class PolicyOptions {
  @Option(
      names = "--year",
      paramLabel = "Y",
      description =
          "Policy year (default: the year of the policy file; bundled: "
              + PolicyLoader.DEFAULT_YEAR
              + ").")
  Integer year;

  @Option(
      names = "--as-of",
      paramLabel = "DATE",
      description = "Reference date yyyy-MM-dd (default: min(today, Y-12-31)).")
  String asOf;

  @Option(
      names = "--policy",
      paramLabel = "FILE",
      description = "Policy file (YAML) to use instead of the bundled one.")
  Path policyFile;

  Policy policy() {
    return loaded().policy();
  }

  /** The policy with the origin of the bytes it was parsed from (read once). */
  PolicyLoader.Loaded loaded() {
    return PolicyLoader.read(policyFile, year);
  }

  LocalDate asOf(Policy policy) {
    if (asOf == null) {
      return policy.defaultAsOf(LocalDate.now());
    }
    LocalDate d;
    try {
      d = LocalDate.parse(asOf);
    } catch (DateTimeParseException e) {
      throw new UserFacingException(Code.OPTION, "--as-of " + asOf + " is not a date yyyy-MM-dd.");
    }
    if (d.getYear() != policy.policyYear()) {
      throw new UserFacingException(
          Code.OPTION,
          "--as-of "
              + asOf
              + " is not in policy year "
              + policy.policyYear()
              + ": as_of must fall inside the year it decides.");
    }
    return d;
  }
}
