package org.daijiao.cli;

import java.util.concurrent.Callable;
import org.daijiao.ops.WarehouseRestore;
import org.daijiao.spark.Progress;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** A backup written back into a warehouse (docs/operations.md). */
@Command(
    name = "restore",
    mixinStandardHelpOptions = true,
    description = {
      "Restores a backup's tables into a warehouse, each file checked.",
      "Into a damaged warehouse or a new, empty one (--warehouse). Every file is checked"
          + " against daijiao-backup.json first; a damaged backup stops before anything changes."
          + " Each gold and ops table folder is replaced by the backup's, and the restore is"
          + " recorded in ops.runs: readers then see the backup's run. Run `bin/daijiao run`"
          + " afterwards to rebuild bronze, quality and silver."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  bin/daijiao restore --from /mnt/backup/2022-12-31 --warehouse /srv/daijiao",
      "  bin/daijiao restore --from /mnt/backup/2022-12-31 --warehouse /srv/daijiao-new"
    })
final class RestoreCommand implements Callable<Integer> {
  @Mixin CommonOptions common;
  @Mixin WriterOptions writer;

  @Option(
      names = "--from",
      required = true,
      paramLabel = "DIR",
      description = "The backup's folder.")
  String from;

  @Override
  public Integer call() {
    Progress progress = Progress.toStderr();
    try (Spark spark = new Spark(common)) {
      // Before the lock and the run's record: a damaged backup changes nothing.
      WarehouseRestore.Checked backup = WarehouseRestore.check(spark.session, from);
      progress.step("restore", "backup " + from + " checked: every file as the backup wrote it");
      WarehouseRestore.Result r =
          writer.record(
              spark,
              progress,
              run ->
                  WarehouseRestore.restore(
                      spark.session, spark.warehouse, backup, run.id(), progress));
      System.out.printf(
          "restored run %s: %d tables, %,d files, %,d bytes into %s; run `bin/daijiao run` to"
              + " rebuild bronze, quality and silver%n",
          r.runId(), r.tables(), r.files(), r.bytes(), spark.warehouse.root());
    }
    return 0;
  }
}
