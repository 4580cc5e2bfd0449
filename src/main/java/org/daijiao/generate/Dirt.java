package org.daijiao.generate;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Year;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.daijiao.identity.IdNumber;

/**
 * Writes values the way departments really export them: mostly clean, with each kind of dirt of
 * docs/inputs.md#reject-reasons at a realistic rate (about 1–3 % of rows), and counts the rows that
 * got each kind.
 */
final class Dirt {
  /** The four date formats of docs/inputs.md#formats. */
  enum DateStyle {
    ISO,
    SLASH,
    COMPACT,
    CHINESE;

    String format(LocalDate d) {
      return switch (this) {
        case ISO -> d.toString();
        case SLASH -> d.getYear() + "/" + d.getMonthValue() + "/" + d.getDayOfMonth();
        case COMPACT ->
            String.format(
                Locale.ROOT, "%04d%02d%02d", d.getYear(), d.getMonthValue(), d.getDayOfMonth());
        case CHINESE -> d.getYear() + "年" + d.getMonthValue() + "月" + d.getDayOfMonth() + "日";
      };
    }
  }

  private final SplittableRandom rng;
  private final Map<DirtKind, Integer> counts = new EnumMap<>(DirtKind.class);

  Dirt(SplittableRandom rng) {
    this.rng = rng;
  }

  /** True with probability {@code p}. */
  boolean roll(double p) {
    return rng.nextDouble() < p;
  }

  void count(DirtKind kind) {
    counts.merge(kind, 1, Integer::sum);
  }

  /**
   * Rows per kind of dirt, in the declaration order of {@link DirtKind}; kinds never used omitted.
   */
  Map<String, Integer> counts() {
    Map<String, Integer> out = new LinkedHashMap<>();
    counts.forEach((k, v) -> out.put(k.key(), v));
    return out;
  }

  /**
   * The ID as typed or exported: about 8 % of rows get one kind of dirt, half of them repairable
   * (15 digits, {@code x}, full width, spaces), half not.
   */
  String id(String id) {
    int r = rng.nextInt(1000);
    if (r < 15 && id.charAt(6) == '1' && id.charAt(7) == '9') {
      count(DirtKind.ID_15_DIGIT);
      return id.substring(0, 6) + id.substring(8, 17);
    }
    if (r >= 15 && r < 30) {
      count(DirtKind.ID_FULL_WIDTH_DIGITS);
      return fullWidth(id);
    }
    if (r >= 30 && r < 45) {
      count(DirtKind.ID_INNER_SPACES);
      return id.substring(0, 6) + " " + id.substring(6, 14) + " " + id.substring(14);
    }
    if (r >= 45 && r < 55) {
      count(DirtKind.ID_INVALID_CHECKSUM);
      char wrong = IdNumber.checkCharacter(id) == '0' ? '1' : '0';
      return id.substring(0, 17) + wrong;
    }
    if (r >= 55 && r < 62) {
      count(DirtKind.ID_IMPOSSIBLE_BIRTH_DATE);
      int year = Integer.parseInt(id.substring(6, 10));
      while (Year.isLeap(year)) {
        year++;
      }
      String first17 = id.substring(0, 6) + year + "0229" + id.substring(14, 17);
      return first17 + IdNumber.checkCharacter(first17);
    }
    if (r >= 62 && r < 67) {
      count(DirtKind.ID_SCIENTIFIC_NOTATION);
      return id.charAt(0) + "." + id.substring(1, 6) + "E+17";
    }
    if (r >= 67 && r < 72) {
      count(DirtKind.ID_TRAILING_ZEROS);
      return id.substring(0, 15) + "000";
    }
    if (r >= 300 && r < 312) {
      String typo = typo(id, r);
      if (typo != null) {
        return typo;
      }
    }
    if (id.endsWith("X") && r >= 72 && r < 300) {
      count(DirtKind.ID_LOWERCASE_X);
      return id.substring(0, 17) + "x";
    }
    return id;
  }

