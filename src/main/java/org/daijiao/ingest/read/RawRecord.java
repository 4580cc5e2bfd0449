package org.daijiao.ingest.read;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One data row of a department export, before any parsing of its values.
 *
 * @param line 1-based physical line where the record starts (CSV; a quoted field may carry the
 *     record over several lines) or 1-based row number in the sheet (XLSX) — what a clerk sees in a
 *     text editor or in Excel's row header
 * @param values canonical column name → raw cell text exactly as in the file, {@code null} when the
 *     file lacks the column or the cell is empty; every canonical column of the source is a key
 * @param extras columns the source does not know, header → raw text, in header order; cells without
 *     a header (beyond the last header, or under an empty header) are kept as {@code _col<N>} (N =
 *     1-based column position) when they are not empty
 */
public record RawRecord(long line, Map<String, String> values, Map<String, String> extras) {
  public RawRecord {
    values = immutable(values);
    extras = immutable(extras);
  }

  /** Map.copyOf rejects null values, and null is the documented "empty" here. */
  private static Map<String, String> immutable(Map<String, String> m) {
    return m instanceof ColumnMap ? m : Collections.unmodifiableMap(new LinkedHashMap<>(m));
  }
}
