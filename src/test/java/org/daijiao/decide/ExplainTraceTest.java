package org.daijiao.decide;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.daijiao.person.Enrollment;
import org.daijiao.person.EnrollmentStatus;
import org.daijiao.person.PayerType;
import org.daijiao.person.Payment;
import org.daijiao.person.Period;
import org.daijiao.person.PersonBuilder;
import org.daijiao.person.PersonTimeline;
import org.daijiao.person.Scheme;
import org.junit.jupiter.api.Test;

/**
 * What {@code daijiao explain} prints, line by line (docs/operations.md, explain): every step of
 * the trail for an eligible person with two categories who turns 60 in W, a person over 60 drawing
 * a pension, a student, a person whose only category starts after as_of, and a person with payments
 * that cannot be counted; then the status line of each 销号 status. Each text was checked against the
 * 2022 policy by hand (the ages, dates, tiers and amounts are worked out in the comments).
 */
class ExplainTraceTest {

  private static String render(PersonTimeline p, String asOf) {
    ExplainedDecision d = new Decider(Rules2022.POLICY, LocalDate.parse(asOf)).explain(p);
    return Explanation.render(p, d, Rules2022.POLICY);
  }

  private static String statusLine(PersonBuilder person) {
    List<Step> trace =
        new Decider(Rules2022.POLICY, Rules2022.YEAR_END).explain(person.build()).trace();
    assertThat(trace.get(11).rule()).isEqualTo("销号 status");
    return trace.get(11).finding();
  }

  private static PersonBuilder dibao() {
    return PersonBuilder.born("1980-05-01").dibao("2021-01-01", null);
  }

  @Test
  void tekunAndSevereDisabilityWhoTurns60InJuneWithTwoActiveTiers() {
    // 60th birthday 2022-06-15: qualifying 2022-01-01 … 06-14 (165 days); 特困 outranks 重残;
    // two ACTIVE records at 300 and 500: T = 500, TIER_CONFLICT; 特困 subsidy 100 % × 100,
    // self_pay 400; nothing paid → AWAITING_SELF_PAYMENT.
    PersonTimeline p =
        PersonBuilder.born("1962-06-15")
            .tekun("2021-01-01", null)
            .severeDisability("2022-03-01", "2022-04-30")
            .countyResident("ACTIVE", "300")
            .countyResident("ACTIVE", "500")
            .build();
    assertThat(render(p, "2022-12-31")).isEqualTo(TURNS60);
  }

  @Test
  void dibaoAndFanpinOver60DrawingAPensionIsNotEligibleAndHasNoLedgerRow() {
    // 60th birthday 2020-06-15, before W: AGE_60_OR_OVER; the RECEIVING record: RECEIVING_PENSION;
    // reported under 低保, the higher of the two categories held.
    PersonTimeline p =
        PersonBuilder.born("1960-06-15")
            .dibao("2021-01-01", null)
            .fanpin("2022-01-01", null)
            .countyResident("RECEIVING", null)
            .build();
    assertThat(render(p, "2022-12-31")).isEqualTo(OLD);
  }

  @Test
  void studentBornOn29FebruaryWithAPrisonSentenceAfterAsOf() {
    // as_of 2022-10-31: W ends then; the 16th birthday of a 2004-02-29 birth is 2020-02-29; the
    // student period covers every day of W; the prison period starts after as_of and does not
    // exist.
    PersonTimeline p =
        PersonBuilder.born("2004-02-29")
            .dibao("2021-01-01", null)
            .student("2020-09-01", null)
            .prisoner("2023-01-01", null)
            .category("MILD_DISABILITY", "2022-02-01", null)
            .build();
    assertThat(render(p, "2022-10-31")).isEqualTo(STUDENT);
  }

  @Test
  void aCategoryStartingAfterAsOfHoldsNothing() {
    PersonTimeline p = PersonBuilder.born("1990-01-01").fanpin("2022-11-01", null).build();
    assertThat(render(p, "2022-10-31")).isEqualTo(NOBODY);
  }

  @Test
  void aPersonWithoutAnyRecordSaysSo() {
    String text = render(PersonBuilder.born("1990-01-01").build(), "2022-10-31");
    assertThat(text)
        .contains(
            "2. §1 §2(一) 身份 target categories held\n"
                + "   no category record\n"
                + "   no target category held on any day of W → NO_TARGET_CATEGORY\n");
  }

