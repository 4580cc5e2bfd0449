package org.daijiao.eligibility;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.daijiao.person.Enrollment;
import org.daijiao.person.EnrollmentStatus;
import org.daijiao.person.Scheme;
import org.daijiao.policy.Policy;

/**
 * What the enrolment snapshot says about one person's eligibility: the insurance-based exclusions
 * of §1 and whether the person is insured (docs/rules.md#coverage-target). The snapshot has no
 * dates: a record applies whenever it exists. (The tier and the 销号 status read the same records in
 * the ledger.)
 */
public final class EnrollmentSnapshot {
  private final List<Enrollment> records;
  private final Policy policy;

  public EnrollmentSnapshot(List<Enrollment> records, Policy policy) {
    this.records = records == null ? List.of() : List.copyOf(records);
    this.policy = policy;
  }

  public List<Enrollment> records() {
    return records;
  }

  /**
   * The insurance-based reasons of docs/rules.md#insurance-exclusions that hold, whatever the
   * qualifying days.
   */
  public Set<Reason> insuranceExclusions() {
    Set<Reason> reasons = EnumSet.noneOf(Reason.class);
    for (Enrollment e : records) {
      // §1 市内外参加企业职工基本养老保险的人员, 不纳入资助范围
      if (e.scheme() == Scheme.EMPLOYEE && e.status() == EnrollmentStatus.ACTIVE) {
        reasons.add(Reason.EMPLOYEE_PENSION);
      }
      if (e.scheme() == Scheme.RESIDENT && e.status().isOpen()) {
        if (!policy.isInMunicipality(e.regionCode())) {
          // §1 市外参加城乡居民基本养老保险的人员, 不纳入资助范围
          reasons.add(Reason.RESIDENT_PENSION_OUTSIDE_MUNICIPALITY);
        } else if (!policy.isCounty(e.regionCode())) {
          // Decision (docs/decisions.md#other-county-enrolment): enrolled in another county of the
          // municipality → its ledger
          reasons.add(Reason.RESIDENT_PENSION_OTHER_COUNTY);
        }
      }
      if (e.status() == EnrollmentStatus.RECEIVING) {
        reasons.add(Reason.RECEIVING_PENSION);
      }
    }
    return reasons;
  }

  /**
   * docs/rules.md#coverage-target: an ACTIVE, SUSPENDED or RECEIVING record in any scheme, any
   * region.
   */
  public boolean insured() {
    return records.stream()
        .anyMatch(e -> e.status().isOpen() || e.status() == EnrollmentStatus.RECEIVING);
  }
}
