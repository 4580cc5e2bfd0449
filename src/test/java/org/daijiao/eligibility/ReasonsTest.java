package org.daijiao.eligibility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.daijiao.decide.Rules2022.decide;
import static org.daijiao.person.PersonBuilder.COUNTY;
import static org.daijiao.person.PersonBuilder.OTHER_COUNTY;
import static org.daijiao.person.PersonBuilder.OUTSIDE_MUNICIPALITY;

import org.daijiao.decide.Decision;
import org.daijiao.person.PersonBuilder;
import org.junit.jupiter.api.Test;

/** SPEC §2.2 reason codes: every reason that applies, in the fixed order; none when eligible. */
class ReasonsTest {

  private static PersonBuilder dibaoAllYear() {
    return PersonBuilder.born("1980-05-01").dibao("2021-01-01", null);
  }

  @Test
  void dibaoAllYearEnrolledInCountyIsEligibleWithoutReasons() {
    Decision d = decide(dibaoAllYear().countyResident("ACTIVE", "100"));
    assertThat(d.eligible()).isTrue();
    assertThat(d.reasons()).isEmpty();
  }

  @Test
  void categoryHeldOnlyWhileUnder16IsAgeUnder16() {
    Decision d = decide(PersonBuilder.born("2006-09-01").dibao("2021-01-01", "2022-06-30"));
    assertThat(d.reasons())
        .as("低保 ends before the 16th birthday on 1 Sep")
        .containsExactly("AGE_UNDER_16");
    assertThat(d.category()).isEqualTo("DIBAO");
    assertThat(d.heldCategories()).containsExactly("DIBAO");
  }

  @Test
  void studentAllYearIsStudent() {
    Decision d = decide(dibaoAllYear().student("2021-09-01", "2023-06-30"));
    assertThat(d.reasons()).containsExactly("STUDENT");
    assertThat(d.inCoverageTarget()).isFalse();
  }

  @Test
  void militaryAllYearIsMilitary() {
    assertThat(decide(dibaoAllYear().military("2020-09-01", null)).reasons())
        .containsExactly("MILITARY");
  }

  @Test
  void prisonerAllYearIsPrisoner() {
    assertThat(decide(dibaoAllYear().prisoner("2019-03-01", "2024-02-28")).reasons())
        .containsExactly("PRISONER");
  }

  @Test
  void studentJanuaryToJuneAndMilitaryJulyToDecemberAreBothReasons() {
    Decision d =
        decide(dibaoAllYear().student("2018-09-01", "2022-06-30").military("2022-07-01", null));
    assertThat(d.reasons()).containsExactly("STUDENT", "MILITARY");
  }

  @Test
  void studentOnlyJanuaryToJuneStillQualifiesFromJuly() {
    Decision d = decide(dibaoAllYear().student("2018-09-01", "2022-06-30"));
    assertThat(d.eligible()).isTrue();
    assertThat(d.firstEligibleDate()).isEqualTo("2022-07-01");
  }

  @Test
  void exclusionOutsideTheHeldDaysIsNotAReason() {
    // 低保 only July–December; the student period covers only days without a category.
    Decision d =
        decide(
            PersonBuilder.born("1980-05-01")
                .dibao("2022-07-01", null)
                .student("2022-01-01", "2022-06-30")
                .prisoner("2022-07-01", null));
    assertThat(d.reasons()).containsExactly("PRISONER");
  }

  @Test
  void studentBeforeAndAfterTurning16IsStudentNotAge() {
    Decision d =
        decide(
            PersonBuilder.born("2006-07-01").dibao("2021-01-01", null).student("2021-09-01", null));
    assertThat(d.reasons())
        .as("16 from 1 Jul, a student all year: the exclusion, not the age, removes the days")
        .containsExactly("STUDENT");
  }

  @Test
  void under16AllYearAndAStudentIsAgeUnder16Only() {
    Decision d =
        decide(
            PersonBuilder.born("2008-02-01").dibao("2021-01-01", null).student("2020-09-01", null));
    assertThat(d.reasons())
        .as("exclusions count only on days when category and age both hold")
        .containsExactly("AGE_UNDER_16");
  }

