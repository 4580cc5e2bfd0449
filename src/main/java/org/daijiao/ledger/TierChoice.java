package org.daijiao.ledger;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.daijiao.person.Enrollment;
import org.daijiao.person.EnrollmentStatus;
import org.daijiao.policy.Policy;

/**
 * The tier T a person chose (§2(一) 代缴对象自愿选择按其他档次标准参保的), read from their resident pension record of
 * this county.
 *
 * <p>docs/rules.md#chosen-tier: the records that carry this year's choice are those of the first
 * status of the policy's {@code tier_statuses} the person has — ACTIVE, else SUSPENDED. A
 * TERMINATED or RECEIVING record chose nothing for the year (a person who must re-enrol has not
 * picked a tier yet), so its tier is never used. Among the records of that status, the highest
 * valid tier is T (a duplicate export with two tiers must not lead to a refund for someone who paid
 * only the lower one), flagged {@code TIER_CONFLICT} when they disagree. No such record, or no
 * valid tier on those records: T = L, flagged {@code TIER_DEFAULTED}.
 *
 * @param tier T, scale 2
 * @param source the record T was read from; null when defaulted
 * @param liveStatus the status whose records were read; null when the person has no ACTIVE or
 *     SUSPENDED county resident record
 */
public record TierChoice(
    BigDecimal tier, Enrollment source, EnrollmentStatus liveStatus, List<LedgerFlag> flags) {

  public TierChoice {
    flags = List.copyOf(flags);
  }

  public boolean defaulted() {
    return flags.contains(LedgerFlag.TIER_DEFAULTED);
  }

  /**
   * @param enrollments the person's enrolment records; the tier is read from those of the county's
   *     resident pension
   */
  public static TierChoice of(List<Enrollment> enrollments, Policy policy) {
    List<Enrollment> county =
        enrollments.stream()
            .filter(e -> e.isResidentIn(policy.countyCode()))
            .collect(Collectors.toList());
    for (EnrollmentStatus status : policy.tierStatuses()) {
      List<Enrollment> live =
          county.stream().filter(e -> e.status() == status).collect(Collectors.toList());
      if (!live.isEmpty()) {
        return fromLiveRecords(live, status, policy);
      }
    }
    return defaulted(null, policy);
  }

  private static TierChoice fromLiveRecords(
      List<Enrollment> live, EnrollmentStatus status, Policy policy) {
    List<Enrollment> valid =
        live.stream().filter(e -> policy.isValidTier(e.tier())).collect(Collectors.toList());
    Optional<Enrollment> highest =
        valid.stream().max(Comparator.comparing(Enrollment::tier, BigDecimal::compareTo));
    if (highest.isEmpty()) {
      return defaulted(status, policy);
    }
    boolean conflict =
        valid.stream().map(e -> e.tier().stripTrailingZeros()).distinct().count() > 1;
    return new TierChoice(
        highest.get().tier().setScale(2, RoundingMode.HALF_UP),
        highest.get(),
        status,
        conflict ? List.of(LedgerFlag.TIER_CONFLICT) : List.of());
  }

  private static TierChoice defaulted(EnrollmentStatus liveStatus, Policy policy) {
    return new TierChoice(
        policy.lowestTier(), null, liveStatus, List.of(LedgerFlag.TIER_DEFAULTED));
  }
}
