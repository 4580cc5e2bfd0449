package org.daijiao.ledger;

/** §2(二) how the subsidy reaches the person. */
public enum Mode {
  /** 代缴: the department pays the subsidy into the tax account. */
  DIRECT,
  /** 事后补助: the person already paid the whole year alone; the department refunds the subsidy. */
  POST_HOC_REFUND
}
