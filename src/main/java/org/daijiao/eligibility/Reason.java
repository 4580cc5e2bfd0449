package org.daijiao.eligibility;

import org.daijiao.person.ExclusionReason;

/**
 * Why a person is not eligible (docs/rules.md#reason-codes). The declaration order is the order the
 * codes are reported in.
 */
public enum Reason {
  /** No target category held on any day of W (§1). */
  NO_TARGET_CATEGORY,
  /** A category is held in W, but only on days before the minimum age (§2(二) 年满16周岁). */
  AGE_UNDER_16,
  /** A category is held in W, but only on days at or after the maximum age (§2(一) 未满60周岁). */
  AGE_60_OR_OVER,
  /** 在校学生 (§1): covers some of the days that would qualify, and exclusions cover all of them. */
  STUDENT(ExclusionReason.STUDENT),
  /** 现役军人 (§1), as {@link #STUDENT}. */
  MILITARY(ExclusionReason.MILITARY),
  /** 服刑期间 (§1), as {@link #STUDENT}. */
  PRISONER(ExclusionReason.PRISONER),
  /** 参加企业职工基本养老保险 (§1): an ACTIVE employee pension record, any region. */
  EMPLOYEE_PENSION,
  /** 市外参加城乡居民基本养老保险 (§1): an ACTIVE/SUSPENDED resident record outside the municipality. */
  RESIDENT_PENSION_OUTSIDE_MUNICIPALITY,
  /**
   * Decision (docs/decisions.md#other-county-enrolment): an ACTIVE/SUSPENDED resident record in
   * another county of the municipality.
   */
  RESIDENT_PENSION_OTHER_COUNTY,
  /** Already drawing a pension: a RECEIVING record in any scheme. */
  RECEIVING_PENSION;

  private final ExclusionReason exclusion;

  Reason() {
    this(null);
  }

  Reason(ExclusionReason exclusion) {
    this.exclusion = exclusion;
  }

  /** The reason reported for days an exclusion period of §1 covers. */
  public static Reason of(ExclusionReason exclusion) {
    for (Reason r : values()) {
      if (r.exclusion == exclusion) {
        return r;
      }
    }
    throw new IllegalArgumentException("no reason code for exclusion " + exclusion);
  }

  /** True for the reasons of §1's exclusion periods (student, military, prisoner). */
  public boolean isExclusion() {
    return exclusion != null;
  }
}
