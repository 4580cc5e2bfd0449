package org.daijiao.ingest.parse;

/**
 * A cell that cannot be read as the value its column needs. Carries a reason code of SPEC §4 (one
 * of the constants below) and a detail for {@code quality.rejected_records}; the detail names the
 * parsed parts, never the raw cell, so a misplaced ID number can never leak into it (SPEC §7).
 */
public final class InvalidValueException extends RuntimeException {
  /** A date cell that is not one of the accepted formats or not a calendar date. */
  public static final String DATE_INVALID = "DATE_INVALID";

  /** A money cell that is not a plain decimal amount in range. */
  public static final String AMOUNT_INVALID = "AMOUNT_INVALID";

  /** A 费款所属期 / 缴费年度 cell that names no single year. */
  public static final String YEAR_INVALID = "YEAR_INVALID";

  private final String reason;
  private final String detail;

  public InvalidValueException(String reason, String detail) {
    super(reason + ": " + detail);
    this.reason = reason;
    this.detail = detail;
  }

  /** The reason code written to {@code quality.rejected_records.reason}. */
  public String reason() {
    return reason;
  }

  /** What is wrong, in words a department clerk can act on. */
  public String detail() {
    return detail;
  }
}
