package org.daijiao.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.daijiao.ops.Maintenance;
import org.daijiao.ops.RunPolicy;
import org.daijiao.ops.WarehouseFormat;
import org.daijiao.policy.Policy;
import org.daijiao.policy.PolicyLoader;
import org.daijiao.spark.Progress;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Table maintenance: OPTIMIZE and VACUUM, never below the audit horizon. */
@Command(
    name = "maintain",
    mixinStandardHelpOptions = true,
    description = {
      "Compacts tables and deletes old files, keeping the audit horizon.",
      "OPTIMIZE compacts every table's small files; VACUUM deletes data files that left a"
          + " table longer ago than the retention. The retention is at least the policy file's"
          + " audit_horizon_years, so every run of those years stays readable (sql --run, diff);"
          + " a shorter one is refused. Recorded in ops.runs like a run, under the warehouse lock."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  bin/daijiao maintain --warehouse /srv/daijiao",
      "  bin/daijiao maintain --warehouse /srv/daijiao --retain-years 15"
    })
final class MaintainCommand implements Callable<Integer> {
  @Mixin CommonOptions common;
  @Mixin WriterOptions writer;

  @Option(
      names = "--policy",
      paramLabel = "FILE",
      description = "Policy file whose audit_horizon_years applies (default: the bundled one).")
  Path policyFile;

  @Option(
      names = "--year",
      paramLabel = "Y",
      description = "Year of the bundled policy file (default: " + PolicyLoader.DEFAULT_YEAR + ").")
  Integer year;

  @Option(
      names = "--retain-years",
      paramLabel = "N",
      description =
          "Years of history VACUUM keeps (default and minimum: the audit horizon of the policy"
              + " file, or the longer one the warehouse was written with).")
  Integer retainYears;

  @Option(
      names = "--check",
      description =
          "Only check every table at the versions the last finished run left: its Delta log is"
              + " readable and every data file it lists is there with its recorded size. One line"
              + " per table; exit code 1 when any is damaged. Changes nothing, takes no lock.")
  boolean check;

  @Override
  public Integer call() {
    if (check) {
      try (Spark spark = new Spark(common)) {
        WarehouseCheckLines.print(spark.session, spark.warehouse, System.out);
      }
      return 0;
    }
    PolicyLoader.Loaded loaded = PolicyLoader.read(policyFile, year);
    Policy policy = loaded.policy();
    Progress progress = Progress.toStderr();
    try (Spark spark = new Spark(common)) {
      WarehouseFormat marker = WarehouseFormat.read(spark.session, spark.warehouse);
      int horizon =
          Math.max(policy.auditHorizonYears(), marker == null ? 0 : marker.auditHorizonYears());
      String source =
          horizon == policy.auditHorizonYears()
              ? "audit_horizon_years of the policy file"
              : "the longest horizon of the policies that wrote to this warehouse";
      int retain = retainYears == null ? horizon : retainYears;
      // Refused before the lock is taken: nothing is changed.
      Maintenance.requireRetention(retain, horizon, source);
      List<Maintenance.TableResult> results =
          writer.record(
              spark,
              progress,
              RunPolicy.horizonOf(loaded),
              run -> Maintenance.run(spark.session, spark.warehouse, retain, progress));
      long compacted = results.stream().mapToLong(Maintenance.TableResult::filesCompacted).sum();
      long vacuumed = results.stream().mapToLong(Maintenance.TableResult::filesVacuumed).sum();
      System.out.printf(
          "%d tables maintained, keeping %d years of history: %,d files compacted, %,d old files"
              + " deleted%n",
          results.size(), retain, compacted, vacuumed);
    }
    return 0;
  }
}
