package org.daijiao.eligibility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.daijiao.decide.Rules2022.decide;
import static org.daijiao.person.PersonBuilder.OTHER_COUNTY;

import org.daijiao.decide.Decision;
import org.daijiao.person.PersonBuilder;
import org.junit.jupiter.api.Test;

/**
 * SPEC §2.6 coverage (参保率): the target is every person with a qualifying day; insured is any open
 * or receiving record; paid is eligible and self_paid + government_paid ≥ T. And §3(一) 达龄一个，发放一个: a
 * target-category person whose 60th birthday falls in W.
 */
class CoverageTest {

  @Test
  void enrolledButUnpaidIsInsuredNotPaid() {
    Decision d =
        decide(
            PersonBuilder.born("1980-05-01")
                .dibao("2021-01-01", null)
                .countyResident("ACTIVE", "100"));
    assertThat(d.inCoverageTarget()).isTrue();
    assertThat(d.insured()).isTrue();
    assertThat(d.paid()).isFalse();
  }

  @Test
  void ownPartAndSubsidyPaidIsPaid() {
    Decision d =
        decide(
            PersonBuilder.born("1980-05-01")
                .dibao("2021-01-01", null)
                .countyResident("ACTIVE", "300")
                .selfPaid(2022, "230", "2022-05-01")
                .governmentPaid(2022, "70", "2022-09-05"));
    assertThat(d.paid()).as("230 + 70 = T 300").isTrue();
  }

  @Test
  void notEnrolledAnywhereIsNotInsured() {
    Decision d = decide(PersonBuilder.born("1980-05-01").dibao("2021-01-01", null));
    assertThat(d.inCoverageTarget()).isTrue();
    assertThat(d.insured()).isFalse();
  }

  @Test
  void terminatedRecordIsNotInsured() {
    Decision d =
        decide(
            PersonBuilder.born("1980-05-01")
                .dibao("2021-01-01", null)
                .countyResident("TERMINATED", "100"));
    assertThat(d.insured()).isFalse();
  }

  @Test
  void enrolledInAnotherCountyIsInsuredAndInTargetButNeverPaid() {
    Decision d =
        decide(
            PersonBuilder.born("1980-05-01")
                .dibao("2021-01-01", null)
                .enrolled("RESIDENT", OTHER_COUNTY, "ACTIVE", "100")
                .selfPaid(2022, "100", "2022-03-01"));
    assertThat(d.inCoverageTarget()).isTrue();
    assertThat(d.insured()).isTrue();
    assertThat(d.paid()).as("paid counts eligible persons only").isFalse();
    assertThat(d.selfPaidAmount()).as("always computed").isEqualByComparingTo("100");
  }

  @Test
  void studentAllYearIsOutsideTheCoverageTarget() {
    Decision d =
        decide(
            PersonBuilder.born("2004-05-01").dibao("2021-01-01", null).student("2020-09-01", null));
    assertThat(d.inCoverageTarget()).isFalse();
  }

  @Test
  void dibaoTurning60InJulyReachesPensionAge() {
    Decision d =
        decide(
            PersonBuilder.born("1962-07-15")
                .dibao("2021-01-01", null)
                .countyResident("ACTIVE", "100"));
    assertThat(d.pensionAgeDate()).isEqualTo("2022-07-15");
    assertThat(d.reachesPensionAge()).isTrue();
    assertThat(d.eligible()).as("eligible until 14 July").isTrue();
  }

  @Test
  void dibaoTurning60NextYearDoesNotReachPensionAge() {
    Decision d = decide(PersonBuilder.born("1963-01-01").dibao("2021-01-01", null));
    assertThat(d.pensionAgeDate()).isEqualTo("2023-01-01");
    assertThat(d.reachesPensionAge()).isFalse();
  }

  @Test
  void turning60AfterAsOfDoesNotReachPensionAgeYet() {
    Decision d = decide(PersonBuilder.born("1962-07-15").dibao("2021-01-01", null), "2022-07-14");
    assertThat(d.reachesPensionAge()).as("W ends on as_of").isFalse();
  }

  @Test
  void nonTargetPersonTurning60DoesNotReachPensionAge() {
    Decision d =
        decide(PersonBuilder.born("1962-07-15").category("MARGINAL_POVERTY", "2021-01-01", null));
    assertThat(d.reachesPensionAge()).isFalse();
  }
}
