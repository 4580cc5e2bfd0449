package org.daijiao.ingest.parse;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.daijiao.quality.RejectReason;
import org.daijiao.text.Chars;

/**
 * Reads a date cell of any source (docs/inputs.md#formats: {@code 2022-03-05}, {@code 2022/3/5},
 * {@code 20220305}, {@code 2022年3月5日}). Also takes what exports add: {@code 2022-3-5}, {@code
 * 2022.3.5}, full-width digits, surrounding spaces, a time part ({@code 2022-03-05 00:00:00},
 * {@code 2022-03-05T00:00}), and Excel serial day numbers of up to five digits from XLSX date cells
 * ({@code 44562} = 2022-01-01).
 *
 * <p>Strict on purpose: a date that is not on the calendar ({@code 2022-02-29}, {@code 2022年2月30日},
 * month 13, {@code 0000-00-00}) or has a two-digit year is rejected with {@link
 * InvalidValueException#DATE_INVALID} rather than guessed, because a start or end date decides who
 * is eligible (docs/rules.md#qualifying-days).
 */
public final class DateParser {
  /** yyyy-M-d with one separator used twice ({@code -}, {@code /} or {@code .}). */
  private static final Pattern SEPARATED =
      Pattern.compile("(\\d{4})([-/.])(\\d{1,2})\\2(\\d{1,2})");

  private static final Pattern CHINESE = Pattern.compile("(\\d{4})年(\\d{1,2})月(\\d{1,2})日");
  private static final Pattern COMPACT = Pattern.compile("(\\d{4})(\\d{2})(\\d{2})");

  /** A time of day after the date, as spreadsheets and databases export it; the time is dropped. */
  private static final Pattern TIME_SUFFIX =
      Pattern.compile("[ T]\\d{1,2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?$");

  /**
   * An Excel serial day number, possibly written as a double ({@code 44562.0}). At most five digits
   * (through 2173-10-13): six digits are far likelier a two-digit-year {@code yyMMdd} or a {@code
   * yyyyMM} than a day in the 26th century, and both must be rejected, not read as serials.
   */
  private static final Pattern SERIAL = Pattern.compile("(\\d{1,5})(\\.0+)?");

  private static final Pattern SPACE_AROUND_SEPARATOR = Pattern.compile(" *([-/.年月日]) *");

  /** Serial 60 is 1900-02-29, a day Excel invents to stay compatible with Lotus 1-2-3. */
  private static final long LOTUS_LEAP_DAY = 60L;

  private DateParser() {}

  /**
   * The date in {@code raw}, or null when the cell is null or blank.
   *
   * @throws InvalidValueException with reason {@code DATE_INVALID} for anything else
   */
  public static LocalDate parse(String raw) {
    String s = Chars.foldAndTrim(raw);
    if (s == null) {
      return null;
    }
    Matcher time = TIME_SUFFIX.matcher(s);
    if (time.find() && time.start() > 0) {
      s = s.substring(0, time.start()).trim();
    }
    s = SPACE_AROUND_SEPARATOR.matcher(s).replaceAll("$1");

    Matcher m = SEPARATED.matcher(s);
    if (m.matches()) {
      return calendarDate(m.group(1), m.group(3), m.group(4));
    }
    m = CHINESE.matcher(s);
    if (m.matches()) {
      return calendarDate(m.group(1), m.group(2), m.group(3));
    }
    m = COMPACT.matcher(s);
    if (m.matches()) {
      return calendarDate(m.group(1), m.group(2), m.group(3));
    }
    m = SERIAL.matcher(s);
    if (m.matches()) {
      return fromExcelSerial(Long.parseLong(m.group(1)));
    }
    throw invalid("not a date in a known format (yyyy-MM-dd, yyyy/M/d, yyyyMMdd or yyyy年M月d日)");
  }

  private static LocalDate calendarDate(String year, String month, String day) {
    int y = Integer.parseInt(year);
    int mo = Integer.parseInt(month);
    int d = Integer.parseInt(day);
    if (y == 0 && mo == 0 && d == 0) {
      throw invalid("0000-00-00 is a placeholder, not a date (leave the cell empty instead)");
    }
    if (y < 1000) {
      throw invalid("year " + year + " is not a four-digit year");
    }
    if (mo < 1 || mo > 12) {
      throw invalid("month " + mo);
    }
    try {
      return LocalDate.of(y, mo, d);
    } catch (DateTimeException e) {
      throw invalid(String.format("%04d-%02d-%02d is not a calendar date", y, mo, d));
    }
  }

  private static LocalDate fromExcelSerial(long serial) {
    if (serial >= 1900 && serial <= 2100) {
      // A bare year would otherwise read as a day of 1905; no roster date lies in 1905.
      throw invalid("a year alone (" + serial + ") is not a date");
    }
    if (serial < 1) {
      throw invalid("serial day number 0 is before Excel's first day 1900-01-01");
    }
    if (serial == LOTUS_LEAP_DAY) {
      throw invalid("serial day number 60 is Excel's 1900-02-29, not a calendar date");
    }
    LocalDate base =
        serial < LOTUS_LEAP_DAY ? LocalDate.of(1899, 12, 31) : LocalDate.of(1899, 12, 30);
    return base.plusDays(serial);
  }

  private static InvalidValueException invalid(String detail) {
    return new InvalidValueException(RejectReason.DATE_INVALID, detail);
  }
}