  /**
   * A clerk's typo (docs/inputs.md#id-repair), never one that happens to be a valid ID (that would
   * be another, silent person): 0.5 % a digit substituted, 0.3 % two adjacent characters swapped,
   * 0.2 % a character dropped, 0.2 % one doubled. Null when no invalid typo was found in a few
   * tries.
   */
  private String typo(String id, int r) {
    if (r >= 308) {
      int at = rng.nextInt(18);
      if (r < 310) {
        count(DirtKind.ID_DIGIT_DROPPED);
        return id.substring(0, at) + id.substring(at + 1);
      }
      count(DirtKind.ID_DIGIT_DOUBLED);
      return id.substring(0, at + 1) + id.substring(at);
    }
    for (int attempt = 0; attempt < 10; attempt++) {
      char[] c = id.toCharArray();
      if (r < 305) {
        int at = rng.nextInt(17);
        c[at] = (char) ('0' + (c[at] - '0' + 1 + rng.nextInt(9)) % 10);
      } else {
        int at = rng.nextInt(17);
        char t = c[at];
        c[at] = c[at + 1];
        c[at + 1] = t;
      }
      String typed = new String(c);
      if (!typed.equals(id) && !IdNumber.parse(typed, null, null).valid()) {
        count(r < 305 ? DirtKind.ID_DIGIT_SUBSTITUTED : DirtKind.ID_DIGITS_SWAPPED);
        return typed;
      }
    }
    return null;
  }

  /** The name as typed in another department: about {@code p} of rows get a variant. */
  String name(String name, double p) {
    if (!roll(p) || name.length() < 2) {
      return name;
    }
    int r = rng.nextInt(3);
    if (r == 0) {
      count(DirtKind.NAME_EXTRA_SPACE);
      return name.charAt(0) + " " + name.substring(1);
    }
    if (r == 1) {
      count(DirtKind.NAME_FULL_WIDTH_SPACE);
      return name.charAt(0) + "\u3000" + name.substring(1);
    }
    count(DirtKind.NAME_OTHER_CHARACTER);
    return SyntheticNames.withOtherLastCharacter(rng, name);
  }

  /** The date style of one row: the file's own, or with probability {@code p} another one. */
  DateStyle rowStyle(DateStyle fileStyle, double p) {
    if (!roll(p)) {
      return fileStyle;
    }
    DateStyle[] styles = DateStyle.values();
    DateStyle other =
        styles[(fileStyle.ordinal() + 1 + rng.nextInt(styles.length - 1)) % styles.length];
    count(DirtKind.MIXED_DATE_FORMAT);
    return other;
  }

  /**
   * An amount as exported: {@code 30.00}, sometimes {@code 30}; about 2 % with a currency sign or,
   * from 1,000 yuan on, a thousands separator.
   */
  String amount(BigDecimal amount) {
    BigDecimal cents = amount.setScale(2, java.math.RoundingMode.HALF_UP);
    if (cents.compareTo(BigDecimal.valueOf(1000)) >= 0 && roll(0.3)) {
      count(DirtKind.AMOUNT_THOUSANDS_SEPARATOR);
      return String.format(Locale.ROOT, "%,.2f", cents);
    }
    if (roll(0.02)) {
      count(DirtKind.AMOUNT_CURRENCY_SYMBOL);
      return (rng.nextBoolean() ? "¥" : "￥") + cents.toPlainString();
    }
    if (rng.nextInt(8) == 0 && cents.stripTrailingZeros().scale() <= 0) {
      return cents.setScale(0, java.math.RoundingMode.UNNECESSARY).toPlainString();
    }
    return cents.toPlainString();
  }

  private static String fullWidth(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      sb.append(c >= '!' && c <= '~' ? (char) (c + 0xFEE0) : c);
    }
    return sb.toString();
  }
}
