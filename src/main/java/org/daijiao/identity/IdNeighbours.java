package org.daijiao.identity;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The valid ID numbers one typing error away from an exported one that failed validation (issue
 * 12), found from the structure of GB 11643 rather than a string distance: each neighbour must have
 * 17 digits, a calendar birth date inside the accepted range and the right check character. That
 * filter leaves a few per exported number out of the 150–200 strings tried, so that they can be
 * matched to the IDs the other sources know by equality.
 *
 * <ul>
 *   <li>18 characters (check character or birth date wrong): one of the first 17 digits
 *       substituted, two adjacent characters swapped, or only the check character wrong;
 *   <li>17 characters (one missing): every character inserted at every place;
 *   <li>19 characters (one doubled or added): every character removed;
 *   <li>15 digits (an old number whose birth date is wrong): one digit substituted or two swapped,
 *       then upgraded to 18 (the upgrade computes the check character).
 * </ul>
 */
public final class IdNeighbours {
  /** A valid ID number and the typing error that would have turned it into the exported one. */
  public record Neighbour(String id, IdEdit edit) {}

  private static final String DIGITS = "0123456789";
  private static final String CHARACTERS = "0123456789X";

  private IdNeighbours() {}

  /**
   * True when {@link #of} looks for neighbours of this exported value: 15 digits, 18 characters (17
   * digits and a check character), or 17 or 19 characters of digits with a last character 0-9 or X,
   * after {@link IdNumber#clean} (spaces, full width, lower-case x).
   */
  public static boolean searchable(String raw) {
    String s = IdNumber.clean(raw);
    return s != null && s.matches("[0-9]{15}|[0-9]{16,18}[0-9X]");
  }

  /**
   * The valid neighbours of an exported ID number, each once (the first edit found names it), with
   * birth dates in {@code [minBirth, maxBirth]} (either may be null: open). Empty when the value is
   * not {@link #searchable} or is itself valid.
   */
  public static List<Neighbour> of(String raw, LocalDate minBirth, LocalDate maxBirth) {
    if (!searchable(raw) || IdNumber.parse(raw, minBirth, maxBirth).valid()) {
      return List.of();
    }
    String s = IdNumber.clean(raw);
    Map<String, IdEdit> found = new LinkedHashMap<>();
    switch (s.length()) {
      case 15 -> {
        for (String t : substitutions(s, s.length())) {
          add(found, IdNumber.upgrade15(t), IdEdit.SUBSTITUTION, minBirth, maxBirth);
        }
        for (String t : transpositions(s)) {
          add(found, IdNumber.upgrade15(t), IdEdit.TRANSPOSITION, minBirth, maxBirth);
        }
      }
      case 18 -> {
        if (allDigits(s, 17)) {
          String first17 = s.substring(0, 17);
          add(
              found,
              first17 + IdNumber.checkCharacter(first17),
              IdEdit.CHECK_CHARACTER,
              minBirth,
              maxBirth);
        }
        for (String t : substitutions(s, 17)) {
          add(found, t, IdEdit.SUBSTITUTION, minBirth, maxBirth);
        }
        for (String t : transpositions(s)) {
          add(found, t, IdEdit.TRANSPOSITION, minBirth, maxBirth);
        }
      }
      case 17 -> {
        for (int at = 0; at <= s.length(); at++) {
          for (char c : CHARACTERS.toCharArray()) {
            add(
                found,
                s.substring(0, at) + c + s.substring(at),
                IdEdit.DELETION,
                minBirth,
                maxBirth);
          }
        }
      }
      case 19 -> {
        for (int at = 0; at < s.length(); at++) {
          add(
              found,
              s.substring(0, at) + s.substring(at + 1),
              IdEdit.INSERTION,
              minBirth,
              maxBirth);
        }
      }
      default -> {
        // searchable() admits no other length
      }
    }
    List<Neighbour> out = new ArrayList<>();
    found.forEach((id, edit) -> out.add(new Neighbour(id, edit)));
    return out;
  }

  /** Every string with one of the first {@code n} digits replaced by another digit. */
  private static List<String> substitutions(String s, int n) {
    List<String> out = new ArrayList<>();
    char[] c = s.toCharArray();
    for (int i = 0; i < n; i++) {
      char original = c[i];
      for (char d : DIGITS.toCharArray()) {
        if (d != original) {
          c[i] = d;
          out.add(new String(c));
        }
      }
      c[i] = original;
    }
    return out;
  }

  /** Every string with two different adjacent characters swapped. */
  private static List<String> transpositions(String s) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i + 1 < s.length(); i++) {
      if (s.charAt(i) != s.charAt(i + 1)) {
        char[] c = s.toCharArray();
        c[i] = s.charAt(i + 1);
        c[i + 1] = s.charAt(i);
        out.add(new String(c));
      }
    }
    return out;
  }

  private static void add(
      Map<String, IdEdit> found, String id, IdEdit edit, LocalDate minBirth, LocalDate maxBirth) {
    if (!found.containsKey(id) && IdNumber.parse(id, minBirth, maxBirth).valid()) {
      found.put(id, edit);
    }
  }

  private static boolean allDigits(String s, int n) {
    for (int i = 0; i < n; i++) {
      if (!Character.isDigit(s.charAt(i))) {
        return false;
      }
    }
    return true;
  }
}
