package org.daijiao.ledger;

/** Warnings on a ledger row that a clerk should check. */
public enum LedgerFlag {
  /**
   * §2(一), docs/rules.md#chosen-tier: no ACTIVE or SUSPENDED county resident record, or no valid
   * tier on it; T = L was used.
   */
  TIER_DEFAULTED,
  /**
   * docs/rules.md#chosen-tier: several county records of the status that counts carry different
   * valid tiers; the highest was used.
   */
  TIER_CONFLICT,
  /**
   * docs/inputs.md#id-repair: a roster row of the person was read with a repaired ID number the
   * data team confirmed ({@code silver.persons.id_repairs}): check it against the ID card before
   * paying.
   */
  ID_REPAIRED
}
