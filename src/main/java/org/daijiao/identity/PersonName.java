package org.daijiao.identity;

import org.daijiao.text.Chars;

/**
 * Name normalisation (docs/rules.md#one-person-per-id), so that the same person typed by two
 * departments compares equal when the identity conflicts of {@code quality.identity_conflicts} are
 * found: trim; drop white space between two Han characters ({@code 张 三} → {@code 张三}) and around
 * the name dot; fold any other run of white space to one space; full-width → half-width; unify the
 * separator dot of minority names ({@code 阿依古丽•买买提}, {@code 阿依古丽・买买提}) to U+00B7 {@code ·}.
 */
public final class PersonName {
  /** The name dot as the Ministry of Public Security registers it (间隔号 U+00B7). */
  public static final char NAME_DOT = '\u00B7';

  private PersonName() {}

  /** The normalised name, or null when {@code raw} is null or blank. */
  public static String normalize(String raw) {
    if (raw == null) {
      return null;
    }
    StringBuilder out = new StringBuilder(raw.length());
    int last = -1;
    boolean pendingSpace = false;
    for (int i = 0; i < raw.length(); ) {
      int c = raw.codePointAt(i);
      i += Character.charCount(c);
      if (Character.isBmpCodePoint(c)) {
        c = Chars.toHalfWidth((char) c);
        if (Chars.isSpace((char) c)) {
          pendingSpace = last >= 0;
          continue;
        }
        if (isNameDot((char) c)) {
          c = NAME_DOT;
        }
      }
      if (pendingSpace && !joinsWithoutSpace(last, c)) {
        out.append(' ');
      }
      pendingSpace = false;
      out.appendCodePoint(c);
      last = c;
    }
    return out.length() == 0 ? null : out.toString();
  }

  /**
   * Han characters (also the rare ones outside the BMP, 生僻字) touch; the name dot takes no space.
   */
  private static boolean joinsWithoutSpace(int before, int after) {
    return (isHan(before) && isHan(after)) || before == NAME_DOT || after == NAME_DOT;
  }

  private static boolean isHan(int codePoint) {
    return Character.UnicodeScript.of(codePoint) == Character.UnicodeScript.HAN;
  }

  /**
   * The dots that input methods and fonts offer for 间隔号: middle dot, Greek ano teleia, bullet,
   * hyphenation point, one-dot leader, bullet and dot operators, word-separator middle dot,
   * katakana middle dot (full and half width), Latin sinological dot. Full stops ({@code .}, {@code
   * 。}) are not dots of a name and stay as typed.
   */
  private static boolean isNameDot(char c) {
    switch (c) {
      case '\u00B7':
      case '\u0387':
      case '\u2022':
      case '\u2024':
      case '\u2027':
      case '\u2219':
      case '\u22C5':
      case '\u2E31':
      case '\u30FB':
      case '\uFF65':
      case '\uA78F':
        return true;
      default:
        return false;
    }
  }
}
