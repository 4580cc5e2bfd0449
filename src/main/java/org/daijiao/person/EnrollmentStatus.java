package org.daijiao.person;

import java.util.List;

/** The status of an enrolment record (docs/inputs.md#headers {@code pension_enrollment.status}). */
public enum EnrollmentStatus {
  /** 参保缴费 / 正常: enrolled and paying. */
  ACTIVE,
  /** 暂停缴费: enrolled, payments paused. */
  SUSPENDED,
  /** 终止 / 注销: the enrolment ended. */
  TERMINATED,
  /** 待遇领取: already drawing the pension. */
  RECEIVING;

  /** The statuses of a record that is still open: ACTIVE and SUSPENDED, in that order. */
  public static final List<EnrollmentStatus> OPEN = List.of(ACTIVE, SUSPENDED);

  /** ACTIVE or SUSPENDED: the record is still open. */
  public boolean isOpen() {
    return OPEN.contains(this);
  }
}
