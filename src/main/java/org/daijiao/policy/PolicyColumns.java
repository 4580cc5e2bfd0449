package org.daijiao.policy;

import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import java.util.List;
import org.apache.spark.sql.Column;
import org.daijiao.person.Category;

/** The policy file's orderings and mappings as Spark column expressions. */
public final class PolicyColumns {
  /**
   * Rank given to codes that are not target categories (and to nulls): after every target category.
   */
  public static final int NOT_A_TARGET = 99;

  private PolicyColumns() {}

  /**
   * §2(一) 多重身份: the priority rank of a category code, 0 the highest; non-target codes rank last.
   */
  public static Column priorityRank(Policy policy, Column category) {
    List<Category> priority = policy.categoryPriority();
    Column rank = lit(NOT_A_TARGET);
    for (int i = priority.size() - 1; i >= 0; i--) {
      rank = when(category.equalTo(priority.get(i).name()), i).otherwise(rank);
    }
    return rank;
  }
}
