package org.daijiao.ingest.read;

/**
 * Character-level looks at CSV text that commons-csv does not give: which delimiter the header
 * uses, which physical line a character is on, and where a syntax error really starts (the parser
 * only says where it gave up — at the end of the file for a quote that is never closed).
 *
 * <p>Quote rules mirror commons-csv with RFC 4180: a quote opens a quoted field only as the first
 * character of a field; inside, a doubled quote is a literal quote.
 */
final class CsvScan {
  private static final char QUOTE = '"';
  private static final char[] DELIMITERS = {',', '\t', ';'};

  private CsvScan() {}

  /**
   * The delimiter of the header: the most frequent of comma, tab and semicolon outside quotes on
   * the first non-blank line that has any of them (a title line above the header may have none);
   * comma when no line does. Ties go to the earlier of comma, tab, semicolon.
   */
  static char detectDelimiter(String text) {
    int pos = 0;
    int linesLooked = 0;
    while (pos < text.length() && linesLooked < HeaderLayout.HEADER_SEARCH_ROWS) {
      int end = endOfLine(text, pos);
      String line = text.substring(pos, end);
      pos = skipLineBreak(text, end);
      if (line.isBlank()) {
        continue;
      }
      linesLooked++;
      int[] counts = new int[DELIMITERS.length];
      boolean quoted = false;
      for (int i = 0; i < line.length(); i++) {
        char c = line.charAt(i);
        if (c == QUOTE) {
          quoted = !quoted;
        } else if (!quoted) {
          for (int d = 0; d < DELIMITERS.length; d++) {
            counts[d] += c == DELIMITERS[d] ? 1 : 0;
          }
        }
      }
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

  private static int endOfLine(String text, int pos) {
    int i = pos;
    while (i < text.length() && text.charAt(i) != '\n' && text.charAt(i) != '\r') {
      i++;
    }
    return i;
  }

  private static int skipLineBreak(String text, int eol) {
    if (eol < text.length() && text.charAt(eol) == '\r') {
      eol++;
    }
    if (eol < text.length() && text.charAt(eol) == '\n') {
      eol++;
    }
    return eol;
  }

  /** A syntax error found by {@link #findSyntaxError}: its character position and explanation. */
  record SyntaxError(int position, String problem) {}

  /**
   * The first quoting error in the text, or {@code null}: a quoted field never closed (reported at
   * its opening quote), or text right after a closing quote.
   */
  static SyntaxError findSyntaxError(String text, char delimiter) {
    boolean fieldStart = true;
    int openedAt = -1;
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (openedAt >= 0) {
        if (c == QUOTE) {
          if (i + 1 < text.length() && text.charAt(i + 1) == QUOTE) {
            i += 2;
            continue;
          }
          int next = i + 1;
          if (next < text.length()) {
            char n = text.charAt(next);
            if (n != delimiter && n != '\n' && n != '\r') {
              return new SyntaxError(
                  next,
                  "text follows the closing quote of a quoted field; a quote inside a quoted"
                      + " field must be doubled (\"\"), or the field must not be quoted");
            }
          }
          openedAt = -1;
          fieldStart = false;
        }
      } else if (fieldStart && c == QUOTE) {
        openedAt = i;
      } else {
        fieldStart = c == delimiter || c == '\n' || c == '\r';
      }
      i++;
    }
    if (openedAt >= 0) {
      return new SyntaxError(
          openedAt,
          "a quoted field starts on this line and is never closed: the file is probably truncated"
              + " (export it again), or a quote is missing");
    }
    return null;
  }

  /**
   * Physical line numbers of character positions, asked in increasing order. Counts LF, CRLF and a
   * lone CR as one line break each, as editors do.
   */
  static final class LineTracker {
    private final String text;
    private int pos;
    private long line = 1;

    LineTracker(String text) {
      this.text = text;
    }

    long lineAt(long charPosition) {
      int target = (int) Math.min(charPosition, text.length());
      if (target < pos) {
        pos = 0;
        line = 1;
      }
      while (pos < target) {
        char c = text.charAt(pos);
        if (c == '\n'
            || (c == '\r' && (pos + 1 >= text.length() || text.charAt(pos + 1) != '\n'))) {
          line++;
        }
        pos++;
      }
      return line;
    }
  }
}
