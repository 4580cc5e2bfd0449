package org.daijiao.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.daijiao.decide.Rules2022.decide;
import static org.daijiao.decide.Rules2022.explain;

import org.daijiao.decide.Decision;
import org.daijiao.decide.ExplainedDecision;
import org.daijiao.person.PersonBuilder;
import org.junit.jupiter.api.Test;

/**
 * §2(二) and §3(二) (SPEC §2.5): mode from what the person paid alone, batch and deadline from the
 * first qualifying day, and the first open action of the 销号 checklist.
 */
class ModeBatchStatusTest {

  private static PersonBuilder dibaoEnrolled(String tier) {
    return PersonBuilder.born("1980-05-01")
        .dibao("2021-01-01", null)
        .countyResident("ACTIVE", tier);
  }

  @Test
  void paidTheWholeTierAloneIsPostHocRefundAndRefundDue() {
    Decision d = decide(dibaoEnrolled("100").selfPaid(2022, "100", "2022-03-15"));
    assertThat(d.mode()).as("已自行全额完清 → 事后补助").isEqualTo("POST_HOC_REFUND");
    assertThat(d.status()).isEqualTo("REFUND_DUE");
    assertThat(d.paid()).isTrue();
  }

  @Test
  void paidPartOfTheTierIsDirect() {
    Decision d = decide(dibaoEnrolled("100").selfPaid(2022, "30", "2022-03-15"));
    assertThat(d.mode()).isEqualTo("DIRECT");
    assertThat(d.status())
        .as("own part paid, the department's not yet")
        .isEqualTo("AWAITING_GOVERNMENT_PAYMENT");
    assertThat(d.paid()).isFalse();
  }

  @Test
  void selfPaymentsAddUpToTheTier() {
    Decision d =
        decide(
            dibaoEnrolled("200")
                .selfPaid(2022, "150", "2022-02-01")
                .selfPaid(2022, "50", "2022-04-01"));
    assertThat(d.selfPaidAmount()).isEqualByComparingTo("200");
    assertThat(d.mode()).isEqualTo("POST_HOC_REFUND");
  }

  @Test
  void selfPaymentOnAsOfCounts() {
    Decision d = decide(dibaoEnrolled("100").selfPaid(2022, "100", "2022-06-30"), "2022-06-30");
    assertThat(d.selfPaidAmount()).isEqualByComparingTo("100");
    assertThat(d.mode()).isEqualTo("POST_HOC_REFUND");
  }

  @Test
  void selfPaymentTheDayAfterAsOfDoesNotExist() {
    ExplainedDecision explained =
        explain(dibaoEnrolled("100").selfPaid(2022, "100", "2022-07-01"), "2022-06-30");
    Decision d = explained.decision();
    assertThat(d.selfPaidAmount()).isEqualByComparingTo("0");
    assertThat(d.mode()).isEqualTo("DIRECT");
    assertThat(d.status()).isEqualTo("AWAITING_SELF_PAYMENT");
    assertThat(explained.trace())
        .anySatisfy(
            s ->
                assertThat(s.finding())
                    .contains("not counted (paid after as_of: does not exist for this run)"));
  }

  @Test
  void paymentsFor2021DoNotCount() {
    Decision d =
        decide(
            dibaoEnrolled("100")
                .selfPaid(2021, "100", "2022-01-10")
                .governmentPaid(2021, "70", "2022-01-10"));
    assertThat(d.selfPaidAmount()).isEqualByComparingTo("0");
    assertThat(d.governmentPaidAmount()).isEqualByComparingTo("0");
    assertThat(d.status()).isEqualTo("AWAITING_SELF_PAYMENT");
  }

  @Test
  void paymentFor2022PaidIn2023CountsWhenAsOfIsLater() {
    Decision d = decide(dibaoEnrolled("100").selfPaid(2022, "100", "2023-01-10"), "2023-01-31");
    assertThat(d.selfPaidAmount()).isEqualByComparingTo("100");
  }

