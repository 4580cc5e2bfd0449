package org.daijiao.quality;

/**
 * Why an input row did not reach a clean table (docs/inputs.md#reject-reasons). Stored in {@code
 * quality.rejected_records.reason}.
 */
public enum RejectReason {
  /** §3: no ID number (and, for disability, no certificate number either). */
  ID_MISSING,
  /**
   * §3: not 17 digits + check character after normalisation (letters, wrong length, scientific
   * notation).
   */
  ID_INVALID_FORMAT,
  /**
   * §3: the birth date in the ID is not a real date, or is before the policy's minimum or after
   * as_of.
   */
  ID_INVALID_BIRTHDATE,
  /** §3: the check character does not match (GB 11643-1999, ISO 7064 MOD 11-2). */
  ID_INVALID_CHECKSUM,
  /**
   * §3: the ID column and the first 18 characters of the disability certificate number disagree.
   */
  ID_CERTIFICATE_MISMATCH,
  /**
   * §3: a certificate number that is not ID + category digit 1–7 + grade digit 1–4, and no ID
   * column.
   */
  CERTIFICATE_INVALID,
  /** §4: a required date is empty. */
  DATE_MISSING,
  /** §4: a date in none of the accepted formats, or not a calendar date. */
  DATE_INVALID,
  /** An end date before the start date. */
  DATE_RANGE_INVALID,
  /** §2.1: a roster category outside every vocabulary of the policy file. */
  CATEGORY_UNKNOWN,
  /** §2.1: a disability grade that is not 一级…四级 or 1–4. */
  GRADE_UNKNOWN,
  /** §4: a pension scheme outside the vocabulary. */
  SCHEME_UNKNOWN,
  /** §4: an enrolment status outside the vocabulary. */
  STATUS_UNKNOWN,
  /** §4: a region code that is not 6 digits. */
  REGION_CODE_INVALID,
  /** §4: a payment amount that is empty. */
  AMOUNT_MISSING,
  /** §4: a payment amount that is not a number of yuan. */
  AMOUNT_INVALID,
  /** §4: a payment year (费款所属期) that is not a year. */
  YEAR_INVALID,
  /** §4: a payer type outside the vocabulary. */
  PAYER_TYPE_UNKNOWN,
  /** §4: an exclusion type outside the vocabulary. */
  EXCLUSION_REASON_UNKNOWN,
  /** The same payment exported twice (every field equal): the first copy is kept. */
  DUPLICATE_ROW
}