  @Test
  void paymentsWithoutAmountDateOrPayerAreListedAndNotCounted() {
    // self_pay = 100 − 70 = 30; only the dated SELF 29.50 counts: one cent short.
    LocalDate born = LocalDate.of(1985, 7, 7);
    LocalDate march = LocalDate.of(2022, 3, 1);
    PersonTimeline p =
        new PersonTimeline(
            PersonBuilder.syntheticId(born, "001"),
            born,
            List.of(new Period("DIBAO", LocalDate.of(2022, 1, 1), null)),
            List.of(),
            List.of(
                new Enrollment(
                    Scheme.RESIDENT, "500243", EnrollmentStatus.ACTIVE, new BigDecimal("100"))),
            List.of(
                new Payment(2022, null, march, PayerType.SELF),
                new Payment(2022, new BigDecimal("30"), null, PayerType.SELF),
                new Payment(2022, new BigDecimal("30"), march, null),
                new Payment(2022, new BigDecimal("29.50"), march, PayerType.SELF)));
    assertThat(render(p, "2022-12-31")).isEqualTo(ODD);
  }

  @Test
  void statusAwaitingEnrollmentNamesTheCounty() {
    assertThat(statusLine(dibao().enrolled("EMPLOYEE", "500243", "SUSPENDED", "300")))
        .isEqualTo(
            "AWAITING_ENROLLMENT: no ACTIVE/SUSPENDED resident pension record in county 500243");
  }

  @Test
  void statusRefundDueNamesTheRefund() {
    assertThat(
            statusLine(dibao().countyResident("ACTIVE", "200").selfPaid(2022, "200", "2022-03-01")))
        .isEqualTo("REFUND_DUE: paid the whole year alone; the department refunds 70.00");
  }

  @Test
  void statusSettledNamesWhatTheGovernmentPaid() {
    assertThat(
            statusLine(
                dibao().countyResident("ACTIVE", "100").governmentPaid(2022, "70", "2022-09-05")))
        .isEqualTo("SETTLED: government_paid 70.00 ≥ subsidy");
  }

  @Test
  void statusAwaitingSelfPaymentNamesBothAmounts() {
    assertThat(
            statusLine(
                dibao().countyResident("SUSPENDED", "300").selfPaid(2022, "100", "2022-03-01")))
        .isEqualTo("AWAITING_SELF_PAYMENT: self_paid 100.00 < self_pay 230.00");
  }

  @Test
  void statusAwaitingGovernmentPaymentNamesBothAmounts() {
    assertThat(
            statusLine(
                dibao()
                    .countyResident("ACTIVE", "100")
                    .selfPaid(2022, "30", "2022-03-01")
                    .governmentPaid(2022, "20", "2022-09-05")))
        .isEqualTo(
            "AWAITING_GOVERNMENT_PAYMENT: own part paid; government_paid 20.00 < subsidy 70.00");
  }

  @Test
  void aSuspendedRecordWithoutAValidTierIsNamedInTheAmounts() {
    List<Step> trace =
        new Decider(Rules2022.POLICY, Rules2022.YEAR_END)
            .explain(
                PersonBuilder.born("1980-05-01")
                    .fanpin("2022-09-10", null)
                    .countyResident("SUSPENDED", "150")
                    .governmentPaid(2022, "70", "2022-10-05")
                    .build())
            .trace();
    assertThat(trace.get(8).finding())
        .isEqualTo(
            "T = 100.00 (no valid tier on the SUSPENDED county resident record: T = L,"
                + " TIER_DEFAULTED)\n"
                + "L = 100.00; subsidy = 70% × L = 70.00; self_pay = T − subsidy = 30.00");
    assertThat(trace.get(10).finding())
        .isEqualTo(
            "first qualifying day 2022-09-10 after 2022-08-31 → DYNAMIC (即进立保), deadline"
                + " 2022-12-31");
  }

  @Test
  void aPersonWhoIsNotEligibleIsNotPaidWhateverWasPaid() {
    List<Step> trace =
        new Decider(Rules2022.POLICY, Rules2022.YEAR_END)
            .explain(
                dibao()
                    .countyResident("RECEIVING", null)
                    .selfPaid(2022, "100", "2022-03-01")
                    .governmentPaid(2022, "70", "2022-09-05")
                    .build())
            .trace();
    assertThat(trace.get(12).finding())
        .isEqualTo(
            "coverage target: yes; insured (ACTIVE/SUSPENDED/RECEIVING, any scheme or region): yes;"
                + " paid (eligible, self_paid + government_paid ≥ T): no");
  }

