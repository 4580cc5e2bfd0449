package org.daijiao.ops;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.daijiao.ingest.IngestJob;
import org.daijiao.resolve.ResolveJob;

/**
 * What a recorded run has learnt from its stages so far, for its record: the input files it read
 * (null when it read none) and the rows of each source, from ingestion and then resolution.
 * Immutable: each stage's result gives a new value.
 */
record RunFacts(List<RunRecord.InputFile> inputFiles, Map<String, RunRecord.SourceCounts> sources) {
  /** Nothing learnt yet. */
  static final RunFacts NONE = new RunFacts(null, Map.of());

  RunFacts {
    inputFiles = inputFiles == null ? null : List.copyOf(inputFiles);
    sources = Collections.unmodifiableMap(new LinkedHashMap<>(sources));
  }

  RunFacts withInputFiles(List<RunRecord.InputFile> files) {
    return new RunFacts(files, sources);
  }

  /** Rows read per source, from ingestion. */
  RunFacts withIngested(IngestJob.Result result) {
    Map<String, RunRecord.SourceCounts> counts = new LinkedHashMap<>();
    result
        .rowsRead()
        .forEach((s, n) -> counts.put(s, new RunRecord.SourceCounts(s, n, null, null)));
    return withSources(counts);
  }

  /** Rows read, accepted and rejected per source, from resolution. */
  RunFacts withResolved(ResolveJob.Result result) {
    Map<String, RunRecord.SourceCounts> counts = new LinkedHashMap<>();
    result
        .counts()
        .forEach(
            (s, c) ->
                counts.put(s, new RunRecord.SourceCounts(s, c.read(), c.accepted(), c.rejected())));
    return withSources(counts);
  }

  /** The counts of {@code counts}' sources replaced, the others kept, in their first order. */
  private RunFacts withSources(Map<String, RunRecord.SourceCounts> counts) {
    Map<String, RunRecord.SourceCounts> all = new LinkedHashMap<>(sources);
    all.putAll(counts);
    return new RunFacts(inputFiles, all);
  }

  /** The sources as the record lists them; null when no stage counted any. */
  List<RunRecord.SourceCounts> sourceList() {
    return sources.isEmpty() ? null : List.copyOf(sources.values());
  }
}
