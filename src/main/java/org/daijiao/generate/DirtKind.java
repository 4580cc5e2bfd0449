package org.daijiao.generate;

import java.util.Locale;

/**
 * The kinds of dirt the generator puts into the exports on purpose, each one a case
 * docs/inputs.md#reject-reasons says the ingestion must repair or reject.
 */
public enum DirtKind {
  /** Old 15-digit ID: upgraded to 18 (§3). */
  ID_15_DIGIT,
  /** Check character typed as a lower-case {@code x}: normalised. */
  ID_LOWERCASE_X,
  /** Full-width digits (０-９): normalised. */
  ID_FULL_WIDTH_DIGITS,
  /** Spaces inside the ID: normalised. */
  ID_INNER_SPACES,
  /** Wrong check character: ID_INVALID_CHECKSUM. */
  ID_INVALID_CHECKSUM,
  /** A birth date that is not a calendar date (e.g. 29 February 1990): ID_INVALID_BIRTHDATE. */
  ID_IMPOSSIBLE_BIRTH_DATE,
  /**
   * One digit typed as another (the check character then rarely fits): the typo of
   * docs/inputs.md#id-repair.
   */
  ID_DIGIT_SUBSTITUTED,
  /** Two adjacent characters typed in the wrong order. */
  ID_DIGITS_SWAPPED,
  /** One character left out: 17 characters, ID_INVALID_FORMAT. */
  ID_DIGIT_DROPPED,
  /** One character typed twice: 19 characters, ID_INVALID_FORMAT. */
  ID_DIGIT_DOUBLED,
  /** Excel showed the ID in scientific notation ({@code 5.00243E+17}): ID_INVALID_FORMAT. */
  ID_SCIENTIFIC_NOTATION,
  /** Excel kept 15 significant digits, the last three became {@code 000}. */
  ID_TRAILING_ZEROS,
  /** Disability row with an empty ID: the ID comes from the certificate number (§3). */
  ID_FROM_CERTIFICATE_ONLY,
  /** ID and certificate number name different persons: ID_CERTIFICATE_MISMATCH. */
  ID_CERTIFICATE_MISMATCH,
  /** A 15-digit ID stored as a numeric XLSX cell: must be read as its exact digits. */
  XLSX_NUMERIC_ID_15_DIGIT,
  /** An 18-digit ID stored as a numeric XLSX cell, rounded by Excel to 15 significant digits. */
  XLSX_NUMERIC_ID_ROUNDED,
  /** The same row exported twice. */
  EXACT_DUPLICATE_ROW,
  /** A space between surname and given name. */
  NAME_EXTRA_SPACE,
  /** An ideographic (full-width) space inside the name. */
  NAME_FULL_WIDTH_SPACE,
  /** One character differs from the other sources: an identity conflict (§3). */
  NAME_OTHER_CHARACTER,
  /** A date in another format than the rest of its file (§4 lists four). */
  MIXED_DATE_FORMAT,
  /** A category, grade or type outside every vocabulary: rejected with a reason code (§2.1). */
  UNKNOWN_CATEGORY,
  /** An end date before the start date. */
  END_BEFORE_START,
  /** An amount written with a currency sign ({@code ¥30.00}). */
  AMOUNT_CURRENCY_SYMBOL,
  /** An amount written with a thousands separator ({@code 1,000.00}). */
  AMOUNT_THOUSANDS_SEPARATOR,
  /** A tier that is not one of the valid tiers, or empty: TIER_DEFAULTED (§2.4). */
  INVALID_TIER;

  /** The key in {@link GeneratorSummary#dirtyRows()}: the constant in lower case. */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }
}