  @Test
  void aDecisionOfAnotherPolicyYearIsRefused() {
    PersonTimeline p = dibao().build();
    ExplainedDecision d2023 =
        new Decider(Rules2022.forYear(2023), LocalDate.of(2023, 12, 31)).explain(p);
    assertThatThrownBy(() -> Explanation.render(p, d2023, Rules2022.POLICY))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the decision is for policy year 2023, the policy for 2022");
  }

  private static final String TURNS60 =
      """
        代缴资助 2022 — county 500243, as_of 2022-12-31
        ID 500243********001X
        Decision: eligible as 特困 TEKUN, subsidy 100.00, DIRECT, REGULAR batch by 2022-08-31, status AWAITING_SELF_PAYMENT

        1. §2 W 政策年度时间窗 window
           W = 2022-01-01 – 2022-12-31 (policy year 2022, as_of 2022-12-31)
        2. §1 §2(一) 身份 target categories held
           特困 TEKUN 2021-01-01 – ongoing
           重残 SEVERE_DISABILITY 2022-03-01 – 2022-04-30
           held in W: 特困 2022-01-01 – 2022-12-31
           held in W: 重残 2022-03-01 – 2022-04-30
        3. §2(一) §2(二) 年龄 age window
           born 1962-06-15; age window [满16周岁 1978-06-15, 满60周岁 2022-06-15)
           category held and age within the window: 2022-01-01 – 2022-06-14
        4. §1 排除 student / military / prisoner
           no exclusion period
        5. §1 §2(一) §2(二) 代缴资格日 qualifying days
           2022-01-01 – 2022-06-14 (165 days); first qualifying day 2022-01-01
        6. §1 参保 insurance-based exclusions
           enrolment: RESIDENT region 500243 ACTIVE tier 300
           enrolment: RESIDENT region 500243 ACTIVE tier 500
           no insurance-based exclusion
        7. §1 §2(一) 代缴对象 eligibility
           eligible (代缴对象)
        8. §2(一) 多重身份 category resolution
           重残+特困 → 特困 (TEKUN; priority 特困 > 重残 > 低保 > 返贫致贫)
        9. §2(一) 代缴标准 amounts
           T = 500.00 (county resident record, ACTIVE); records disagree, the highest valid tier is used (TIER_CONFLICT)
           L = 100.00; subsidy = 100% × L = 100.00; self_pay = T − subsidy = 400.00
        10. §2(二) 缴费与方式 payments and mode
           self_paid = 0.00; government_paid = 0.00
           self_paid < T → DIRECT (代缴)
        11. §2(二) 批次 batch and deadline
           first qualifying day 2022-01-01 on or before 2022-08-31 → REGULAR, deadline 2022-08-31
        12. §3(二) 销号 status
           AWAITING_SELF_PAYMENT: self_paid 0.00 < self_pay 400.00
        13. preamble §3 参保率 coverage
           coverage target: yes; insured (ACTIVE/SUSPENDED/RECEIVING, any scheme or region): yes; paid (eligible, self_paid + government_paid ≥ T): no
        14. §3(一) 达龄 reaching pension age
           满60周岁 2022-06-15 is in W → reaches pension age (达龄一个，发放一个)
        """;

