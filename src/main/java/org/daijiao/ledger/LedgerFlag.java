package org.daijiao.ledger;

/** Warnings on a ledger row that a clerk should check. */
public enum LedgerFlag {
  /** §2(一)/SPEC §2.4: the county record's tier is missing or not a valid tier; T = L was used. */
  TIER_DEFAULTED,
  /**
   * Decision: several county records of the preferred status carry different valid tiers; the
   * highest was used.
   */
  TIER_CONFLICT
}
