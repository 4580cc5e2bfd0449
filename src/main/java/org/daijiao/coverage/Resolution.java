package org.daijiao.coverage;

/** How a work-list action closed (gold.action_log, docs/rules.md#month-by-month). */
public enum Resolution {
  /** The person is still in the coverage target, in the same place: the action was done. */
  DONE,
  /** The person has left the coverage target or the place: the action is no longer due. */
  NO_LONGER_DUE
}
