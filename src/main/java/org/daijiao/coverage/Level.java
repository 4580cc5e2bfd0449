package org.daijiao.coverage;

/**
 * The levels of {@code gold.coverage_stats} (docs/rules.md#coverage-statistics): the county, each
 * township, each village.
 */
public enum Level {
  COUNTY,
  TOWNSHIP,
  VILLAGE
}
