package org.daijiao.coverage;

/**
 * The levels of {@code gold.coverage_stats} (SPEC §2.6): the county, each township, each village.
 */
public enum Level {
  COUNTY,
  TOWNSHIP,
  VILLAGE
}
