package org.daijiao.cli;

import java.util.concurrent.Callable;
import org.daijiao.ops.FinishedRunManifests;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * Writes the last finished run's manifests and DuckDB views again (docs/analysts.md, "Without
 * Spark"): every run that finishes writes them itself.
 */
@Command(
    name = "duckdb-views",
    mixinStandardHelpOptions = true,
    description = {
      "Writes again the DuckDB views of the last finished run.",
      "Every table's Delta manifest (<table>/_symlink_format_manifest/manifest) and the"
          + " DuckDB views over them (_daijiao/duckdb-views.sql). Every run that finishes writes"
          + " them itself; this is for a warehouse written before they existed, or after their"
          + " files were lost. Changes no table."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  bin/daijiao duckdb-views                         # ./warehouse",
      "  bin/daijiao duckdb-views --warehouse /srv/daijiao"
    })
final class DuckdbViewsCommand implements Callable<Integer> {
  @Mixin CommonOptions common;

  @Override
  public Integer call() {
    try (Spark spark = new Spark(common)) {
      long start = System.nanoTime();
      FinishedRunManifests.Written w = FinishedRunManifests.rewrite(spark.session, spark.warehouse);
      System.out.printf(
          "run %s: manifests of %d tables (%,d data files) and their DuckDB views in %s (%.1f s)%n",
          w.runId(), w.tables(), w.files(), w.viewsFile(), (System.nanoTime() - start) / 1e9);
    }
    return 0;
  }
}
