package org.daijiao.ingest;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.daijiao.ingest.read.ExportReader;
import org.daijiao.ingest.read.InputFileException;
import org.daijiao.ingest.read.ParsedFile;
import org.daijiao.ingest.read.RawRecord;
import scala.collection.JavaConverters;

/**
 * Reads every export file on the executors (Spark's binaryFile source gives each file's bytes), detects its
 * encoding and format, maps its headers and emits one row per record with its exact line. A file that cannot
 * be read becomes one row carrying the error, so that the job can stop before any table changes.
 */
final class ReadExports {
  private ReadExports() {}

  static Dataset<Row> rawRows(SparkSession spark, List<InputFiles.InputFile> files) {
    if (files.isEmpty()) {
      return spark.createDataFrame(Collections.emptyList(), RawRowColumns.SCHEMA);
    }
    String[] paths = files.stream().map(InputFiles.InputFile::path).toArray(String[]::new);
    Dataset<Row> contents = spark.read().format("binaryFile").load(paths).select("path", "content");
    return contents.flatMap(
        (FlatMapFunction<Row, Row>) ReadExports::recordsOf, Encoders.row(RawRowColumns.SCHEMA));
  }

  /** One file's records, or a single error row. */
  static Iterator<Row> recordsOf(Row file) {
    String path = file.getString(0);
    byte[] content = (byte[]) file.get(1);
    String[] parts = path.split("/");
    String fileName = parts[parts.length - 1];
    String folder = parts.length > 1 ? parts[parts.length - 2] : "";
    String displayName = folder + "/" + fileName;
    Source source = Source.ofFolder(folder).orElseThrow();
    List<Row> rows = new ArrayList<>();
    try {
      ParsedFile parsed = ExportReader.read(displayName, content, source);
      for (RawRecord r : parsed.records()) {
        rows.add(
            RowFactory.create(
                source.folder(),
                displayName,
                r.line(),
                parsed.format(),
                scalaMap(r.values()),
                scalaMap(r.extras()),
                null));
      }
    } catch (InputFileException e) {
      rows.clear();
      rows.add(RowFactory.create(source.folder(), displayName, null, null, null, null, e.getMessage()));
    } catch (RuntimeException e) {
      // A reader bug must not lose the file silently: it stops the run like an unreadable file.
      rows.clear();
      rows.add(
          RowFactory.create(
              source.folder(),
              displayName,
              null,
              null,
              null,
              null,
              displayName + ": cannot be read (" + e.getClass().getSimpleName() + ")"));
    }
    return rows.iterator();
  }

  private static scala.collection.Map<String, String> scalaMap(Map<String, String> m) {
    return JavaConverters.mapAsScalaMapConverter(m == null ? Map.<String, String>of() : m).asScala();
  }
}
