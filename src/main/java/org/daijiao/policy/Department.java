package org.daijiao.policy;

/** §2(二) the certifying department (认定部门) that pays for a resolved category. */
public enum Department {
  /** 民政局: 特困, 低保. */
  CIVIL_AFFAIRS,
  /** 乡村振兴局: 返贫致贫. */
  RURAL_REVITALIZATION,
  /** 残联: 一、二级重度残疾. */
  DISABLED_PERSONS_FEDERATION
}
