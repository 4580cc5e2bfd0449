package org.daijiao.eligibility;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.daijiao.person.Category;
import org.daijiao.policy.Policy;

/**
 * §2(一) 多重身份对象不重复享受补助: one person, one subsidy, for the highest-priority category. The priority is
 * the policy file's {@code category_priority} (2022: TEKUN > SEVERE_DISABILITY > DIBAO > FANPIN;
 * the notice fixes 低保+特困 → 特困 and 低保+重残 → 重残, the rest is a Decision).
 */
public final class CategoryResolution {
  private CategoryResolution() {}

  /** The categories in the policy's priority order, highest first. */
  public static List<Category> inPriorityOrder(Collection<Category> categories, Policy policy) {
    return categories.stream()
        .distinct()
        .sorted(Comparator.comparingInt(policy::priorityRank))
        .collect(Collectors.toUnmodifiableList());
  }

  /** The highest-priority category; null when there is none. */
  public static Category highest(Collection<Category> categories, Policy policy) {
    List<Category> ordered = inPriorityOrder(categories, policy);
    return ordered.isEmpty() ? null : ordered.get(0);
  }
}
