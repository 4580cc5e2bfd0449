package org.daijiao.generate;

import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a monthly generation wrote (docs/inputs.md#monthly-snapshots): per month end, the data rows
 * per source folder and how many changes of each kind had happened by then; the files per source
 * folder (the same in every month) and the dirt of the generated rows, as in {@link
 * GeneratorSummary}.
 */
public record MonthlySummary(
    int rosterPersons,
    Map<String, Integer> filesPerSource,
    List<Month> months,
    Map<String, Integer> dirtyRows) {
  /**
   * One month's folder.
   *
   * @param changesSoFar events of the year on or before {@code asOf}, by kind: {@code enrolled},
   *     {@code receiving}, {@code id_fixed}, {@code moved}
   */
  public record Month(
      LocalDate asOf, Map<String, Integer> rowsPerSource, Map<String, Integer> changesSoFar) {
    public Month {
      rowsPerSource = Collections.unmodifiableMap(new LinkedHashMap<>(rowsPerSource));
      changesSoFar = Collections.unmodifiableMap(new LinkedHashMap<>(changesSoFar));
    }
  }

  public MonthlySummary {
    filesPerSource = Collections.unmodifiableMap(new LinkedHashMap<>(filesPerSource));
    months = List.copyOf(months);
    dirtyRows = Collections.unmodifiableMap(new LinkedHashMap<>(dirtyRows));
  }
}
