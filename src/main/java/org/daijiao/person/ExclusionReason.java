package org.daijiao.person;

/**
 * §1 在校学生、现役军人、服刑期间: the periods in which a poor person is not subsidised (SPEC §4 {@code
 * exclusions.reason}), in the order of their reason codes (SPEC §2.2).
 */
public enum ExclusionReason {
  /** 在校学生. */
  STUDENT,
  /** 现役军人. */
  MILITARY,
  /** 服刑人员. */
  PRISONER
}
