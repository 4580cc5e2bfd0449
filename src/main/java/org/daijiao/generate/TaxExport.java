package org.daijiao.generate;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.daijiao.generate.Dirt.DateStyle;
import org.daijiao.generate.SyntheticPerson.Role;
import org.daijiao.ingest.Source;
import org.daijiao.person.Category;
import org.daijiao.policy.Policy;

/**
 * The tax bureau's contribution records (§2.5): persons' own payments (个人缴费) — the tier less the
 * subsidy they expect, or the whole tier (→ post-hoc refund), some after the cut-off, a few after
 * the year — and the government's payments on their behalf (政府代缴) in early September or December.
 * Some persons also paid for the year before.
 */
final class TaxExport {
  private static final List<String> COLUMNS =
      List.of("id_number", "name", "payment_year", "amount", "paid_date", "payer_type");

  private record Payment(SyntheticPerson person, int year, BigDecimal amount, LocalDate date) {}

  private final SplittableRandom rng;
  private final Dirt dirt;
  private final Policy policy;
  private final RosterDates dates;

  TaxExport(SplittableRandom rng, Dirt dirt, Policy policy, RosterDates dates) {
    this.rng = rng;
    this.dirt = dirt;
    this.policy = policy;
    this.dates = dates;
  }

  List<ExportFile> files(List<Enrollment> enrollments) {
    int y = policy.policyYear();
    LocalDate cutoff = policy.regularCutoff();
    List<Payment> self = new ArrayList<>();
    List<Payment> government = new ArrayList<>();
    for (Enrollment e : enrollments) {
      if (!e.payingInCounty(policy.countyCode())) {
        continue;
      }
      BigDecimal tier = e.tier() == null ? policy.lowestTier() : e.tier();
      BigDecimal subsidy = expectedSubsidy(e.person());
      if (rng.nextInt(100) < 60) {
        BigDecimal own = tier.subtract(subsidy);
        if (subsidy.signum() > 0 && rng.nextInt(100) < 6) {
          own = tier; // paid the whole tier alone: the department refunds the subsidy afterwards
        }
        if (own.signum() > 0) {
          LocalDate date = selfPaymentDate(y, cutoff);
          if (own.compareTo(BigDecimal.valueOf(20)) >= 0 && rng.nextInt(100) < 5) {
            BigDecimal half = own.divide(BigDecimal.valueOf(2), 2, RoundingMode.DOWN);
            self.add(new Payment(e.person(), y, half, date));
            self.add(
                new Payment(
                    e.person(), y, own.subtract(half), dates.between(date, cutoff.plusDays(60))));
          } else {
            self.add(new Payment(e.person(), y, own, date));
          }
        }
        if (rng.nextInt(100) < 25 && own.signum() > 0) {
          LocalDate before = dates.between(LocalDate.of(y - 1, 2, 1), LocalDate.of(y - 1, 11, 30));
          self.add(new Payment(e.person(), y - 1, own, before));
        }
      }
      if (subsidy.signum() > 0 && rng.nextInt(100) < 40) {
        LocalDate date =
            rng.nextInt(100) < 80
                ? dates.between(cutoff.plusDays(5), cutoff.plusDays(30))
                : dates.between(LocalDate.of(y, 12, 1), LocalDate.of(y, 12, 28));
        BigDecimal amount = subsidy;
        if (subsidy.compareTo(policy.lowestTier()) >= 0 && rng.nextInt(100) < 10) {
          // Paid at the 70 % rate of a 低保 person before the full rate (特困, 重残) was recognised.
          amount = policy.subsidyFor(Category.DIBAO);
        }
        government.add(new Payment(e.person(), y, amount, date));
      }
    }
    return List.of(
        file("shuiwu_geren_jiaofei_2022.csv", 0, DateStyle.ISO, "个人缴费", self),
        file("shuiwu_zhengfu_daijiao_2022.csv", 1, DateStyle.COMPACT, "政府代缴", government));
  }

  /** 80 % by the cut-off, 19.5 % after it, 0.5 % after the year (late, still for year Y). */
  private LocalDate selfPaymentDate(int y, LocalDate cutoff) {
    int r = rng.nextInt(1000);
    if (r < 800) {
      return dates.between(LocalDate.of(y, 1, 10), cutoff);
    }
    if (r < 995) {
      return dates.between(cutoff.plusDays(1), LocalDate.of(y, 12, 31));
    }
    return dates.between(LocalDate.of(y + 1, 1, 5), LocalDate.of(y + 1, 2, 28));
  }

  /**
   * What a person whose roles suggest a subsidy expects (the highest-priority target category,
   * §2.3), if aged 16–59 in mid-year; zero otherwise. The generator's guess, not the pipeline's
   * decision.
   */
  private BigDecimal expectedSubsidy(SyntheticPerson p) {
    int age = p.ageOn(LocalDate.of(policy.policyYear(), 7, 1));
    if (age < policy.ages().minAge() || age >= policy.ages().maxAge()) {
      return BigDecimal.ZERO;
    }
    Category best = null;
    for (Category c : targetCategories(p)) {
      if (best == null || policy.priorityRank(c) < policy.priorityRank(best)) {
        best = c;
      }
    }
    return best == null ? BigDecimal.ZERO : policy.subsidyFor(best);
  }

  private static List<Category> targetCategories(SyntheticPerson p) {
    List<Category> categories = new ArrayList<>();
    if (p.has(Role.TEKUN)) {
      categories.add(Category.TEKUN);
    }
    if (p.severeDisability()) {
      categories.add(Category.SEVERE_DISABILITY);
    }
    if (p.has(Role.DIBAO)) {
      categories.add(Category.DIBAO);
    }
    if (p.has(Role.FANPIN)) {
      categories.add(Category.FANPIN);
    }
    return categories;
  }

  private ExportFile file(
      String name, int aliasIndex, DateStyle fileStyle, String payerWord, List<Payment> payments) {
    List<List<Object>> rows = new ArrayList<>();
    List<RowLife> lives = new ArrayList<>();
    for (Payment p : payments) {
      DateStyle style = dirt.rowStyle(fileStyle, 0.02);
      List<Object> row =
          List.of(
              dirt.id(p.person().id()),
              dirt.name(p.person().name(), 0.03),
              String.valueOf(p.year()),
              dirt.amount(p.amount()),
              style.format(p.date()),
              payerWord);
      RowLife life = RowLife.payment(p.person(), p.date());
      rows.add(row);
      lives.add(life);
      if (dirt.roll(0.01)) {
        dirt.count(DirtKind.EXACT_DUPLICATE_ROW);
        rows.add(row);
        lives.add(life);
      }
    }
    return new ExportFile(
        Source.TAX_PAYMENTS,
        name,
        ExportFile.Format.CSV_UTF8,
        ExportFile.header(Source.TAX_PAYMENTS, COLUMNS, aliasIndex),
        rows,
        lives);
  }
}
