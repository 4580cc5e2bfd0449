package org.daijiao.cli;

import java.nio.file.Path;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.daijiao.ingest.Source;
import org.daijiao.repair.AcceptedRepairs;
import org.daijiao.repair.IdRepairs;
import org.daijiao.spark.JobContext;
import picocli.CommandLine.Option;

/** {@code --accept-repairs FILE} of {@code run} and {@code resolve} (issue 12). */
final class RepairOptions {
  @Option(
      names = "--accept-repairs",
      paramLabel = "FILE",
      description = {
        "CSV of confirmed ID repairs: rows of quality.id_repair_candidates (columns source,",
        "source_file, line, candidate_id_number). Each named roster row is read with its",
        "candidate. A row that names no rejected row or not one of its candidates stops the",
        "run before any table changes. Without it, candidates are only proposed."
      })
  Path acceptRepairs;

  /** The confirmed repairs, read and checked before Spark starts; none without the option. */
  AcceptedRepairs accepted() {
    return acceptRepairs == null ? AcceptedRepairs.NONE : AcceptedRepairs.read(acceptRepairs);
  }

  /** For {@code run}: the check of the file against the exports, before ingestion writes. */
  static Consumer<Map<Source, Dataset<Row>>> checkBeforeWriting(
      JobContext context, AcceptedRepairs repairs) {
    return bronze ->
        IdRepairs.check(context.session(), bronze, context.policy(), context.asOf(), repairs);
  }
}
