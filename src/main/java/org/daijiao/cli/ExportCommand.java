package org.daijiao.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.daijiao.privacy.AnalystExport;
import org.daijiao.privacy.Pseudonyms;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Copies of the gold tables for people outside the data team (docs/privacy.md#analyst-export). */
@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    description = {
      "Writes pseudonymised copies of the gold tables for analysts.",
      "One CSV per table in --out, owner-only. id_number is replaced by a keyed pseudonym"
          + " (HMAC-SHA256 with the county secret from $"
          + Pseudonyms.KEY_ENV
          + " or the file named by $"
          + Pseudonyms.KEY_FILE_ENV
          + ") and names are dropped. The same person gets the same pseudonym in every run and"
          + " year. Pseudonymised is not anonymous (docs/privacy.md)."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  bin/daijiao export --for analysts --warehouse /srv/daijiao --out /srv/share/2022",
      "  bin/daijiao export --for analysts --out /srv/share/2022   # key: $"
          + Pseudonyms.KEY_FILE_ENV
    })
final class ExportCommand implements Callable<Integer> {
  /** Who the copies are for; analysts is the only audience so far. */
  enum Audience {
    analysts
  }

  @Mixin CommonOptions common;

  @Option(
      names = "--for",
      required = true,
      paramLabel = "AUDIENCE",
      description = "Who the copies are for: ${COMPLETION-CANDIDATES}.")
  Audience audience;

  @Option(
      names = "--out",
      required = true,
      paramLabel = "DIR",
      description = "Folder for the copies.")
  Path out;

  @Override
  public Integer call() {
    // Before Spark starts: a missing secret is the user's to fix, and should not cost a session.
    Pseudonyms pseudonyms = Pseudonyms.fromEnvironment(System.getenv());
    try (Spark spark = new Spark(common)) {
      List<AnalystExport.Written> written =
          AnalystExport.write(spark.session, spark.warehouse, pseudonyms, out);
      for (AnalystExport.Written w : written) {
        System.out.println(w.table() + " -> " + w.file() + " (" + w.rows() + " rows)");
      }
      if (written.isEmpty()) {
        System.out.println(
            "No gold table in " + common.warehouse + ": run `bin/daijiao run` first.");
      }
    }
    return 0;
  }
}
