package org.daijiao.generate;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a generation wrote: data rows and files per source folder, the number of roster persons, and
 * how many rows carry each kind of deliberate dirt (so a test or a benchmark knows what the
 * ingestion should reject or repair).
 *
 * <p>Maps are keyed by source folder ({@code civil_affairs} …, in {@link org.daijiao.ingest.Source}
 * order, every source present) and by {@link DirtKind#key()} (only the kinds that occurred). A
 * dirty count is the number of rows that received that kind when generated; the copy of an exact
 * duplicate row counts only as {@code exact_duplicate_row}.
 */
public record GeneratorSummary(
    Map<String, Integer> rowsPerSource,
    Map<String, Integer> filesPerSource,
    int rosterPersons,
    Map<String, Integer> dirtyRows) {
  public GeneratorSummary {
    rowsPerSource = Collections.unmodifiableMap(new LinkedHashMap<>(rowsPerSource));
    filesPerSource = Collections.unmodifiableMap(new LinkedHashMap<>(filesPerSource));
    dirtyRows = Collections.unmodifiableMap(new LinkedHashMap<>(dirtyRows));
  }
}
