package org.daijiao.ops;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.daijiao.ingest.IngestedFile;

/**
 * The size and SHA-256 of every export file a run ingested, so that the run record says exactly
 * which bytes produced a ledger, and a file already ingested (same content) is recognised. The
 * hashes are those of the bytes ingestion parsed ({@link IngestedFile}), from its one read.
 */
public final class InputFingerprints {
  private InputFingerprints() {}

  /**
   * Every ingested file, marked with the latest earlier run that ingested the same content ({@code
   * seen}: content hash → run).
   */
  public static List<RunRecord.InputFile> of(List<IngestedFile> read, Map<String, RunRecord> seen) {
    List<RunRecord.InputFile> out = new ArrayList<>();
    for (IngestedFile f : read) {
      RunRecord before = seen.get(f.sha256());
      out.add(
          new RunRecord.InputFile(
              f.source(), f.file(), f.bytes(), f.sha256(), before == null ? null : before.runId()));
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
