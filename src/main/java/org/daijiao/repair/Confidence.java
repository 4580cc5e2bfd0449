package org.daijiao.repair;

/**
 * How sure a rejected roster row's repair candidates are, from the names they carry
 * (docs/inputs.md#id-repair).
 */
public enum Confidence {
  /** Exactly one candidate carries the row's name. */
  UNIQUE,
  /** Several candidates carry the row's name. */
  AMBIGUOUS,
  /** Candidates, none with the row's name. */
  WEAK,
  /** No valid ID known to the run is one typing error away (or the value cannot be searched). */
  NONE
}
