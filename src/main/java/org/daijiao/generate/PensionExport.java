package org.daijiao.generate;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.daijiao.generate.SyntheticPerson.Story;
import org.daijiao.ingest.Source;
import org.daijiao.policy.Policy;

/**
 * The social insurance system's enrolment snapshot: most roster persons have a resident pension
 * record in the county, some in another Chongqing county or outside the municipality, some an
 * employee pension (each an exclusion of §1); most people aged 60 or more already draw a pension.
 * Resident records come from one export (Chinese headers), employee records from another (canonical
 * headers).
 */
final class PensionExport {
  private static final List<String> COLUMNS =
      List.of("id_number", "name", "scheme", "region_code", "status", "tier", "person_number");
  private static final String[] OTHER_COUNTIES = {
    "500101", "500102", "500103", "500104", "500105", "500106", "500107", "500108", "500110",
    "500112", "500114", "500115", "500116", "500118", "500151", "500230", "500231", "500233",
    "500235", "500236", "500237", "500238", "500240", "500241", "500242"
  };
  private static final String[] OUTSIDE = {
    "510104", "420106", "440305", "330106", "520102", "430105"
  };

  private final SplittableRandom rng;
  private final Dirt dirt;
  private final Policy policy;
  private final List<Enrollment> enrollments = new ArrayList<>();
  private int personNumber;

  PensionExport(SplittableRandom rng, Dirt dirt, Policy policy) {
    this.rng = rng;
    this.dirt = dirt;
    this.policy = policy;
  }

  /** Every record generated, for the tax export. */
  List<Enrollment> enrollments() {
    return List.copyOf(enrollments);
  }

  List<ExportFile> files(List<SyntheticPerson> roster, List<SyntheticPerson> others) {
    List<List<Object>> resident = new ArrayList<>();
    List<List<Object>> employee = new ArrayList<>();
    for (SyntheticPerson p : roster) {
      if (tooYoung(p)) {
        continue;
      }
      if (p.has(Story.RETIRED_WORKER)) {
        add(employee, new Enrollment(p, false, policy.countyCode(), "RECEIVING", null));
        continue;
      }
      if (p.has(Story.PRISONER_ENROLLED_ELSEWHERE)) {
        add(resident, new Enrollment(p, true, pick(OTHER_COUNTIES), "ACTIVE", lowest()));
        continue;
      }
      int r = rng.nextInt(100);
      if (r < 79) {
        Enrollment county = countyRecord(p, 0.80);
        if (p.has(Story.TWO_LIVE_RECORDS)) {
          // Re-registered under a new person number; the old record was never closed.
          Enrollment first = new Enrollment(p, true, county.region(), "ACTIVE", county.tier());
          add(resident, first);
          add(
              resident,
              new Enrollment(p, true, county.region(), "ACTIVE", otherTier(first.tier())));
        } else {
          add(resident, county);
        }
        if (rng.nextInt(100) < 3) {
          // Moved in from another county: the old record there is closed.
          add(resident, new Enrollment(p, true, pick(OTHER_COUNTIES), "TERMINATED", lowest()));
        }
        if (rng.nextInt(100) < 4) {
          // Worked for a company in town once; came home: the employee record is closed.
          add(employee, new Enrollment(p, false, pick(OTHER_COUNTIES), "TERMINATED", null));
        }
      } else if (r < 82) {
        add(resident, new Enrollment(p, true, pick(OTHER_COUNTIES), elsewhereStatus(p), lowest()));
      } else if (r < 84) {
        add(resident, new Enrollment(p, true, pick(OUTSIDE), elsewhereStatus(p), lowest()));
      } else if (r < 87) {
        String region = rng.nextBoolean() ? policy.countyCode() : pick(OTHER_COUNTIES);
        add(employee, new Enrollment(p, false, region, employeeStatus(), null));
      }
    }
    for (SyntheticPerson p : others) {
      if (tooYoung(p)) {
        continue;
      }
      int r = rng.nextInt(100);
      if (r < 85) {
        add(resident, countyRecord(p, 0.60));
      } else if (r < 92) {
        add(resident, new Enrollment(p, true, pick(OTHER_COUNTIES), "ACTIVE", lowest()));
      } else {
        add(employee, new Enrollment(p, false, policy.countyCode(), "ACTIVE", null));
      }
    }
    return List.of(
        new ExportFile(
            Source.PENSION_ENROLLMENT,
            "shebao_cxjm_canbao_2022.csv",
            ExportFile.Format.CSV_UTF8,
            ExportFile.header(Source.PENSION_ENROLLMENT, COLUMNS, 0),
            resident),
        new ExportFile(
            Source.PENSION_ENROLLMENT,
            "shebao_qyzg_canbao_2022.csv",
            ExportFile.Format.CSV_UTF8,
            ExportFile.header(Source.PENSION_ENROLLMENT, COLUMNS, -1),
            employee));
  }

