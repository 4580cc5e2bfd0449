package org.daijiao.eligibility;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Month;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.daijiao.decide.Decider;
import org.daijiao.decide.Decision;
import org.daijiao.decide.Rules2022;
import org.daijiao.person.Enrollment;
import org.daijiao.person.EnrollmentStatus;
import org.daijiao.person.PayerType;
import org.daijiao.person.Payment;
import org.daijiao.person.Period;
import org.daijiao.person.PersonBuilder;
import org.daijiao.person.PersonTimeline;
import org.daijiao.person.Scheme;

/**
 * The whole decision against the 2022 notice read literally, day by day, for policy years 2022 and
 * 2024 (a leap year: 29 February births and days). The oracle below is written from the notice and
 * docs/rules, not from the code under test: the priority order is spelled out, the age on a day is
 * counted in completed years from the birth date (a 29 February birthday falls on 28 February in a
 * common year), and the money rules are restated with their numbers. Dates are drawn mostly near
 * the edges where rules change: 1 January, 28/29 February, 31 August and 1 September, 31 December,
 * the run's as_of and the 16th and 60th birthdays, each ±1 day.
 */
class QualifyingDaysPropertyTest {
  /** §2(一) 多重身份: highest first (the notice, and the policy file's decision for the rest). */
  private static final List<String> PRIORITY =
      List.of("TEKUN", "SEVERE_DISABILITY", "DIBAO", "FANPIN");

  /** §1's exclusions, in the order of their reason codes. */
  private static final List<String> EXCLUSIONS = List.of("STUDENT", "MILITARY", "PRISONER");

  private static final List<String> CATEGORY_CODES =
      List.of(
          "TEKUN", "DIBAO", "FANPIN", "SEVERE_DISABILITY", "MARGINAL_POVERTY", "MILD_DISABILITY");

  private static final String COUNTY = "500243";
  private static final Set<BigDecimal> VALID_TIERS =
      Set.of(100, 200, 300, 400, 500, 600, 700, 800, 900, 1000, 1500, 2000).stream()
          .map(BigDecimal::valueOf)
          .collect(Collectors.toSet());

  record Case(int year, LocalDate asOf, PersonTimeline person) {}

  // ------------------------------------------------------------------ generators

  @Provide
  Arbitrary<Case> cases() {
    return Arbitraries.of(2022, 2024)
        .flatMap(
            year ->
                asOf(year)
                    .flatMap(
                        asOf ->
                            birth(year)
                                .flatMap(birth -> person(year, asOf, birth))
                                .map(p -> new Case(year, asOf, p))));
  }

  /** The days where a rule of the year changes. */
  private static List<LocalDate> keyDates(int year) {
    return List.of(
        LocalDate.of(year, 1, 1),
        LocalDate.of(year, 2, 28),
        LocalDate.of(year, 3, 1).minusDays(1), // 29 February in a leap year
        LocalDate.of(year, 8, 31),
        LocalDate.of(year, 9, 1),
        LocalDate.of(year, 12, 31),
        LocalDate.of(year - 1, 12, 31));
  }

  private static Arbitrary<LocalDate> around(List<LocalDate> days) {
    return Arbitraries.of(days)
        .flatMap(d -> Arbitraries.integers().between(-1, 1).map(d::plusDays));
  }

  private static Arbitrary<LocalDate> uniform(LocalDate from, LocalDate to) {
    return Arbitraries.longs().between(0, to.toEpochDay() - from.toEpochDay()).map(from::plusDays);
  }

