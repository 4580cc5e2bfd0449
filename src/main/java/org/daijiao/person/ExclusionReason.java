package org.daijiao.person;

/**
 * §1 在校学生、现役军人、服刑期间: the periods in which a poor person is not subsidised (docs/inputs.md#headers
 * {@code exclusions.reason}), in the order of their reason codes (docs/rules.md#reason-codes).
 */
public enum ExclusionReason {
  /** 在校学生. */
  STUDENT,
  /** 现役军人. */
  MILITARY,
  /** 服刑人员. */
  PRISONER
}
