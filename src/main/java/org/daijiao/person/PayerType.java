package org.daijiao.person;

/** Who made a payment (docs/inputs.md#headers {@code tax_payments.payer_type}). */
public enum PayerType {
  /** 个人缴费: the person's own part. */
  SELF,
  /** 政府代缴: paid by a department on the person's behalf. */
  GOVERNMENT
}
