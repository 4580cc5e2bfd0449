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

  /**
   * What a run says on stderr about the files it read: how many, how many bytes, which an earlier
   * run ingested with the same content, and which of its own have the same content.
   */
  static List<String> notes(List<RunRecord.InputFile> files) {
    List<String> notes = new ArrayList<>();
    long bytes = files.stream().mapToLong(RunRecord.InputFile::bytes).sum();
    List<RunRecord.InputFile> seen =
        files.stream().filter(f -> f.ingestedBeforeBy() != null).toList();
    notes.add(
        String.format(
            "%d input files, %,d bytes read and hashed: %d new or changed, %d as ingested before",
            files.size(), bytes, files.size() - seen.size(), seen.size()));
    if (!seen.isEmpty() && seen.size() == files.size()) {
      notes.add(
          "every input file has the content an earlier run ingested (the latest: run "
              + seen.stream()
                  .map(RunRecord.InputFile::ingestedBeforeBy)
                  .max(String::compareTo)
                  .get()
              + "); they are read again");
    } else {
      for (RunRecord.InputFile f : seen) {
        notes.add(
            f.file()
                + ": same content as ingested by run "
                + f.ingestedBeforeBy()
                + " (read again)");
      }
    }
    for (List<String> group : sameContent(files)) {
      notes.add(
          "warning: "
              + String.join(" and ", group)
              + " have the same content; both are read (a roster's periods merge, a repeated"
              + " payment is rejected as DUPLICATE_ROW) — remove the copy if it was sent twice");
    }
    return notes;
  }
}
