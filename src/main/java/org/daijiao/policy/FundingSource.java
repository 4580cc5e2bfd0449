package org.daijiao.policy;

/** §2(二) where a department's subsidy money comes from. */
public enum FundingSource {
  /** 县级财政. */
  COUNTY_FINANCE,
  /** 按原办法由市县两级财政清算. */
  MUNICIPAL_COUNTY_SETTLEMENT
}
