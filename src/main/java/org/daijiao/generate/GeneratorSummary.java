package org.daijiao.generate;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a generation wrote: data rows and files per source folder, the number of roster persons, and
 * how many rows carry each kind of deliberate dirt (so a test or a benchmark knows what the
 * ingestion should reject or repair).
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