  @Test
  void unknownExclusionCodeIsRefusedRatherThanIgnored() {
    PersonBuilder p = dibaoAllYear().exclusion("HOSPITAL", "2022-01-01", null);
    assertThatThrownBy(() -> decide(p))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("HOSPITAL");
  }

  @Test
  void activeEmployeePensionAnywhereIsEmployeePension() {
    Decision d = decide(dibaoAllYear().enrolled("EMPLOYEE", OUTSIDE_MUNICIPALITY, "ACTIVE", null));
    assertThat(d.reasons()).containsExactly("EMPLOYEE_PENSION");
    assertThat(d.inCoverageTarget())
        .as("insurance-based exclusions keep the person in the coverage target")
        .isTrue();
  }

  @Test
  void suspendedEmployeePensionIsNoExclusion() {
    Decision d =
        decide(
            dibaoAllYear()
                .enrolled("EMPLOYEE", COUNTY, "SUSPENDED", null)
                .countyResident("ACTIVE", "100"));
    assertThat(d.eligible()).isTrue();
  }

  @Test
  void residentPensionOutsideTheMunicipalityIsOutsideMunicipality() {
    Decision d =
        decide(dibaoAllYear().enrolled("RESIDENT", OUTSIDE_MUNICIPALITY, "SUSPENDED", "100"));
    assertThat(d.reasons()).containsExactly("RESIDENT_PENSION_OUTSIDE_MUNICIPALITY");
  }

  @Test
  void residentPensionInAnotherCountyIsOtherCounty() {
    Decision d = decide(dibaoAllYear().enrolled("RESIDENT", OTHER_COUNTY, "ACTIVE", "100"));
    assertThat(d.reasons()).containsExactly("RESIDENT_PENSION_OTHER_COUNTY");
  }

  @Test
  void terminatedResidentPensionElsewhereIsNoExclusion() {
    Decision d =
        decide(
            dibaoAllYear()
                .enrolled("RESIDENT", OUTSIDE_MUNICIPALITY, "TERMINATED", "100")
                .enrolled("RESIDENT", OTHER_COUNTY, "TERMINATED", "100"));
    assertThat(d.eligible()).isTrue();
  }

  @Test
  void receivingAPensionIsReceivingPension() {
    Decision d = decide(dibaoAllYear().countyResident("RECEIVING", "100"));
    assertThat(d.reasons()).containsExactly("RECEIVING_PENSION");
    assertThat(d.insured()).isTrue();
  }

  @Test
  void over60AndReceivingIsAge60OrOverAndReceivingPension() {
    Decision d =
        decide(
            PersonBuilder.born("1955-03-01")
                .tekun("2021-01-01", null)
                .countyResident("RECEIVING", null));
    assertThat(d.reasons()).containsExactly("AGE_60_OR_OVER", "RECEIVING_PENSION");
  }

  @Test
  void everyInsuranceReasonTogetherComeInSpecOrder() {
    Decision d =
        decide(
            PersonBuilder.born("1980-05-01")
                .enrolled("RESIDENT", COUNTY, "RECEIVING", null)
                .enrolled("RESIDENT", OTHER_COUNTY, "SUSPENDED", null)
                .enrolled("RESIDENT", OUTSIDE_MUNICIPALITY, "ACTIVE", null)
                .enrolled("EMPLOYEE", OTHER_COUNTY, "ACTIVE", null));
    assertThat(d.reasons())
        .containsExactly(
            "NO_TARGET_CATEGORY",
            "EMPLOYEE_PENSION",
            "RESIDENT_PENSION_OUTSIDE_MUNICIPALITY",
            "RESIDENT_PENSION_OTHER_COUNTY",
            "RECEIVING_PENSION");
  }

  @Test
  void notEligibleWithQualifyingDaysHasNoFirstEligibleDateNorLedger() {
    Decision d = decide(dibaoAllYear().enrolled("EMPLOYEE", COUNTY, "ACTIVE", null));
    assertThat(d.firstEligibleDate()).as("set only for eligible persons").isNull();
    assertThat(d.category()).isEqualTo("DIBAO");
    assertThat(d.status()).isNull();
    assertThat(d.subsidyAmount()).isNull();
    assertThat(d.flags()).isNull();
    assertThat(d.tier()).as("tier is always computed").isEqualByComparingTo("100");
  }
}
