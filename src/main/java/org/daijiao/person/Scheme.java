package org.daijiao.person;

/**
 * The pension scheme of an enrolment record (docs/inputs.md#headers {@code
 * pension_enrollment.scheme}).
 */
public enum Scheme {
  /** 城乡居民基本养老保险: the urban–rural residents' pension this subsidy pays into. */
  RESIDENT,
  /** 企业职工基本养老保险: the employees' pension; an ACTIVE record excludes the person (§1). */
  EMPLOYEE
}
