package org.daijiao.cli;

import java.util.concurrent.Callable;
import org.daijiao.ingest.IngestJob;
import org.daijiao.pipeline.Pipeline;
import org.daijiao.pipeline.Pipeline.Stage;
import org.daijiao.spark.Progress;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Stage 1: the export files into bronze tables. */
@Command(
    name = "ingest",
    mixinStandardHelpOptions = true,
    description = {
      "Reads every export file into bronze, one table per source.",
      "Each file of <input>/<source>/ becomes rows of bronze.<source> with its file and"
          + " line. A file that cannot be decoded or lacks a required column stops the run before"
          + " any table changes, naming the file, the line and the fix (docs/inputs.md)."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  bin/daijiao ingest --input /data/2022-12 --warehouse /srv/daijiao",
      "  bin/daijiao ingest --input /data/2022-12 --warehouse /srv/daijiao --wait 30"
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
      Progress progress = Progress.toStderr();
      IngestJob.Result r =
          writer.record(
              spark,
              progress,
              run ->
                  Pipeline.with(spark.ingestContext(progress))
                      .input(inputDir, run.id())
                      .observer(run.observer(inputDir))
                      .run(Stage.INGEST, Stage.INGEST)
                      .ingest());
      r.rowsRead()
          .forEach(
              (s, n) -> System.out.printf("%-21s %3d files %,10d rows%n", s, r.files().get(s), n));
    }
    return 0;
  }
}
