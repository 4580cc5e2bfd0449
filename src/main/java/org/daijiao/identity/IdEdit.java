package org.daijiao.identity;

/**
 * The one typing error that turns a valid ID number into the one a department exported
 * (docs/inputs.md#id-repair): the kinds a clerk makes when copying 18 characters from a card.
 */
public enum IdEdit {
  /** One of the first 17 digits typed as another digit. */
  SUBSTITUTION,
  /** Two adjacent characters typed in the wrong order. */
  TRANSPOSITION,
  /** One character left out: the export has 17 characters (14 for an old 15-digit number). */
  DELETION,
  /** One character typed twice or a stray digit added: the export has 19 characters. */
  INSERTION,
  /** Only the check character (the 18th) is wrong. */
  CHECK_CHARACTER
}
