package org.daijiao.generate;

import java.math.BigDecimal;

/**
 * One pension record as generated: who, which scheme and region, the status code and the tier the
 * person chose ({@code tier} null when the exported tier is empty or invalid).
 */
record Enrollment(
    SyntheticPerson person, boolean resident, String region, String status, BigDecimal tier) {
  /** An ACTIVE or SUSPENDED resident record of the county: the one taxes are paid on (§2.5). */
  boolean payingInCounty(String countyCode) {
    return resident
        && countyCode.equals(region)
        && ("ACTIVE".equals(status) || "SUSPENDED".equals(status));
  }
}