  /**
   * A county resident record: aged 60 or more on 1 January → mostly drawing a pension; otherwise
   * paying, a few suspended or terminated. {@code lowestShare} of persons choose the lowest tier.
   */
  private Enrollment countyRecord(SyntheticPerson p, double lowestShare) {
    int r = rng.nextInt(100);
    String status;
    if (p.ageOn(policy.yearStart()) >= policy.ages().maxAge()) {
      status = r < 85 ? "RECEIVING" : r < 95 ? "ACTIVE" : "TERMINATED";
    } else {
      status = r < 87 ? "ACTIVE" : r < 94 ? "SUSPENDED" : "TERMINATED";
    }
    BigDecimal tier = rng.nextDouble() < lowestShare ? lowest() : higherTier();
    return new Enrollment(p, true, policy.countyCode(), status, tier);
  }

  /**
   * A tier above the lowest: one of the next nine mostly, the tiers above those (1500, 2000) for 6
   * % of the persons who choose more.
   */
  private BigDecimal higherTier() {
    List<BigDecimal> tiers = policy.amounts().validTiers();
    if (tiers.size() > 10 && rng.nextInt(100) < 6) {
      return tiers.get(10 + rng.nextInt(tiers.size() - 10));
    }
    return tiers.get(1 + rng.nextInt(Math.min(tiers.size() - 1, 9)));
  }

  /** A valid tier other than {@code tier}: the one chosen on the second registration. */
  private BigDecimal otherTier(BigDecimal tier) {
    List<BigDecimal> tiers = policy.amounts().validTiers();
    BigDecimal other = tiers.get(rng.nextInt(Math.min(tiers.size(), 5)));
    return tier != null && other.compareTo(tier) == 0 ? tiers.get(5) : other;
  }

  /**
   * A resident record in another county or outside the municipality: mostly drawing a pension there
   * from 60, otherwise paying, a fifth suspended.
   */
  private String elsewhereStatus(SyntheticPerson p) {
    int r = rng.nextInt(100);
    if (p.ageOn(policy.yearStart()) >= policy.ages().maxAge()) {
      return r < 80 ? "RECEIVING" : "ACTIVE";
    }
    return r < 80 ? "ACTIVE" : "SUSPENDED";
  }

  /** An employee record: 75 % paying, 15 % interrupted (暂停缴费), 10 % closed. */
  private String employeeStatus() {
    int r = rng.nextInt(100);
    return r < 75 ? "ACTIVE" : r < 90 ? "SUSPENDED" : "TERMINATED";
  }

  private void add(List<List<Object>> rows, Enrollment generated) {
    Enrollment e = generated;
    String tierText = e.tier() == null ? "" : e.tier().stripTrailingZeros().toPlainString();
    if (e.resident() && dirt.roll(0.015)) {
      dirt.count(DirtKind.INVALID_TIER);
      // Left empty, or half-way between the two lowest tiers: not a tier of the policy.
      tierText =
          rng.nextBoolean()
              ? ""
              : lowest().multiply(new BigDecimal("1.5")).stripTrailingZeros().toPlainString();
      e = new Enrollment(e.person(), true, e.region(), e.status(), null);
    }
    enrollments.add(e);
    personNumber++;
    List<Object> row =
        List.of(
            dirt.id(e.person().id()),
            dirt.name(e.person().name(), 0.03),
            schemeWord(e.resident()),
            e.region(),
            statusWord(e.status()),
            tierText,
            String.format(Locale.ROOT, "%s%08d", policy.countyCode(), personNumber));
    rows.add(row);
    if (dirt.roll(0.01)) {
      dirt.count(DirtKind.EXACT_DUPLICATE_ROW);
      rows.add(row);
    }
  }

  private String schemeWord(boolean resident) {
    if (resident) {
      return rng.nextInt(5) == 0 ? "城乡居保" : "城乡居民基本养老保险";
    }
    return rng.nextInt(5) == 0 ? "企业职工" : "企业职工基本养老保险";
  }

  private String statusWord(String status) {
    return switch (status) {
      case "ACTIVE" -> rng.nextInt(3) == 0 ? "正常" : "参保缴费";
      case "SUSPENDED" -> "暂停缴费";
      case "TERMINATED" -> rng.nextInt(3) == 0 ? "注销" : "终止";
      default -> "待遇领取";
    };
  }

  /** Nobody enrols before the minimum age (§2(二) 年满16周岁): no record for a child. */
  private boolean tooYoung(SyntheticPerson p) {
    return p.ageOn(policy.yearEnd()) < policy.ages().minAge();
  }

  private BigDecimal lowest() {
    return policy.amounts().validTiers().get(0);
  }

  private String pick(String[] values) {
    return values[rng.nextInt(values.length)];
  }
}
