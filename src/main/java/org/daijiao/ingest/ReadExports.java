package org.daijiao.ingest;

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
import org.daijiao.ingest.read.RawRecord;
import org.daijiao.ingest.read.RecordStream;
import scala.collection.JavaConverters;

/**
 * Reads every export file on the executors (Spark's binaryFile source gives each file's bytes),
 * detects its encoding and format, maps its headers and emits one row per record with its exact
 * line. A file that cannot be read becomes one row carrying the error, so that the job can stop
 * before any table changes.
 */
final class ReadExports {
  private ReadExports() {}

  static Dataset<Row> rawRows(SparkSession spark, List<InputFiles.InputFile> files) {
    if (files.isEmpty()) {
      return spark.createDataFrame(Collections.emptyList(), RawRowColumns.SCHEMA);
    }
    String[] paths = files.stream().map(f -> literalPath(f.path())).toArray(String[]::new);
    Dataset<Row> contents =
        spark
            .read()
            .format("binaryFile")
            .load(paths)
            .select(RawRowColumns.BINARY_PATH, RawRowColumns.BINARY_CONTENT);
    return contents.flatMap(
        (FlatMapFunction<Row, Row>) ReadExports::recordsOf, Encoders.row(RawRowColumns.SCHEMA));
  }

  /**
   * Spark expands glob characters in the paths it loads: a department's {@code 名册[1].csv} would be
   * looked for as {@code 名册1.csv} and the run would fail with "path does not exist". The listed
   * files are exact names, so their glob characters are escaped (Hadoop glob syntax).
   */
  static String literalPath(String path) {
    return path.replaceAll("([\\\\{}\\[\\]*?])", "\\\\$1");
  }

  /**
   * One file's records, read lazily so that a large file is never held whole; a file that cannot be
   * read (at its header or anywhere later) ends with one error row, which stops the run.
   */
  static Iterator<Row> recordsOf(Row file) {
    String path = file.getString(0);
    byte[] content = (byte[]) file.get(1);
    String sha256 = sha256(content);
    String[] parts = path.split("/");
    String folder = parts.length > 1 ? parts[parts.length - 2] : "";
    String displayName = folder + "/" + parts[parts.length - 1];
    Source source = Source.ofFolder(folder).orElseThrow();
    RecordStream stream;
    try {
      stream = ExportReader.stream(displayName, content, source);
    } catch (RuntimeException e) {
      return List.of(errorRow(source, displayName, e)).iterator();
    }
    return new Iterator<>() {
      private boolean done;
      private long records;
      private Row pending;

      @Override
      public boolean hasNext() {
        if (pending != null) {
          return true;
        }
        if (done) {
          return false;
        }
        try {
          if (stream.hasNext()) {
            return true;
          }
          // The whole file was read: its summary row ends it.
          pending =
              RowFactory.create(
                  source.folder(),
                  displayName,
                  null,
                  null,
                  null,
                  null,
                  null,
                  (long) content.length,
                  sha256,
                  records);
        } catch (RuntimeException e) {
          pending = errorRow(source, displayName, e);
        }
        done = true;
        return true;
      }

      @Override
      public Row next() {
        if (!hasNext()) {
          throw new java.util.NoSuchElementException();
        }
        if (pending != null) {
          Row r = pending;
          pending = null;
          return r;
        }
        try {
          RawRecord r = stream.next();
          records++;
          return RowFactory.create(
              source.folder(),
              displayName,
              r.line(),
              stream.format(),
              scalaMap(r.values()),
              scalaMap(r.extras()),
              null,
              null,
              null,
              null);
        } catch (RuntimeException e) {
          done = true;
          return errorRow(source, displayName, e);
        }
      }
    };
  }

  /** The SHA-256 of the bytes the reader parses, in hex. */
  static String sha256(byte[] content) {
    return org.daijiao.text.Sha256.hex(content);
  }

  private static Row errorRow(Source source, String displayName, RuntimeException e) {
    // A reader bug must not lose the file silently: it stops the run like an unreadable file.
    String message =
        e instanceof InputFileException
            ? e.getMessage()
            : displayName + ": cannot be read (" + e.getClass().getSimpleName() + ")";
    return RowFactory.create(
        source.folder(), displayName, null, null, null, null, message, null, null, null);
  }

  private static scala.collection.Map<String, String> scalaMap(Map<String, String> m) {
    return JavaConverters.mapAsScalaMapConverter(m == null ? Map.<String, String>of() : m)
        .asScala();
  }
}
