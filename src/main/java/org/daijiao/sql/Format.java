package org.daijiao.sql;

/**
 * How {@code daijiao sql} prints results. Lower-case, as the option is typed ({@code --format
 * csv}).
 */
public enum Format {
  /** Aligned text for people, at most {@code --limit} rows. */
  table,
  /** A header row, then RFC 4180 rows; a blank line between the result sets of a script. */
  csv,
  /** One JSON object per row; a script prints one JSON document per result set and line. */
  json
}
