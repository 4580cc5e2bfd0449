package org.daijiao.ledger;

/** The 销号 checklist of §3(二), for an eligible person; the first that applies wins. */
public enum Status {
  /** No ACTIVE/SUSPENDED resident pension record in this county: must enrol first. */
  AWAITING_ENROLLMENT,
  /** Paid the whole year alone: the department owes the subsidy back (事后补助). */
  REFUND_DUE,
  /** The government payments of the year reach the subsidy. */
  SETTLED,
  /** The person has not yet paid their own part (T − subsidy). */
  AWAITING_SELF_PAYMENT,
  /** The person's part is paid; the department's is not. */
  AWAITING_GOVERNMENT_PAYMENT
}
