package org.daijiao.person;

/**
 * The four target categories of §1 and §2(一). Their order of priority is not this enum's order: it
 * comes from the policy file ({@code category_priority}).
 */
public enum Category {
  /** 特困人员: extremely poor / destitute (civil affairs). */
  TEKUN,
  /** 低保对象: minimum living allowance (civil affairs). */
  DIBAO,
  /** 返贫致贫人口: fell (back) into poverty (rural revitalisation). */
  FANPIN,
  /** 一、二级重度残疾人员: severe disability, grade 1 or 2 (disabled persons' federation). */
  SEVERE_DISABILITY;

  /**
   * The category for a code, or null when the code is not a target category (e.g. MILD_DISABILITY).
   */
  public static Category ofCodeOrNull(String code) {
    if (code == null) {
      return null;
    }
    for (Category c : values()) {
      if (c.name().equals(code)) {
        return c;
      }
    }
    return null;
  }
}
