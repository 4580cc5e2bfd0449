package org.daijiao.generate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * One exported row over the policy year: its cells as exported at the year's end, the first day an
 * export holds it, and what changed cells read before they changed
 * (docs/inputs.md#monthly-snapshots).
 *
 * @param shownFrom null for a row held since before the year
 * @param changes at most one per column
 */
record DatedRow(List<Object> cells, LocalDate shownFrom, List<Change> changes) {
  /** Before {@code from}, cell {@code column} read {@code before}. */
  record Change(int column, LocalDate from, Object before) {}

  DatedRow {
    cells = List.copyOf(cells);
    changes = List.copyOf(changes);
  }

  /** True when an export on {@code day} holds the row. */
  boolean shownOn(LocalDate day) {
    return shownFrom == null || !shownFrom.isAfter(day);
  }

  /** The cells as an export on {@code day} shows them. */
  List<Object> cellsOn(LocalDate day) {
    List<Object> on = null;
    for (Change c : changes) {
      if (day.isBefore(c.from())) {
        if (on == null) {
          on = new ArrayList<>(cells);
        }
        on.set(c.column(), c.before());
      }
    }
    return on == null ? cells : on;
  }
}
