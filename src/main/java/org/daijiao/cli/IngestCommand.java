package org.daijiao.cli;

import java.util.concurrent.Callable;
import org.daijiao.ingest.IngestJob;
import org.daijiao.spark.Progress;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Stage 1: the export files into bronze tables. */
@Command(
    name = "ingest",
    mixinStandardHelpOptions = true,
    description = {
      "Read every export file of <input>/<source>/ into bronze.<source>, with lineage.",
      "A file that cannot be decoded or lacks a required column stops the run before any table changes."
    })
final class IngestCommand implements Callable<Integer> {
  @Mixin CommonOptions common;
  @Mixin WriterOptions writer;

  @Option(
      names = "--input",
      paramLabel = "DIR",
      description =
          "Input directory with one folder per source (default: the bundled sample county).")
  String input;

  @Override
  public Integer call() {
    String inputDir = input != null ? input : Defaults.sampleInput();
    try (Spark spark = new Spark(common)) {
      spark.sizeForInput(inputDir);
      IngestJob.Result r =
          writer.record(
              spark,
              Progress.toStderr(),
              run -> {
                run.inputs(inputDir);
                IngestJob.Result ingest =
                    new IngestJob(spark.ingestContext(), inputDir, run.id()).run();
                run.ingested(ingest);
                return ingest;
              });
      r.rowsRead()
          .forEach(
              (s, n) -> System.out.printf("%-21s %3d files %,10d rows%n", s, r.files().get(s), n));
    }
    return 0;
  }
}
