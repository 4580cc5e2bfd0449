package org.daijiao.ingest.read;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits CSV text into records by RFC 4180 (a quoted field may hold delimiters and line breaks; a
 * doubled quote inside it is one quote; a quote inside an unquoted field is kept as text) and tells
 * the physical line each record starts on — LF, CRLF and a lone CR each end one line, as in an
 * editor.
 *
 * <p>Not commons-csv (1.10.0 is on the class path and writes the csv of {@code sql} and of the
 * analyst export): what this reader promises is the department's view of the file — the line a text
 * editor shows for every record, a refusal that names the line where an unclosed quote opened, a
 * stray quote kept as text — and it keeps that in one small class rather than reconstructing it
 * from another parser's counters.
 *
 * <p>Works on the decoded String without copying it; a cell is a substring of it, or a new String
 * when it was quoted. Not thread-safe: one tokenizer per file.
 */
final class CsvTokenizer {
  private static final char QUOTE = '"';
  private static final char[] DELIMITERS = {',', '\t', ';'};

  private final String file;
  private final String text;
  private final char delimiter;
  private int pos;
  private long line = 1;
  private long recordLine;

  CsvTokenizer(String file, String text, char delimiter) {
    this.file = file;
    this.text = text;
    this.delimiter = delimiter;
  }

  /** The line the record last returned by {@link #next} starts on. */
  long recordLine() {
    return recordLine;
  }

  /**
   * The next record's cells, or {@code null} at the end of the text. An empty line is a record of
   * one empty cell.
   *
   * @throws InputFileException for a quoted field that is never closed (at the line of its opening
   *     quote) or text after a closing quote
   */
  List<String> next() {
    if (pos >= text.length()) {
      return null;
    }
    recordLine = line;
    List<String> cells = new ArrayList<>();
    while (true) {
      cells.add(pos < text.length() && text.charAt(pos) == QUOTE ? quoted() : unquoted());
      if (pos >= text.length()) {
        return cells;
      }
      char c = text.charAt(pos++);
      if (c != delimiter) {
        // A line break ends the record.
        if (c == '\r' && pos < text.length() && text.charAt(pos) == '\n') {
          pos++;
        }
        line++;
        return cells;
      }
    }
  }

  private String unquoted() {
    int start = pos;
    while (pos < text.length()) {
      char c = text.charAt(pos);
      if (c == delimiter || c == '\n' || c == '\r') {
        break;
      }
      pos++;
    }
    return text.substring(start, pos);
  }

  private String quoted() {
    long openedOn = line;
    pos++;
    StringBuilder sb = new StringBuilder();
    while (true) {
      if (pos >= text.length()) {
        throw new InputFileException(
            file,
            openedOn,
            null,
            "a quoted field starts on this line and is never closed: the file is probably"
                + " truncated (export it again), or a closing quote is missing");
      }
      char c = text.charAt(pos++);
      if (c == QUOTE) {
        if (pos < text.length() && text.charAt(pos) == QUOTE) {
          sb.append(QUOTE);
          pos++;
          continue;
        }
        if (pos < text.length()) {
          char n = text.charAt(pos);
          if (n != delimiter && n != '\n' && n != '\r') {
            throw new InputFileException(
                file,
                line,
                null,
                "text follows the closing quote of a quoted field; a quote inside a quoted field"
                    + " must be doubled (\"\"), or the field must not be quoted");
          }
        }
        return sb.toString();
      }
      if (c == '\n' || (c == '\r' && (pos >= text.length() || text.charAt(pos) != '\n'))) {
        line++;
      }
      sb.append(c);
    }
  }

  /**
   * The delimiter of the header: the most frequent of comma, tab and semicolon outside quotes on
   * the first non-blank line that has any of them (a title line above the header may have none);
   * comma when no line does. Ties go to the earlier of comma, tab, semicolon.
   */
  static char detectDelimiter(String text) {
    int start = 0;
    int linesLooked = 0;
    while (start < text.length() && linesLooked < HeaderLayout.HEADER_SEARCH_ROWS) {
      int end = start;
      while (end < text.length() && text.charAt(end) != '\n' && text.charAt(end) != '\r') {
        end++;
      }
      boolean blank = text.substring(start, end).isBlank();
      int[] counts = countOutsideQuotes(text, start, end);
      start = end + 1;
      if (blank) {
        continue;
      }
      linesLooked++;
      int best = 0;
      for (int d = 1; d < DELIMITERS.length; d++) {
        best = counts[d] > counts[best] ? d : best;
      }
      if (counts[best] > 0) {
        return DELIMITERS[best];
      }
    }
    return ',';
  }

  private static int[] countOutsideQuotes(String text, int start, int end) {
    int[] counts = new int[DELIMITERS.length];
    boolean quoted = false;
    for (int i = start; i < end; i++) {
      char c = text.charAt(i);
      if (c == QUOTE) {
        quoted = !quoted;
      } else if (!quoted) {
        for (int d = 0; d < DELIMITERS.length; d++) {
          counts[d] += c == DELIMITERS[d] ? 1 : 0;
        }
      }
    }
    return counts;
  }
}