  private static final String OLD =
      """
        代缴资助 2022 — county 500243, as_of 2022-12-31
        ID 500243********0015
        Decision: not eligible (AGE_60_OR_OVER, RECEIVING_PENSION), highest category held 低保 DIBAO

        1. §2 W 政策年度时间窗 window
           W = 2022-01-01 – 2022-12-31 (policy year 2022, as_of 2022-12-31)
        2. §1 §2(一) 身份 target categories held
           低保 DIBAO 2021-01-01 – ongoing
           返贫致贫 FANPIN 2022-01-01 – ongoing
           held in W: 低保 2022-01-01 – 2022-12-31
           held in W: 返贫致贫 2022-01-01 – 2022-12-31
        3. §2(一) §2(二) 年龄 age window
           born 1960-06-15; age window [满16周岁 1976-06-15, 满60周岁 2020-06-15)
           category held and age within the window: — → AGE_60_OR_OVER
        4. §1 排除 student / military / prisoner
           no exclusion period
        5. §1 §2(一) §2(二) 代缴资格日 qualifying days
           none
        6. §1 参保 insurance-based exclusions
           enrolment: RESIDENT region 500243 RECEIVING tier —
           → RECEIVING_PENSION
        7. §1 §2(一) 代缴对象 eligibility
           not eligible: AGE_60_OR_OVER, RECEIVING_PENSION
        8. §2(一) 多重身份 category resolution
           not eligible; reported under the highest category held in W: 低保 DIBAO (priority 特困 > 重残 > 低保 > 返贫致贫)
        9. §2(一) 代缴标准 amounts
           T = 100.00 (no ACTIVE/SUSPENDED county resident record: nothing chosen for 2022, T = L, TIER_DEFAULTED)
           not eligible: no ledger row
        10. §2(二) 缴费与方式 payments and mode
           self_paid = 0.00; government_paid = 0.00
           not eligible: no ledger row
        11. §2(二) 批次 batch and deadline
           not eligible: no ledger row
        12. §3(二) 销号 status
           not eligible: no ledger row
        13. preamble §3 参保率 coverage
           coverage target: no; insured (ACTIVE/SUSPENDED/RECEIVING, any scheme or region): yes; paid (eligible, self_paid + government_paid ≥ T): no
        14. §3(一) 达龄 reaching pension age
           满60周岁 2020-06-15 is not in W
        """;

  private static final String STUDENT =
      """
        代缴资助 2022 — county 500243, as_of 2022-10-31
        ID 500243********0019
        Decision: not eligible (STUDENT), highest category held 低保 DIBAO

        1. §2 W 政策年度时间窗 window
           W = 2022-01-01 – 2022-10-31 (policy year 2022, as_of 2022-10-31)
        2. §1 §2(一) 身份 target categories held
           低保 DIBAO 2021-01-01 – ongoing
           三、四级残疾 MILD_DISABILITY 2022-02-01 – ongoing (not a target category)
           held in W: 低保 2022-01-01 – 2022-10-31
        3. §2(一) §2(二) 年龄 age window
           born 2004-02-29; age window [满16周岁 2020-02-29, 满60周岁 2064-02-29)
           category held and age within the window: 2022-01-01 – 2022-10-31
        4. §1 排除 student / military / prisoner
           在校学生 STUDENT 2020-09-01 – ongoing
           服刑 PRISONER 2023-01-01 – ongoing (starts after as_of: does not exist for this run)
           covers in W: 在校学生 STUDENT 2022-01-01 – 2022-10-31
        5. §1 §2(一) §2(二) 代缴资格日 qualifying days
           none: exclusions cover every day → STUDENT
        6. §1 参保 insurance-based exclusions
           no enrolment record
           no insurance-based exclusion
        7. §1 §2(一) 代缴对象 eligibility
           not eligible: STUDENT
        8. §2(一) 多重身份 category resolution
           not eligible; reported under the highest category held in W: 低保 DIBAO (priority 特困 > 重残 > 低保 > 返贫致贫)
        9. §2(一) 代缴标准 amounts
           T = 100.00 (no ACTIVE/SUSPENDED county resident record: nothing chosen for 2022, T = L, TIER_DEFAULTED)
           not eligible: no ledger row
        10. §2(二) 缴费与方式 payments and mode
           self_paid = 0.00; government_paid = 0.00
           not eligible: no ledger row
        11. §2(二) 批次 batch and deadline
           not eligible: no ledger row
        12. §3(二) 销号 status
           not eligible: no ledger row
        13. preamble §3 参保率 coverage
           coverage target: no; insured (ACTIVE/SUSPENDED/RECEIVING, any scheme or region): no; paid (eligible, self_paid + government_paid ≥ T): no
        14. §3(一) 达龄 reaching pension age
           满60周岁 2064-02-29 is not in W
        """;