  @Test
  void firstQualifyingDayOnAugust31IsRegularBatch() {
    Decision d =
        decide(
            PersonBuilder.born("1980-05-01")
                .tekun("2022-08-31", null)
                .countyResident("ACTIVE", "100"));
    assertThat(d.batch()).isEqualTo("REGULAR");
    assertThat(d.deadline()).isEqualTo("2022-08-31");
  }

  @Test
  void firstQualifyingDayOnSeptember1IsDynamicBatch() {
    Decision d =
        decide(
            PersonBuilder.born("1980-05-01")
                .tekun("2022-09-01", null)
                .countyResident("ACTIVE", "100"));
    assertThat(d.batch()).as("即进立保").isEqualTo("DYNAMIC");
    assertThat(d.deadline()).isEqualTo("2022-12-31");
  }

  @Test
  void turns16InNovemberIsDynamicBatch() {
    Decision d =
        decide(
            PersonBuilder.born("2006-11-15")
                .dibao("2020-01-01", null)
                .countyResident("ACTIVE", "100"));
    assertThat(d.firstEligibleDate()).isEqualTo("2022-11-15");
    assertThat(d.batch()).isEqualTo("DYNAMIC");
  }

  @Test
  void notEnrolledInTheCountyIsAwaitingEnrollment() {
    Decision d = decide(PersonBuilder.born("1980-05-01").dibao("2021-01-01", null));
    assertThat(d.status()).isEqualTo("AWAITING_ENROLLMENT");
  }

  @Test
  void terminatedCountyRecordIsAwaitingEnrollment() {
    Decision d =
        decide(
            PersonBuilder.born("1980-05-01")
                .dibao("2021-01-01", null)
                .countyResident("TERMINATED", "100"));
    assertThat(d.status()).isEqualTo("AWAITING_ENROLLMENT");
  }

  @Test
  void awaitingEnrollmentComesBeforeRefundDue() {
    Decision d =
        decide(
            PersonBuilder.born("1980-05-01")
                .dibao("2021-01-01", null)
                .selfPaid(2022, "100", "2022-03-01"));
    assertThat(d.mode()).isEqualTo("POST_HOC_REFUND");
    assertThat(d.status()).isEqualTo("AWAITING_ENROLLMENT");
  }

  @Test
  void suspendedCountyRecordIsEnrolled() {
    Decision d =
        decide(
            PersonBuilder.born("1980-05-01")
                .dibao("2021-01-01", null)
                .countyResident("SUSPENDED", "100"));
    assertThat(d.status()).isEqualTo("AWAITING_SELF_PAYMENT");
  }

  @Test
  void governmentPaidTheSubsidyIsSettled() {
    Decision d =
        decide(
            dibaoEnrolled("100")
                .selfPaid(2022, "30", "2022-04-01")
                .governmentPaid(2022, "70", "2022-09-05"));
    assertThat(d.status()).isEqualTo("SETTLED");
    assertThat(d.paid()).isTrue();
  }

  @Test
  void governmentPaidBeforeThePersonIsSettledAlready() {
    Decision d = decide(dibaoEnrolled("100").governmentPaid(2022, "70", "2022-09-05"));
    assertThat(d.status()).as("SETTLED comes before AWAITING_SELF_PAYMENT").isEqualTo("SETTLED");
    assertThat(d.paid()).as("30 of the person's part still missing").isFalse();
  }

  @Test
  void nothingPaidIsAwaitingSelfPayment() {
    assertThat(decide(dibaoEnrolled("100")).status()).isEqualTo("AWAITING_SELF_PAYMENT");
  }

  @Test
  void tekunWithNothingToPayIsAwaitingGovernmentPayment() {
    Decision d =
        decide(
            PersonBuilder.born("1980-05-01")
                .tekun("2021-01-01", null)
                .countyResident("ACTIVE", "100"));
    assertThat(d.selfPayAmount()).isEqualByComparingTo("0");
    assertThat(d.status()).isEqualTo("AWAITING_GOVERNMENT_PAYMENT");
  }
}
