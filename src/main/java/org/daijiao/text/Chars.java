package org.daijiao.text;

/**
 * Character folding shared by the cell parsers and name normalisation: what Chinese input methods
 * and office exports put in place of plain ASCII (full-width forms, U+3000 and U+00A0 spaces,
 * zero-width marks).
 */
public final class Chars {
  private Chars() {}

  /** A full-width ASCII variant (U+FF01–U+FF5E) or the ideographic space folded to ASCII. */
  public static char toHalfWidth(char c) {
    if (c >= '\uFF01' && c <= '\uFF5E') {
      return (char) (c - 0xFEE0);
    }
    return c == '\u3000' ? ' ' : c;
  }

  /**
   * Any kind of space, including the no-break spaces that {@link Character#isWhitespace} misses and
   * the zero-width space and byte-order mark that spreadsheets leave behind.
   */
  public static boolean isSpace(char c) {
    return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\u200B' || c == '\uFEFF';
  }

  /**
   * The text of a cell trimmed of every kind of space ({@link #isSpace}), null when null or blank:
   * web exports end cells with a no-break space (U+00A0), which {@link String#strip} keeps, and the
   * vocabularies match "ignoring surrounding white space" (policy file). Nothing inside is changed.
   */
  public static String trimmed(Object cell) {
    if (cell == null) {
      return null;
    }
    String s = cell.toString();
    int start = 0;
    int end = s.length();
    while (start < end && isSpace(s.charAt(start))) {
      start++;
    }
    while (end > start && isSpace(s.charAt(end - 1))) {
      end--;
    }
    return start == end ? null : s.substring(start, end);
  }

  /**
   * Folds full-width characters to ASCII, turns every space into an ASCII space and trims. Returns
   * null for null or blank input.
   */
  public static String foldAndTrim(String raw) {
    if (raw == null) {
      return null;
    }
    StringBuilder out = new StringBuilder(raw.length());
    for (int i = 0; i < raw.length(); i++) {
      char c = toHalfWidth(raw.charAt(i));
      out.append(isSpace(c) ? ' ' : c);
    }
    String folded = out.toString().trim();
    return folded.isEmpty() ? null : folded;
  }
}
