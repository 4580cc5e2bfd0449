package org.daijiao.eligibility;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.daijiao.person.ExclusionReason;

/**
 * The reason codes of docs/rules.md#reason-codes for one person: every reason that applies, in the
 * order of {@link Reason}. A person is eligible exactly when the list is empty.
 */
public final class Reasons {
  private Reasons() {}

  public static List<Reason> of(QualifyingDays days, EnrollmentSnapshot snapshot) {
    Set<Reason> reasons = EnumSet.noneOf(Reason.class);
    DateRanges held = days.heldAny();
    if (held.isEmpty()) {
      reasons.add(Reason.NO_TARGET_CATEGORY);
    } else if (days.categoryAndAge().isEmpty()) {
      // Held only outside the age window: before the minimum-age birthday, or from the
      // maximum-age birthday on (W is one year, so in practice one of the two).
      if (held.first().isBefore(days.ageStart())) {
        reasons.add(Reason.AGE_UNDER_16);
      }
      if (!held.last().isBefore(days.ageEnd())) {
        reasons.add(Reason.AGE_60_OR_OVER);
      }
    } else if (days.qualifying().isEmpty()) {
      // Conditions 1 and 2 hold on some days and exclusions cover all of them: every exclusion
      // that covers at least one of those days is a reason.
      for (Map.Entry<ExclusionReason, DateRanges> e : days.exclusions().entrySet()) {
        if (e.getValue().overlaps(days.categoryAndAge())) {
          reasons.add(Reason.of(e.getKey()));
        }
      }
    }
    reasons.addAll(snapshot.insuranceExclusions());
    return List.copyOf(reasons);
  }
}
