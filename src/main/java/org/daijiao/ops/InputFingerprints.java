package org.daijiao.ops;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;
import org.daijiao.ingest.InputFiles;
import org.daijiao.spark.SparkSessions;

/**
 * The size and SHA-256 of every export file a run ingests, so that the run record says exactly
 * which bytes produced a ledger, and a file already ingested (same content) is recognised. The
 * files are the ones ingestion lists ({@link InputFiles#list}); hashing reads each once more, on
 * the driver, as a stream (nothing is kept in memory).
 */
public final class InputFingerprints {
  private InputFingerprints() {}

  /**
   * Every input file with its hash, marked with the latest earlier run that ingested the same
   * content ({@code seen}: content hash → run).
   */
  public static List<RunRecord.InputFile> of(
      SparkSession spark, String inputDir, Map<String, RunRecord> seen) {
    List<RunRecord.InputFile> out = new ArrayList<>();
    byte[] buffer = new byte[1 << 16];
    for (InputFiles.InputFile f : InputFiles.list(spark, inputDir)) {
      Path path = new Path(f.path());
      try {
        FileSystem fs = SparkSessions.fileSystem(spark, path);
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        long bytes = 0;
        try (InputStream in = fs.open(path)) {
          for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
            sha.update(buffer, 0, n);
            bytes += n;
          }
        }
        String hash = HexFormat.of().formatHex(sha.digest());
        RunRecord before = seen.get(hash);
        out.add(
            new RunRecord.InputFile(
                f.source().folder(),
                f.displayName(),
                bytes,
                hash,
                before == null ? null : before.runId()));
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot read input file " + f.displayName(), e);
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException("every Java has SHA-256", e);
      }
    }
    return out;
  }

  /** Groups of files of one run that have the same content (each group two or more files). */
  public static List<List<String>> sameContent(List<RunRecord.InputFile> files) {
    Map<String, List<String>> byHash = new LinkedHashMap<>();
    for (RunRecord.InputFile f : files) {
      byHash.computeIfAbsent(f.sha256(), h -> new ArrayList<>()).add(f.file());
    }
    return byHash.values().stream().filter(g -> g.size() > 1).toList();
  }
}
