package org.daijiao.cli;

import java.nio.file.Path;
import org.daijiao.repair.AcceptedRepairs;
import picocli.CommandLine.Option;

/**
 * {@code --accept-repairs FILE} of {@code run} and {@code resolve} (docs/operations.md, "ID
 * repair").
 */
final class RepairOptions {
  @Option(
      names = "--accept-repairs",
      paramLabel = "FILE",
      description =
          "CSV of confirmed ID repairs: rows of quality.id_repair_candidates (columns source,"
              + " source_file, line, candidate_id_number). Each named roster row is read with its"
              + " candidate. A row that names no rejected row or not one of its candidates stops"
              + " the run before any table changes. Without it, candidates are only proposed.")
  Path acceptRepairs;

  /** The confirmed repairs, read and checked before Spark starts; none without the option. */
  AcceptedRepairs accepted() {
    return acceptRepairs == null ? AcceptedRepairs.NONE : AcceptedRepairs.read(acceptRepairs);
  }
}
