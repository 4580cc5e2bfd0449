package org.daijiao.repair;

/**
 * What speaks for a repair candidate being the person of the rejected row
 * (docs/inputs.md#id-repair).
 */
public enum Evidence {
  /** A source names the candidate with the row's (normalised) name. */
  NAME,
  /** A roster row of the candidate is in the row's township. */
  TOWNSHIP,
  /** A roster row of the candidate is in the row's township and village. */
  VILLAGE,
  /** The candidate's sex digit (17th) says what the exported value says there. */
  SEX,
  /** Two or more sources of the run know the candidate: the departments agree on it. */
  SOURCES
}
