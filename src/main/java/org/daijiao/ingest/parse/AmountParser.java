package org.daijiao.ingest.parse;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.daijiao.quality.RejectReason;
import org.daijiao.text.Chars;

/**
 * Reads the money and period cells of {@code tax_payments} (docs/inputs.md#headers: {@code amount}
 * 缴费金额, {@code payment_year} 费款所属期/缴费年度).
 *
 * <p>Amounts: {@code 100}, {@code 100.00}, {@code 1,000.50}, {@code ¥100}, {@code ￥100}, {@code
 * 100元}, full-width digits, dot and comma, and a leading minus for refunds ({@code -70}, {@code
 * -¥70}, {@code ¥-70}). Thousand separators must group by three. More than two decimals are rounded
 * HALF_UP to fen (the tax bureau's exports sometimes carry float noise such as {@code 99.999999});
 * scientific notation, accounting brackets and amounts above 10^10 yuan are rejected.
 */
public final class AmountParser {
  private static final int SCALE = 2;

  /** No single contribution comes near ten billion yuan; larger means a misplaced column. */
  private static final BigDecimal LIMIT = BigDecimal.TEN.pow(10);

  private static final Pattern AMOUNT =
      Pattern.compile(
          "(-?) *[¥\\u00A5\\uFFE5]? *(-?) *((?:\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.\\d+)?) *元?");

  private static final Pattern YEAR = Pattern.compile("(\\d{4})(?:年度?|\\.0+)?");

  /** A month of the year: {@code 202201}, {@code 2022-1}, {@code 2022.01}, {@code 2022年1月}. */
  private static final Pattern YEAR_MONTH =
      Pattern.compile("(\\d{4})(?:(\\d{2})|[-./](\\d{1,2})|年(\\d{1,2})月)");

  private static final Pattern PERIOD_RANGE =
      Pattern.compile("(\\d{4})[-./]?(\\d{2}) *[-~至到] *(\\d{4})[-./]?(\\d{2})");

  /** Plausible payment years; a wider value is a typo, not a policy year. */
  private static final int MIN_YEAR = 1900;

  private static final int MAX_YEAR = 2100;

  private AmountParser() {}

  /**
   * The amount in yuan at scale 2, or null when the cell is null or blank.
   *
   * @throws InvalidValueException with reason {@code AMOUNT_INVALID}
   */
  public static BigDecimal parse(String raw) {
    String s = Chars.foldAndTrim(raw);
    if (s == null) {
      return null;
    }
    s = s.replace('\u2212', '-');
    if (s.matches(".*\\d[eE][-+]?\\d.*")) {
      throw invalidAmount("scientific notation (digits may have been lost by a spreadsheet)");
    }
    Matcher m = AMOUNT.matcher(s);
    if (!m.matches()) {
      throw invalidAmount(
          "not an amount (expected digits with an optional ¥, 元, minus sign, two decimals"
              + " and thousand separators in groups of three)");
    }
    if (!m.group(1).isEmpty() && !m.group(2).isEmpty()) {
      throw invalidAmount("two minus signs");
    }
    BigDecimal value =
        new BigDecimal(m.group(3).replace(",", "")).setScale(SCALE, RoundingMode.HALF_UP);
    if (value.compareTo(LIMIT) > 0) {
      throw invalidAmount("more than 10^10 yuan");
    }
    boolean negative = !m.group(1).isEmpty() || !m.group(2).isEmpty();
    return negative ? value.negate() : value;
  }

  /**
   * The year of a 费款所属期 / 缴费年度 cell, or null when the cell is null or blank: {@code 2022}, {@code
   * 2022年}, {@code 2022年度}, a month of that year ({@code 202201}, {@code 2022-01}, {@code 2022.01},
   * {@code 2022年1月}) or a period within one year ({@code 202201-202212}).
   *
   * @throws InvalidValueException with reason {@code YEAR_INVALID}
   */
  public static Integer parseYear(String raw) {
    String s = Chars.foldAndTrim(raw);
    if (s == null) {
      return null;
    }
    Matcher m = YEAR.matcher(s);
    if (m.matches()) {
      return plausibleYear(m.group(1));
    }
    m = YEAR_MONTH.matcher(s);
    if (m.matches()) {
      checkMonth(m.group(2) != null ? m.group(2) : m.group(3) != null ? m.group(3) : m.group(4));
      return plausibleYear(m.group(1));
    }
    m = PERIOD_RANGE.matcher(s);
    if (m.matches()) {
      checkMonth(m.group(2));
      checkMonth(m.group(4));
      if (!m.group(1).equals(m.group(3))) {
        throw invalidYear("period spans " + m.group(1) + " and " + m.group(3));
      }
      return plausibleYear(m.group(1));
    }
    throw invalidYear("not a year (expected 2022, 2022年, 202201, 2022-01 or 202201-202212)");
  }

  private static void checkMonth(String month) {
    int mo = Integer.parseInt(month);
    if (mo < 1 || mo > 12) {
      throw invalidYear("month " + mo);
    }
  }

  private static int plausibleYear(String year) {
    int y = Integer.parseInt(year);
    if (y < MIN_YEAR || y > MAX_YEAR) {
      throw invalidYear("year " + year + " outside " + MIN_YEAR + "-" + MAX_YEAR);
    }
    return y;
  }

  private static InvalidValueException invalidAmount(String detail) {
    return new InvalidValueException(RejectReason.AMOUNT_INVALID, detail);
  }

  private static InvalidValueException invalidYear(String detail) {
    return new InvalidValueException(RejectReason.YEAR_INVALID, detail);
  }
}