  private static final String NOBODY =
      """
        代缴资助 2022 — county 500243, as_of 2022-10-31
        ID 500243********0017
        Decision: not eligible (NO_TARGET_CATEGORY)

        1. §2 W 政策年度时间窗 window
           W = 2022-01-01 – 2022-10-31 (policy year 2022, as_of 2022-10-31)
        2. §1 §2(一) 身份 target categories held
           返贫致贫 FANPIN 2022-11-01 – ongoing (starts after as_of: does not exist for this run)
           no target category held on any day of W → NO_TARGET_CATEGORY
        3. §2(一) §2(二) 年龄 age window
           born 1990-01-01; age window [满16周岁 2006-01-01, 满60周岁 2050-01-01)
        4. §1 排除 student / military / prisoner
           no exclusion period
        5. §1 §2(一) §2(二) 代缴资格日 qualifying days
           none
        6. §1 参保 insurance-based exclusions
           no enrolment record
           no insurance-based exclusion
        7. §1 §2(一) 代缴对象 eligibility
           not eligible: NO_TARGET_CATEGORY
        8. §2(一) 多重身份 category resolution
           no target category held
        9. §2(一) 代缴标准 amounts
           T = 100.00 (no ACTIVE/SUSPENDED county resident record: nothing chosen for 2022, T = L, TIER_DEFAULTED)
           not eligible: no ledger row
        10. §2(二) 缴费与方式 payments and mode
           self_paid = 0.00; government_paid = 0.00
           not eligible: no ledger row
        11. §2(二) 批次 batch and deadline
           not eligible: no ledger row
        12. §3(二) 销号 status
           not eligible: no ledger row
        13. preamble §3 参保率 coverage
           coverage target: no; insured (ACTIVE/SUSPENDED/RECEIVING, any scheme or region): no; paid (eligible, self_paid + government_paid ≥ T): no
        14. §3(一) 达龄 reaching pension age
           满60周岁 2050-01-01; no target category held in W
        """;

  private static final String ODD =
      """
        代缴资助 2022 — county 500243, as_of 2022-12-31
        ID 500243********0012
        Decision: eligible as 低保 DIBAO, subsidy 70.00, DIRECT, REGULAR batch by 2022-08-31, status AWAITING_SELF_PAYMENT

        1. §2 W 政策年度时间窗 window
           W = 2022-01-01 – 2022-12-31 (policy year 2022, as_of 2022-12-31)
        2. §1 §2(一) 身份 target categories held
           低保 DIBAO 2022-01-01 – ongoing
           held in W: 低保 2022-01-01 – 2022-12-31
        3. §2(一) §2(二) 年龄 age window
           born 1985-07-07; age window [满16周岁 2001-07-07, 满60周岁 2045-07-07)
           category held and age within the window: 2022-01-01 – 2022-12-31
        4. §1 排除 student / military / prisoner
           no exclusion period
        5. §1 §2(一) §2(二) 代缴资格日 qualifying days
           2022-01-01 – 2022-12-31 (365 days); first qualifying day 2022-01-01
        6. §1 参保 insurance-based exclusions
           enrolment: RESIDENT region 500243 ACTIVE tier 100
           no insurance-based exclusion
        7. §1 §2(一) 代缴对象 eligibility
           eligible (代缴对象)
        8. §2(一) 多重身份 category resolution
           低保 only → 低保 (DIBAO; priority 特困 > 重残 > 低保 > 返贫致贫)
        9. §2(一) 代缴标准 amounts
           T = 100.00 (county resident record, ACTIVE)
           L = 100.00; subsidy = 70% × L = 70.00; self_pay = T − subsidy = 30.00
        10. §2(二) 缴费与方式 payments and mode
           counted: SELF 29.50 for 2022, paid 2022-03-01
           not counted (no amount or no date): SELF — for 2022, paid 2022-03-01
           not counted (no amount or no date): SELF 30 for 2022, paid —
           not counted (unknown payer type): payer — 30 for 2022, paid 2022-03-01
           self_paid = 29.50; government_paid = 0.00
           self_paid < T → DIRECT (代缴)
        11. §2(二) 批次 batch and deadline
           first qualifying day 2022-01-01 on or before 2022-08-31 → REGULAR, deadline 2022-08-31
        12. §3(二) 销号 status
           AWAITING_SELF_PAYMENT: self_paid 29.50 < self_pay 30.00
        13. preamble §3 参保率 coverage
           coverage target: yes; insured (ACTIVE/SUSPENDED/RECEIVING, any scheme or region): yes; paid (eligible, self_paid + government_paid ≥ T): no
        14. §3(一) 达龄 reaching pension age
           满60周岁 2045-07-07 is not in W
        """;
}
