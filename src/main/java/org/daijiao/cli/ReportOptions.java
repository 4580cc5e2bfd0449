package org.daijiao.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import org.daijiao.policy.Policy;
import org.daijiao.policy.PolicyLoader;
import org.daijiao.report.GoldYear;
import org.daijiao.spark.JobContext;
import org.daijiao.spark.Progress;
import picocli.CommandLine.Option;

/**
 * The year and policy file of the commands that write what people read ({@code report}, {@code
 * worklists}). The policy gives the county's name; the figures come from the warehouse.
 */
final class ReportOptions {
  @Option(
      names = "--year",
      paramLabel = "Y",
      description =
          "Policy year (default: the year of --policy, else " + PolicyLoader.DEFAULT_YEAR + ").")
  Integer year;

  @Option(
      names = "--policy",
      paramLabel = "FILE",
      description =
          "Policy file (YAML) of the year, for the county's name (default: the bundled one).")
  Path policyFile;

  /** The policy file given (checked against --year), or null: read before Spark starts. */
  Policy givenPolicy() {
    return policyFile == null ? null : PolicyLoader.load(policyFile, year);
  }

  /** The year asked for: the given policy's, else --year, else the bundled policy's. */
  int year(Policy given) {
    if (given != null) {
      return given.policyYear();
    }
    return year != null ? year : PolicyLoader.DEFAULT_YEAR;
  }

  /**
   * The context of a job that reads the year's gold tables: their as-of date, and the year's policy
   * — the given one, else the bundled one, read once the warehouse is known to hold the year, so
   * that a missing year is reported as such.
   */
  JobContext context(Spark spark, Policy given, int year, Progress progress) {
    LocalDate asOf = GoldYear.asOf(spark.session, spark.warehouse, year);
    Policy policy = given != null ? given : PolicyLoader.bundled(year);
    return spark.context(policy, asOf, progress);
  }
}
