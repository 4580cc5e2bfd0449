package org.daijiao.person;

import java.io.Serializable;
import java.math.BigDecimal;

/**
 * One pension enrolment record of the snapshot (docs/inputs.md#headers {@code pension_enrollment}):
 * the scheme, the 6-digit region code of the place of enrolment, the status, and the chosen tier
 * (null when missing or unparseable).
 */
public record Enrollment(Scheme scheme, String regionCode, EnrollmentStatus status, BigDecimal tier)
    implements Serializable {

  /** A resident pension record of the county with this division code (where the tier is read). */
  public boolean isResidentIn(String countyCode) {
    return scheme == Scheme.RESIDENT && countyCode.equals(regionCode);
  }
}
