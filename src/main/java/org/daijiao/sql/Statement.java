package org.daijiao.sql;

/**
 * One SQL statement of a script or a query: its place (1-based number in the script, the line it
 * starts on) and its text without the terminating semicolon.
 */
public record Statement(int number, int line, String text) {
  /**
   * Where it is, for messages: {@code statement 2 (line 5, DELETE)}. Only the first word of the
   * text is quoted: the rest may hold an ID number or a name.
   */
  public String where() {
    String first = text.strip().split("[\\s(]", 2)[0].toUpperCase(java.util.Locale.ROOT);
    return "statement " + number + " (line " + line + (first.isEmpty() ? "" : ", " + first) + ")";
  }
}
