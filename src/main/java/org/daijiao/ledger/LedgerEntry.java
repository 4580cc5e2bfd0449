package org.daijiao.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.daijiao.person.Category;
import org.daijiao.policy.Department;
import org.daijiao.policy.FundingSource;

/**
 * One row of {@code gold.subsidy_ledger} without the person's identity: what the department pays
 * for an eligible person, how and by when (docs/rules.md#money). Money has scale 2.
 */
public record LedgerEntry(
    Category category,
    Department department,
    FundingSource fundingSource,
    BigDecimal tier,
    BigDecimal subsidyAmount,
    BigDecimal selfPayAmount,
    BigDecimal selfPaidAmount,
    BigDecimal governmentPaidAmount,
    Mode mode,
    Batch batch,
    LocalDate deadline,
    Status status,
    List<LedgerFlag> flags) {

  public LedgerEntry {
    flags = List.copyOf(flags);
  }
}
