package org.daijiao.identity;

import java.time.DateTimeException;
import java.time.LocalDate;
import org.daijiao.quality.RejectReason;
import org.daijiao.text.Chars;

/**
 * Resident identity numbers (居民身份证号码, GB 11643-1999): normalisation, the 15→18 upgrade and
 * validation. The normalised 18-character number is the key of a person across every source
 * (docs/rules.md#one-person-per-id).
 */
public final class IdNumber {
  /**
   * A verdict: the normalised number when valid, else the reject code of docs/rules.md#id-numbers
   * ({@code ID_MISSING}, {@code ID_INVALID_FORMAT}, {@code ID_INVALID_BIRTHDATE}, {@code
   * ID_INVALID_CHECKSUM}, checked in that order) and a detail that never repeats the number.
   */
  public record Verdict(String id, RejectReason problem, String detail) {
    public boolean valid() {
      return problem == null;
    }
  }

  private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
  private static final char[] CHECK = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};

  private IdNumber() {}

  /**
   * Cleans what departments type or export: drops every white space (also U+3000 and U+00A0), folds
   * full-width characters to ASCII, upper-cases {@code x}, and upgrades a 15-digit number to 18.
   * Returns null for null or blank input; anything else comes back cleaned but not validated.
   */
  public static String normalize(String raw) {
    String cleaned = clean(raw);
    if (cleaned != null && cleaned.length() == 15 && allDigits(cleaned, 15)) {
      return upgrade15(cleaned);
    }
    return cleaned;
  }

  /**
   * {@link #normalize} without the 15→18 upgrade, for strings that merely contain an ID (the
   * 20-character disability certificate number). Returns null for null or blank input.
   */
  public static String clean(String raw) {
    if (raw == null) {
      return null;
    }
    StringBuilder out = new StringBuilder(raw.length());
    for (int i = 0; i < raw.length(); i++) {
      char c = Chars.toHalfWidth(raw.charAt(i));
      if (Chars.isSpace(c)) {
        continue;
      }
      out.append(c == 'x' ? 'X' : c);
    }
    return out.length() == 0 ? null : withoutTextMarker(out.toString());
  }

  /**
   * Exports force Excel to keep an ID as text with a leading apostrophe ({@code '500243…}) or a
   * formula ({@code ="500243…"}, or {@code =500243…} once a CSV reader has removed the quotes): the
   * marker is not part of the number.
   */
  private static String withoutTextMarker(String s) {
    if (s.startsWith("'") && s.length() > 1) {
      return s.substring(1);
    }
    if (s.startsWith("=\"") && s.endsWith("\"") && s.length() > 3) {
      return s.substring(2, s.length() - 1);
    }
    if (s.startsWith("=") && s.length() > 1 && Character.isDigit(s.charAt(1))) {
      return s.substring(1);
    }
    return s;
  }

  /**
   * GB 11643-1999: insert the century 19 after the 6-digit area code and append the check
   * character.
   */
  public static String upgrade15(String id15) {
    if (id15 == null || id15.length() != 15 || !allDigits(id15, 15)) {
      throw new IllegalArgumentException("not a 15-digit identity number");
    }
    String first17 = id15.substring(0, 6) + "19" + id15.substring(6);
    return first17 + checkCharacter(first17);
  }

  /**
   * ISO 7064 MOD 11-2 check character of the first 17 digits.
   *
   * @throws IllegalArgumentException when there are fewer than 17 characters or a non-digit among
   *     them (a negative or oversized digit would otherwise index outside the check table)
   */
  public static char checkCharacter(CharSequence first17) {
    if (first17 == null || first17.length() < 17 || !allDigits(first17, 17)) {
      throw new IllegalArgumentException("the check character needs 17 leading digits");
    }
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      sum += (first17.charAt(i) - '0') * WEIGHTS[i];
    }
    return CHECK[sum % 11];
  }

  /**
   * Normalises and validates (docs/rules.md#id-numbers): 17 digits + check character, a real birth
   * date in {@code [minBirth, maxBirth]}, the right check character. The product passes {@code
   * [policy min_birth_date, as_of]}; a null bound leaves that side open.
   */
  public static Verdict parse(String raw, LocalDate minBirth, LocalDate maxBirth) {
    String id = normalize(raw);
    if (id == null) {
      return new Verdict(null, RejectReason.ID_MISSING, "empty");
    }
    if (looksLikeScientificNotation(id)) {
      // docs/rules.md#id-numbers: an Excel number cell lost the digits; the number cannot be
      // recovered.
      return new Verdict(
          null,
          RejectReason.ID_INVALID_FORMAT,
          "scientific notation (digits lost by a spreadsheet)");
    }
    if (id.length() == 15) {
      return new Verdict(null, RejectReason.ID_INVALID_FORMAT, "15 characters but not all digits");
    }
    if (id.length() != 18) {
      return new Verdict(
          null, RejectReason.ID_INVALID_FORMAT, "length " + id.length() + " (expected 18 or 15)");
    }
    if (!allDigits(id, 17)) {
      return new Verdict(
          null, RejectReason.ID_INVALID_FORMAT, "non-digit among the first 17 characters");
    }
    char last = id.charAt(17);
    if (!(last >= '0' && last <= '9') && last != 'X') {
      return new Verdict(null, RejectReason.ID_INVALID_FORMAT, "check character is not 0-9 or X");
    }
    LocalDate birth = birthDateOrNull(id);
    if (birth == null) {
      return new Verdict(
          null, RejectReason.ID_INVALID_BIRTHDATE, "birth date is not a calendar date");
    }
    if (minBirth != null && birth.isBefore(minBirth)) {
      return new Verdict(null, RejectReason.ID_INVALID_BIRTHDATE, "birth date before " + minBirth);
    }
    if (maxBirth != null && birth.isAfter(maxBirth)) {
      return new Verdict(null, RejectReason.ID_INVALID_BIRTHDATE, "birth date after " + maxBirth);
    }
    if (checkCharacter(id) != last) {
      return new Verdict(null, RejectReason.ID_INVALID_CHECKSUM, "check character does not match");
    }
    return new Verdict(id, null, null);
  }

  /** The birth date encoded in a valid 18-character number. */
  public static LocalDate birthDate(String id18) {
    LocalDate d = birthDateOrNull(id18);
    if (d == null) {
      throw new IllegalArgumentException("no birth date in this identity number");
    }
    return d;
  }

  /** {@code M} or {@code F} from the parity of the sequence code (digit 17). */
  public static String sex(String id18) {
    if (id18 == null || id18.length() != 18 || !allDigits(id18, 17)) {
      throw new IllegalArgumentException("no sequence code in this identity number");
    }
    return (id18.charAt(16) - '0') % 2 == 1 ? "M" : "F";
  }

  /**
   * The masked form for work lists and reports: area code, eight stars, the last four ({@code
   * 500243********123X}).
   */
  public static String mask(String id18) {
    if (id18 == null) {
      return null;
    }
    if (id18.length() != 18) {
      return "*".repeat(id18.length());
    }
    return id18.substring(0, 6) + "********" + id18.substring(14);
  }

  /**
   * The masked form of a value exported where an ID number belongs, valid or not
   * (docs/inputs.md#id-repair: the work list shows the clerk what the department wrote): after
   * {@link #clean}, the first six and the last four characters with one star for each character
   * between them, so that a number one character short or long shows as such ({@code
   * 500243*******1234}); all stars when it has ten characters or fewer; empty when nothing was
   * written.
   */
  public static String maskAsWritten(String raw) {
    String s = clean(raw);
    if (s == null) {
      return "";
    }
    if (s.length() <= 10) {
      return "*".repeat(s.length());
    }
    return s.substring(0, 6) + "*".repeat(s.length() - 10) + s.substring(s.length() - 4);
  }

  private static LocalDate birthDateOrNull(String id) {
    if (id == null || id.length() < 14 || !allDigits(id, 14)) {
      return null;
    }
    try {
      return LocalDate.of(
          Integer.parseInt(id.substring(6, 10)),
          Integer.parseInt(id.substring(10, 12)),
          Integer.parseInt(id.substring(12, 14)));
    } catch (DateTimeException e) {
      return null;
    }
  }

  private static boolean looksLikeScientificNotation(String s) {
    return s.matches("[0-9]+(\\.[0-9]+)?[Ee][+-]?[0-9]+");
  }

  private static boolean allDigits(CharSequence s, int n) {
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }
}
