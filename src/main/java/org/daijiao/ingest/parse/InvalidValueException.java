package org.daijiao.ingest.parse;

import org.daijiao.quality.RejectReason;

/**
 * A cell that cannot be read as the value its column needs. Carries a reason code of
 * docs/inputs.md#reject-reasons ({@code DATE_INVALID}: not an accepted date format or not a
 * calendar date; {@code AMOUNT_INVALID}: not a plain decimal amount in range; {@code YEAR_INVALID}:
 * a 费款所属期 / 缴费年度 cell that names no single year) and a detail for {@code quality.rejected_records};
 * the detail names the parsed parts, never the raw cell, so a misplaced ID number can never leak
 * into it (docs/privacy.md#privacy-rule).
 */
public final class InvalidValueException extends RuntimeException {
  private final RejectReason reason;
  private final String detail;

  public InvalidValueException(RejectReason reason, String detail) {
    super(reason + ": " + detail);
    this.reason = reason;
    this.detail = detail;
  }

  /** The reason code written to {@code quality.rejected_records.reason}. */
  public RejectReason reason() {
    return reason;
  }

  /** What is wrong, in words a department clerk can act on. */
  public String detail() {
    return detail;
  }
}
