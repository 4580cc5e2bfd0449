package org.daijiao.cli;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import org.daijiao.ops.WarehouseBackup;
import org.daijiao.spark.Progress;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** A copy of the gold and ops layers at the last finished run (docs/operations.md). */
@Command(
    name = "backup",
    mixinStandardHelpOptions = true,
    description = {
      "Copies the gold and ops tables as the last finished run left them.",
      "Into a new or empty folder (best on another disk), with their Delta logs and"
          + " daijiao-backup.json listing every file's size and SHA-256. Holds the warehouse lock"
          + " while it copies; writes no table. Bronze, quality and silver are not copied: after"
          + " a restore, `run` rebuilds them (docs/operations.md)."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  bin/daijiao backup --warehouse /srv/daijiao --to /mnt/backup/2022-12-31",
      "  bin/daijiao backup --warehouse /srv/daijiao --to /mnt/backup/2022-12-31 --wait 30"
    })
final class BackupCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin CommonOptions common;

  @Option(
      names = "--to",
      required = true,
      paramLabel = "DIR",
      description = "A new or empty folder for the backup (local path or Hadoop URI).")
  String to;

  @Option(
      names = "--wait",
      paramLabel = "MINUTES",
      description =
          "When a run is writing to the warehouse, wait up to MINUTES for it to finish (default:"
              + " stop at once with exit code 1).",
      defaultValue = "0")
  int waitMinutes;

  @Override
  public Integer call() {
    try (Spark spark = new Spark(common)) {
      WarehouseBackup.Result r =
          WarehouseBackup.run(
              spark.session,
              spark.warehouse,
              to,
              arguments(),
              Duration.ofMinutes(Math.max(0, waitMinutes)),
              Progress.toStderr());
      System.out.printf(
          "backed up run %s: %d tables, %,d files, %,d bytes into %s%n",
          r.runId(), r.tables(), r.files(), r.bytes(), to);
    }
    return 0;
  }

  /** The command's own arguments as given (paths: no personal data), for the lock file. */
  private List<String> arguments() {
    List<String> all = spec.commandLine().getParseResult().originalArgs();
    int at = all.indexOf(spec.name());
    return List.copyOf(at < 0 ? all : all.subList(at + 1, all.size()));
  }
}
