package org.daijiao.generate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** One export file over the policy year: each of its rows dated ({@link YearEvents}). */
record DatedExport(ExportFile file, List<DatedRow> rows) {
  DatedExport {
    rows = List.copyOf(rows);
  }

  /**
   * The file as the department would have exported it on {@code day}: the rows it held then, with
   * the cells they had then.
   */
  ExportFile on(LocalDate day) {
    List<List<Object>> cells = new ArrayList<>();
    for (DatedRow r : rows) {
      if (r.shownOn(day)) {
        cells.add(r.cellsOn(day));
      }
    }
    return file.withRows(cells, List.of());
  }
}
