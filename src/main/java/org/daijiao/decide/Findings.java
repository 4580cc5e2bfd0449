package org.daijiao.decide;

import java.time.LocalDate;
import java.util.List;
import org.daijiao.eligibility.EnrollmentSnapshot;
import org.daijiao.eligibility.QualifyingDays;
import org.daijiao.eligibility.Reason;
import org.daijiao.ledger.LedgerEntry;
import org.daijiao.ledger.PaymentTotals;
import org.daijiao.ledger.TierChoice;
import org.daijiao.person.Category;
import org.daijiao.person.PersonTimeline;

/**
 * Everything {@link Decider} worked out for one person, before it becomes a {@link Decision} and
 * its trace.
 *
 * @param held target categories held on some day of W, in priority order
 * @param category the resolved (eligible) or highest held (not eligible) category; null when none
 * @param entry the ledger row; null when not eligible
 */
record Findings(
    PersonTimeline person,
    LocalDate asOf,
    QualifyingDays days,
    EnrollmentSnapshot snapshot,
    List<Reason> reasons,
    List<Category> held,
    Category category,
    TierChoice tier,
    PaymentTotals paid,
    LedgerEntry entry,
    boolean reachesPensionAge) {

  boolean eligible() {
    return reasons.isEmpty();
  }
}
