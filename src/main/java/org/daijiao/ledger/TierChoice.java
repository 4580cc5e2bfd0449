package org.daijiao.ledger;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.daijiao.eligibility.Codes;
import org.daijiao.eligibility.Enrollment;
import org.daijiao.eligibility.EnrollmentSnapshot;
import org.daijiao.policy.Policy;

/**
 * The tier T a person chose (§2(一) 代缴对象自愿选择按其他档次标准参保的), read from their resident pension record of
 * this county.
 *
 * <p>Decision: among the county records, those of the best status count — ACTIVE, else SUSPENDED,
 * else any other status (TERMINATED, RECEIVING). Among those, the highest valid tier is T (a
 * duplicate export with two tiers must not lead to a refund for someone who paid only the lower
 * one), flagged {@code TIER_CONFLICT} when they disagree. When none of those records has a valid
 * tier, or there is no county record, T = L and the row is flagged {@code TIER_DEFAULTED} (SPEC
 * §2.4). A valid tier on a record of a worse status is not used: it is stale.
 *
 * @param tier T, scale 2
 * @param source the record T was read from; null when defaulted
 */
public record TierChoice(BigDecimal tier, Enrollment source, List<LedgerFlag> flags) {

  public TierChoice {
    flags = List.copyOf(flags);
  }

  public boolean defaulted() {
    return flags.contains(LedgerFlag.TIER_DEFAULTED);
  }

  public static TierChoice of(EnrollmentSnapshot snapshot, Policy policy) {
    List<Enrollment> county = snapshot.countyResidentRecords();
    int best = county.stream().mapToInt(TierChoice::statusRank).min().orElse(Integer.MAX_VALUE);
    List<Enrollment> preferred =
        county.stream().filter(e -> statusRank(e) == best).collect(Collectors.toList());
    List<Enrollment> valid =
        preferred.stream().filter(e -> policy.isValidTier(e.tier())).collect(Collectors.toList());
    Optional<Enrollment> highest =
        valid.stream().max(Comparator.comparing(Enrollment::tier, BigDecimal::compareTo));
    if (highest.isEmpty()) {
      return new TierChoice(policy.lowestTier(), null, List.of(LedgerFlag.TIER_DEFAULTED));
    }
    boolean conflict =
        valid.stream().map(e -> e.tier().stripTrailingZeros()).distinct().count() > 1;
    return new TierChoice(
        highest.get().tier().setScale(2, RoundingMode.HALF_UP),
        highest.get(),
        conflict ? List.of(LedgerFlag.TIER_CONFLICT) : List.of());
  }

  private static int statusRank(Enrollment e) {
    if (Codes.ACTIVE.equals(e.status())) {
      return 0;
    }
    return Codes.SUSPENDED.equals(e.status()) ? 1 : 2;
  }
}
