package org.daijiao.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.daijiao.decide.Rules2022.decide;

import org.daijiao.decide.Decision;
import org.daijiao.person.PersonBuilder;
import org.junit.jupiter.api.Test;

/**
 * §3(二) 销号 (SPEC §2.5): the first open action wins, in the order AWAITING_ENROLLMENT, REFUND_DUE,
 * SETTLED, AWAITING_SELF_PAYMENT, AWAITING_GOVERNMENT_PAYMENT. Each test is a person for whom two
 * of the conditions hold at once (and none earlier), so swapping any two statuses in the order
 * changes one of these results. The conditions, for a 低保 person at tier T with subsidy 70 and
 * self_pay = T − 70:
 *
 * <ul>
 *   <li>AWAITING_ENROLLMENT: no ACTIVE/SUSPENDED resident record of this county;
 *   <li>REFUND_DUE: self_paid ≥ T (POST_HOC_REFUND);
 *   <li>SETTLED: government_paid ≥ subsidy;
 *   <li>AWAITING_SELF_PAYMENT: self_paid &lt; self_pay;
 *   <li>AWAITING_GOVERNMENT_PAYMENT: always, the last resort.
 * </ul>
 *
 * REFUND_DUE and AWAITING_SELF_PAYMENT never hold together (self_pay ≤ T), so that one pair has no
 * person.
 */
class StatusOrderTest {

  private static PersonBuilder dibao() {
    return PersonBuilder.born("1980-05-01").dibao("2021-01-01", null);
  }

  private static PersonBuilder dibaoEnrolled() {
    return dibao().countyResident("ACTIVE", "200");
  }

  @Test
  void awaitingEnrollmentBeforeRefundDue() {
    Decision d = decide(dibao().selfPaid(2022, "100", "2022-03-01"));
    assertThat(d.mode()).isEqualTo("POST_HOC_REFUND");
    assertThat(d.status()).isEqualTo("AWAITING_ENROLLMENT");
  }

  @Test
  void awaitingEnrollmentBeforeSettledForAPersonTheGovernmentPaidWithoutARecord() {
    Decision d = decide(dibao().governmentPaid(2022, "70", "2022-09-05"));
    assertThat(d.governmentPaidAmount()).isEqualByComparingTo("70");
    assertThat(d.mode()).isEqualTo("DIRECT");
    assertThat(d.status())
        .as("paid, but into no record of this county")
        .isEqualTo("AWAITING_ENROLLMENT");
  }

  @Test
  void awaitingEnrollmentBeforeAwaitingSelfPayment() {
    Decision d = decide(dibao());
    assertThat(d.selfPaidAmount()).isEqualByComparingTo("0");
    assertThat(d.status()).isEqualTo("AWAITING_ENROLLMENT");
  }

  @Test
  void awaitingEnrollmentBeforeAwaitingGovernmentPayment() {
    // 特困 at T = L: self_pay 0 is paid by nobody, so only the enrolment and the government's part
    // are open.
    Decision d = decide(PersonBuilder.born("1980-05-01").tekun("2021-01-01", null));
    assertThat(d.selfPayAmount()).isEqualByComparingTo("0");
    assertThat(d.status()).isEqualTo("AWAITING_ENROLLMENT");
  }

  @Test
  void refundDueBeforeSettledWhenBothPaidInFull() {
    Decision d =
        decide(
            dibaoEnrolled()
                .selfPaid(2022, "200", "2022-03-01")
                .governmentPaid(2022, "70", "2022-09-05"));
    assertThat(d.mode()).isEqualTo("POST_HOC_REFUND");
    assertThat(d.governmentPaidAmount()).isEqualByComparingTo("70");
    assertThat(d.status())
        .as("the person paid T alone: the department owes a refund, whatever it paid")
        .isEqualTo("REFUND_DUE");
  }

  @Test
  void refundDueBeforeAwaitingGovernmentPayment() {
    Decision d = decide(dibaoEnrolled().selfPaid(2022, "200", "2022-03-01"));
    assertThat(d.status()).isEqualTo("REFUND_DUE");
  }

  @Test
  void selfPaidOneCentBelowTheTierIsNoRefund() {
    Decision d = decide(dibaoEnrolled().selfPaid(2022, "199.99", "2022-03-01"));
    assertThat(d.mode()).isEqualTo("DIRECT");
    assertThat(d.status()).isEqualTo("AWAITING_GOVERNMENT_PAYMENT");
  }

  @Test
  void settledBeforeAwaitingSelfPayment() {
    Decision d = decide(dibaoEnrolled().governmentPaid(2022, "70", "2022-09-05"));
    assertThat(d.selfPaidAmount()).isEqualByComparingTo("0");
    assertThat(d.status()).isEqualTo("SETTLED");
  }

  @Test
  void settledBeforeAwaitingGovernmentPayment() {
    Decision d =
        decide(
            dibaoEnrolled()
                .selfPaid(2022, "130", "2022-03-01")
                .governmentPaid(2022, "70", "2022-09-05"));
    assertThat(d.status()).isEqualTo("SETTLED");
  }

  @Test
  void governmentPaidOneCentBelowTheSubsidyIsNotSettled() {
    Decision d =
        decide(
            dibaoEnrolled()
                .selfPaid(2022, "130", "2022-03-01")
                .governmentPaid(2022, "69.99", "2022-09-05"));
    assertThat(d.status()).isEqualTo("AWAITING_GOVERNMENT_PAYMENT");
  }

  @Test
  void awaitingSelfPaymentBeforeAwaitingGovernmentPayment() {
    Decision d = decide(dibaoEnrolled().selfPaid(2022, "129.99", "2022-03-01"));
    assertThat(d.selfPayAmount()).isEqualByComparingTo("130");
    assertThat(d.status()).isEqualTo("AWAITING_SELF_PAYMENT");
  }

  @Test
  void ownPartPaidExactlyIsAwaitingGovernmentPayment() {
    Decision d = decide(dibaoEnrolled().selfPaid(2022, "130", "2022-03-01"));
    assertThat(d.status()).isEqualTo("AWAITING_GOVERNMENT_PAYMENT");
  }

  @Test
  void aSuspendedEmployeeRecordIsNoEnrolmentInTheResidentPension() {
    Decision d = decide(dibao().enrolled("EMPLOYEE", PersonBuilder.COUNTY, "SUSPENDED", "300"));
    assertThat(d.eligible()).as("only an ACTIVE employee record excludes").isTrue();
    assertThat(d.status()).isEqualTo("AWAITING_ENROLLMENT");
  }

  @Test
  void aTerminatedCountyRecordIsNoEnrolmentEvenWithTheGovernmentPaid() {
    Decision d =
        decide(
            dibao().countyResident("TERMINATED", "100").governmentPaid(2022, "70", "2022-09-05"));
    assertThat(d.status()).isEqualTo("AWAITING_ENROLLMENT");
  }
}