  @SuppressWarnings("unchecked")
  private static Arbitrary<LocalDate> asOf(int year) {
    return Arbitraries.frequencyOf(
        Tuple.of(3, Arbitraries.just(LocalDate.of(year, 12, 31))),
        Tuple.of(3, around(keyDates(year)).filter(d -> d.getYear() == year)),
        Tuple.of(2, uniform(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31))),
        Tuple.of(1, uniform(LocalDate.of(year + 1, 1, 1), LocalDate.of(year + 1, 3, 31))));
  }

  /** Mostly births whose 16th or 60th birthday is near a key date of the year. */
  @SuppressWarnings("unchecked")
  private static Arbitrary<LocalDate> birth(int year) {
    return Arbitraries.frequencyOf(
        Tuple.of(3, uniform(LocalDate.of(year - 75, 1, 1), LocalDate.of(year - 5, 12, 31))),
        Tuple.of(2, around(keyDates(year)).map(d -> d.minusYears(16))),
        Tuple.of(2, around(keyDates(year)).map(d -> d.minusYears(60))),
        Tuple.of(
            1,
            Arbitraries.of(
                LocalDate.of(2008, 2, 29),
                LocalDate.of(1964, 2, 29),
                LocalDate.of(2004, 2, 29),
                LocalDate.of(1960, 2, 29),
                LocalDate.of(2006, 2, 28),
                LocalDate.of(2006, 3, 1),
                LocalDate.of(1962, 2, 28),
                LocalDate.of(1962, 3, 1))));
  }

  @SuppressWarnings("unchecked")
  private static Arbitrary<LocalDate> date(int year, LocalDate asOf, LocalDate birth) {
    return Arbitraries.frequencyOf(
        Tuple.of(3, around(keyDates(year))),
        Tuple.of(2, around(List.of(asOf))),
        Tuple.of(2, around(List.of(birth.plusYears(16), birth.plusYears(60)))),
        Tuple.of(3, uniform(LocalDate.of(year - 1, 6, 1), LocalDate.of(year + 1, 3, 31))));
  }

  private static Arbitrary<PersonTimeline> person(int year, LocalDate asOf, LocalDate birth) {
    Arbitrary<LocalDate> date = date(year, asOf, birth);
    Arbitrary<List<Period>> categories =
        period(Arbitraries.of(CATEGORY_CODES), date).list().ofMaxSize(4);
    Arbitrary<List<Period>> exclusions =
        period(Arbitraries.of(EXCLUSIONS), date).list().ofMaxSize(2);
    Arbitrary<List<Enrollment>> enrollments = enrollment().list().ofMaxSize(3);
    Arbitrary<List<Payment>> payments = payment(year, date).list().ofMaxSize(4);
    return Combinators.combine(categories, exclusions, enrollments, payments)
        .as(
            (c, x, e, p) ->
                new PersonTimeline(PersonBuilder.syntheticId(birth, "001"), birth, c, x, e, p));
  }

  private static Arbitrary<Period> period(Arbitrary<String> codes, Arbitrary<LocalDate> date) {
    return Combinators.combine(codes, date.injectNull(0.05), date.injectNull(0.3)).as(Period::new);
  }

  @SuppressWarnings("unchecked")
  private static Arbitrary<Enrollment> enrollment() {
    Arbitrary<Scheme> scheme =
        Arbitraries.frequencyOf(
            Tuple.of(3, Arbitraries.just(Scheme.RESIDENT)),
            Tuple.of(1, Arbitraries.just(Scheme.EMPLOYEE)));
    Arbitrary<String> region =
        Arbitraries.frequencyOf(
            Tuple.of(6, Arbitraries.just(COUNTY)),
            Tuple.of(2, Arbitraries.just(PersonBuilder.OTHER_COUNTY)),
            Tuple.of(1, Arbitraries.just(PersonBuilder.OUTSIDE_MUNICIPALITY)));
    Arbitrary<BigDecimal> tier =
        Arbitraries.of("100", "200", "300", "300.00", "500", "2000", "150", "250")
            .map(BigDecimal::new)
            .injectNull(0.15);
    return Combinators.combine(scheme, region, Arbitraries.of(EnrollmentStatus.class), tier)
        .as(Enrollment::new);
  }

  @SuppressWarnings("unchecked")
  private static Arbitrary<Payment> payment(int year, Arbitrary<LocalDate> date) {
    Arbitrary<Integer> paymentYear =
        Arbitraries.frequencyOf(
            Tuple.of(6, Arbitraries.just(year)),
            Tuple.of(1, Arbitraries.just(year - 1)),
            Tuple.of(1, Arbitraries.just(year + 1)));
    Arbitrary<BigDecimal> amount =
        Arbitraries.of("29.99", "30", "70", "69.99", "100", "130", "199.99", "200", "500", "2000")
            .map(BigDecimal::new)
            .injectNull(0.05);
    Arbitrary<PayerType> payer = Arbitraries.of(PayerType.class).injectNull(0.1);
    return Combinators.combine(paymentYear, amount, date.injectNull(0.05), payer).as(Payment::new);
  }

  // ------------------------------------------------------------------ the oracle

  /**
   * Completed years of age on a day; the birthday of 29 February is 28 February in a common year.
   */
  static int age(LocalDate birth, LocalDate day) {
    int years = day.getYear() - birth.getYear();
    return day.isBefore(birthdayIn(birth, day.getYear())) ? years - 1 : years;
  }

  /** The day a person born on {@code birth} has their birthday in {@code year}. */
  static LocalDate birthdayIn(LocalDate birth, int year) {
    Month month = birth.getMonth();
    int lastDay = LocalDate.of(year, month, 1).lengthOfMonth();
    return LocalDate.of(year, month, Math.min(birth.getDayOfMonth(), lastDay));
  }

  private static boolean covers(Period p, LocalDate asOf, LocalDate day) {
    // A record that starts after as_of does not exist for the run; no start covers nothing.
    return p.start() != null
        && !p.start().isAfter(asOf)
        && !day.isBefore(p.start())
        && (p.end() == null || !day.isAfter(p.end()));
  }

  private static String highest(Set<String> categories) {
    return PRIORITY.stream().filter(categories::contains).findFirst().orElse(null);
  }

  private static boolean countyResident(Enrollment e) {
    return e.scheme() == Scheme.RESIDENT && COUNTY.equals(e.regionCode());
  }

  private static boolean open(Enrollment e) {
    return e.status() == EnrollmentStatus.ACTIVE || e.status() == EnrollmentStatus.SUSPENDED;
  }

  @Property(tries = 600)
  void theDecisionAgreesWithTheNoticeReadDayByDay(@ForAll("cases") Case c) {
    int year = c.year();
    PersonTimeline p = c.person();
    LocalDate asOf = c.asOf();
    LocalDate yearEnd = LocalDate.of(year, 12, 31);
    LocalDate end = asOf.isBefore(yearEnd) ? asOf : yearEnd;

    // Conditions 1–3, day by day over W = [Y-01-01, min(Y-12-31, as_of)].
    Set<String> heldInW = new TreeSet<>();
    Set<String> onQualifyingDays = new TreeSet<>();
    List<LocalDate> qualifying = new ArrayList<>();
    List<LocalDate> heldAndAge = new ArrayList<>();
    boolean heldUnder16 = false;
    boolean held60 = false;
    for (LocalDate d = LocalDate.of(year, 1, 1); !d.isAfter(end); d = d.plusDays(1)) {
      LocalDate day = d;
      Set<String> today =
          p.categoryPeriods().stream()
              .filter(q -> PRIORITY.contains(q.code()) && covers(q, asOf, day))
              .map(Period::code)
              .collect(Collectors.toSet());
      if (today.isEmpty()) {
        continue;
      }
      heldInW.addAll(today);
      int age = age(p.birthDate(), d);
      if (age < 16) {
        heldUnder16 = true;
      } else if (age >= 60) {
        held60 = true;
      } else {
        heldAndAge.add(d);
        if (p.exclusionPeriods().stream().noneMatch(x -> covers(x, asOf, day))) {
          qualifying.add(d);
          onQualifyingDays.addAll(today);
        }
      }
    }

    List<String> reasons = new ArrayList<>();
    if (heldInW.isEmpty()) {
      reasons.add("NO_TARGET_CATEGORY");
    } else if (heldAndAge.isEmpty()) {
      if (heldUnder16) {
        reasons.add("AGE_UNDER_16");
      }
      if (held60) {
        reasons.add("AGE_60_OR_OVER");
      }
    } else if (qualifying.isEmpty()) {
      for (String code : EXCLUSIONS) {
        if (p.exclusionPeriods().stream()
            .anyMatch(
                x ->
                    x.code().equals(code)
                        && heldAndAge.stream().anyMatch(d -> covers(x, asOf, d)))) {
          reasons.add(code);
        }
      }
    }
    List<Enrollment> records = p.enrollments();
    if (records.stream()
        .anyMatch(e -> e.scheme() == Scheme.EMPLOYEE && e.status() == EnrollmentStatus.ACTIVE)) {
      reasons.add("EMPLOYEE_PENSION");
    }
    if (records.stream()
        .anyMatch(
            e -> e.scheme() == Scheme.RESIDENT && open(e) && !e.regionCode().startsWith("50"))) {
      reasons.add("RESIDENT_PENSION_OUTSIDE_MUNICIPALITY");
    }
    if (records.stream()
        .anyMatch(
            e ->
                e.scheme() == Scheme.RESIDENT
                    && open(e)
                    && e.regionCode().startsWith("50")
                    && !e.regionCode().equals(COUNTY))) {
      reasons.add("RESIDENT_PENSION_OTHER_COUNTY");
    }
    if (records.stream().anyMatch(e -> e.status() == EnrollmentStatus.RECEIVING)) {
      reasons.add("RECEIVING_PENSION");
    }
    boolean eligible = reasons.isEmpty();

    // §2(一) T: this county's resident records, ACTIVE ones else SUSPENDED ones; the highest valid
    // tier, flagged when they disagree; none → L = 100, flagged.
    List<Enrollment> county = records.stream().filter(e -> countyResident(e)).toList();
    List<Enrollment> live =
        county.stream().filter(e -> e.status() == EnrollmentStatus.ACTIVE).toList();
    if (live.isEmpty()) {
      live = county.stream().filter(e -> e.status() == EnrollmentStatus.SUSPENDED).toList();
    }
    Set<BigDecimal> validTiers =
        live.stream()
            .map(Enrollment::tier)
            .filter(t -> t != null && VALID_TIERS.stream().anyMatch(v -> v.compareTo(t) == 0))
            .map(BigDecimal::stripTrailingZeros)
            .collect(Collectors.toSet());
    BigDecimal tier = validTiers.stream().max(BigDecimal::compareTo).orElse(new BigDecimal("100"));
    List<String> flags =
        validTiers.isEmpty()
            ? List.of("TIER_DEFAULTED")
            : validTiers.size() > 1 ? List.of("TIER_CONFLICT") : List.of();

    // §2(二) what was paid for year Y by as_of.
    BigDecimal self = BigDecimal.ZERO;
    BigDecimal government = BigDecimal.ZERO;
    for (Payment pay : p.payments()) {
      if (pay.paymentYear() == year
          && pay.amount() != null
          && pay.paidDate() != null
          && !pay.paidDate().isAfter(asOf)) {
        if (pay.payerType() == PayerType.SELF) {
          self = self.add(pay.amount());
        } else if (pay.payerType() == PayerType.GOVERNMENT) {
          government = government.add(pay.amount());
        }
      }
    }

    Decider decider = new Decider(year == 2022 ? Rules2022.POLICY : Rules2022.forYear(year), asOf);
    Decision decision = decider.decide(p);
    QualifyingDays days =
        QualifyingDays.of(p, year == 2022 ? Rules2022.POLICY : Rules2022.forYear(year), asOf);

    assertThat(days.qualifying().dayCount()).as("qualifying days").isEqualTo(qualifying.size());
    assertThat(decision.reasons()).as("reasons").isEqualTo(reasons);
    assertThat(decision.eligible()).isEqualTo(eligible);
    assertThat(decision.inCoverageTarget()).as("coverage target").isEqualTo(!qualifying.isEmpty());
    assertThat(decision.heldCategories())
        .as("held in W, highest first")
        .isEqualTo(PRIORITY.stream().filter(heldInW::contains).toList());
    assertThat(decision.insured())
        .isEqualTo(
            records.stream().anyMatch(e -> open(e) || e.status() == EnrollmentStatus.RECEIVING));
    LocalDate sixtieth = birthdayIn(p.birthDate(), p.birthDate().getYear() + 60);
    assertThat(decision.pensionAgeDate()).as("60th birthday").isEqualTo(sixtieth);
    assertThat(decision.reachesPensionAge())
        .isEqualTo(
            !heldInW.isEmpty()
                && !sixtieth.isBefore(LocalDate.of(year, 1, 1))
                && !sixtieth.isAfter(end));
    assertThat(decision.tier()).as("T").isEqualByComparingTo(tier);
    assertThat(decision.selfPaidAmount()).isEqualByComparingTo(self);
    assertThat(decision.governmentPaidAmount()).isEqualByComparingTo(government);

    if (!eligible) {
      assertThat(decision.category())
          .as("reported under the highest category held in W")
          .isEqualTo(highest(heldInW));
      assertThat(decision.firstEligibleDate()).isNull();
      assertThat(decision.batch()).isNull();
      assertThat(decision.deadline()).isNull();
      assertThat(decision.status()).isNull();
      assertThat(decision.paid()).isFalse();
      return;
    }
    String category = highest(onQualifyingDays);
    LocalDate first = qualifying.get(0);
    BigDecimal subsidy =
        category.equals("TEKUN") || category.equals("SEVERE_DISABILITY")
            ? new BigDecimal("100")
            : new BigDecimal("70");
    BigDecimal selfPay = tier.subtract(subsidy);
    boolean refund = self.compareTo(tier) >= 0;
    boolean regular = !first.isAfter(LocalDate.of(year, 8, 31));
    boolean enrolled = records.stream().anyMatch(e -> countyResident(e) && open(e));
    String status =
        !enrolled
            ? "AWAITING_ENROLLMENT"
            : refund
                ? "REFUND_DUE"
                : government.compareTo(subsidy) >= 0
                    ? "SETTLED"
                    : self.compareTo(selfPay) < 0
                        ? "AWAITING_SELF_PAYMENT"
                        : "AWAITING_GOVERNMENT_PAYMENT";

    assertThat(decision.category()).as("resolved category").isEqualTo(category);
    assertThat(decision.firstEligibleDate()).isEqualTo(first);
    assertThat(decision.subsidyAmount()).isEqualByComparingTo(subsidy);
    assertThat(decision.selfPayAmount()).isEqualByComparingTo(selfPay);
    assertThat(decision.flags()).isEqualTo(flags);
    assertThat(decision.mode()).isEqualTo(refund ? "POST_HOC_REFUND" : "DIRECT");
    assertThat(decision.batch()).isEqualTo(regular ? "REGULAR" : "DYNAMIC");
    assertThat(decision.deadline())
        .isEqualTo(regular ? LocalDate.of(year, 8, 31) : LocalDate.of(year, 12, 31));
    assertThat(decision.status()).isEqualTo(status);
    assertThat(decision.paid()).isEqualTo(self.add(government).compareTo(tier) >= 0);
  }

  @Property(tries = 50)
  void theOraclesAgeCountsCompletedYears(@ForAll("cases") Case c) {
    LocalDate b = c.person().birthDate();
    // The day before the 16th birthday the person is 15, on it 16 (a check of the oracle itself).
    LocalDate sixteenth = birthdayIn(b, b.getYear() + 16);
    assertThat(age(b, sixteenth.minusDays(1))).isEqualTo(15);
    assertThat(age(b, sixteenth)).isEqualTo(16);
  }
}
