package org.daijiao.coverage;

/** The open actions of {@code gold.worklist} (§3 清单管理、销号管理; docs/decisions.md#work-lists). */
public enum WorklistAction {
  /** No active county resident record: the person must enrol. */
  ENROL,
  /** The person's own part (T − subsidy) is still to be paid. */
  PAY_SELF_PART,
  /** The person paid the whole year alone: the department refunds the subsidy (事后补助). */
  REFUND,
  /** Enrolled in another county of the municipality: have the enrolment moved here. */
  TRANSFER_FOLLOW_UP,
  /** The 60th birthday falls in the year: claim the pension (达龄一个，发放一个, §3(一)). */
  REACHES_PENSION_AGE,
  /**
   * docs/inputs.md#id-repair: a roster row has no usable ID number (mistyped, missing, not matching
   * the certificate): check the person's ID card; the row names the masked value exported and,
   * where there is one, the masked repair candidate.
   */
  FIX_ID
}
