package org.daijiao.ingest.read;

import org.daijiao.UserFacingException;

/**
 * A department export that cannot be read as it is (docs/inputs.md#required-columns: "a file that
 * lacks a required column, or cannot be decoded, stops the run before any table changes, with a
 * message that names the file and the problem"). The message names the file, the line (when there
 * is one), the column (when there is one), what is wrong and how the department can fix the file.
 * It never quotes a cell value, so no ID number or name can leak into a log.
 */
public final class InputFileException extends UserFacingException {
  private final String file;
  private final long line;
  private final String column;

  /**
   * @param file the file name as given to the reader
   * @param line 1-based physical line (CSV) or row (XLSX); 0 when the problem is the whole file
   * @param column the canonical column concerned, or {@code null}
   * @param problem what is wrong and how to fix it, without any cell value
   */
  public InputFileException(String file, long line, String column, String problem) {
    this(file, line, column, problem, null);
  }

  public InputFileException(
      String file, long line, String column, String problem, Throwable cause) {
    super(Code.INPUT, format(file, line, problem), cause);
    this.file = file;
    this.line = line;
    this.column = column;
  }

  private static String format(String file, long line, String problem) {
    return file + (line > 0 ? ": line " + line : "") + ": " + problem;
  }

  public String file() {
    return file;
  }

  /** 1-based line or row, 0 when the problem concerns the whole file. */
  public long line() {
    return line;
  }

  /** The canonical column concerned, or {@code null}. */
  public String column() {
    return column;
  }
}
