package org.daijiao.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.daijiao.decide.Rules2022.decide;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.daijiao.decide.Decider;
import org.daijiao.decide.Decision;
import org.daijiao.decide.Rules2022;
import org.daijiao.person.Category;
import org.daijiao.person.Enrollment;
import org.daijiao.person.EnrollmentStatus;
import org.daijiao.person.PersonBuilder;
import org.daijiao.person.Scheme;
import org.junit.jupiter.api.Test;

/**
 * §2(一) amounts (SPEC §2.4): 特困/重残 get L in full, 低保/返贫致贫 70 % of L; a higher tier chosen by the
 * person is their own part; T is read from the ACTIVE county resident record, else the SUSPENDED
 * one, never from a TERMINATED or RECEIVING one (amended); none, or a missing or invalid tier on
 * it, is T = L, flagged TIER_DEFAULTED.
 */
class AmountsTest {

  private static PersonBuilder adult() {
    return PersonBuilder.born("1980-05-01");
  }

  @Test
  void tekunAtTheLowestTierPaysNothingHimself() {
    Decision d = decide(adult().tekun("2021-01-01", null).countyResident("ACTIVE", "100"));
    assertThat(d.tier()).isEqualByComparingTo("100");
    assertThat(d.subsidyAmount()).as("特困: 100 % of L").isEqualByComparingTo("100");
    assertThat(d.selfPayAmount()).isEqualByComparingTo("0");
    assertThat(d.department()).isEqualTo("CIVIL_AFFAIRS");
    assertThat(d.fundingSource()).isEqualTo("COUNTY_FINANCE");
    assertThat(d.flags()).isEmpty();
  }

  @Test
  void severeDisabilityGetsTheLowestTierInFull() {
    Decision d =
        decide(adult().severeDisability("2010-01-01", null).countyResident("ACTIVE", "100"));
    assertThat(d.subsidyAmount()).isEqualByComparingTo("100");
    assertThat(d.department()).isEqualTo("DISABLED_PERSONS_FEDERATION");
    assertThat(d.fundingSource()).isEqualTo("MUNICIPAL_COUNTY_SETTLEMENT");
  }

  @Test
  void dibaoAtTheLowestTierGets70AndPays30() {
    Decision d = decide(adult().dibao("2021-01-01", null).countyResident("ACTIVE", "100"));
    assertThat(d.subsidyAmount()).as("低保: 70 % of L").isEqualByComparingTo("70");
    assertThat(d.selfPayAmount()).isEqualByComparingTo("30");
  }

  @Test
  void fanpinGets70FromRuralRevitalization() {
    Decision d = decide(adult().fanpin("2021-01-01", null).countyResident("ACTIVE", "100"));
    assertThat(d.subsidyAmount()).isEqualByComparingTo("70");
    assertThat(d.department()).isEqualTo("RURAL_REVITALIZATION");
    assertThat(d.fundingSource()).isEqualTo("COUNTY_FINANCE");
  }

  @Test
  void dibaoWhoChoseTier300Gets70AndPays230() {
    Decision d = decide(adult().dibao("2021-01-01", null).countyResident("ACTIVE", "300"));
    assertThat(d.tier()).isEqualByComparingTo("300");
    assertThat(d.subsidyAmount())
        .as("a higher tier does not raise the subsidy")
        .isEqualByComparingTo("70");
    assertThat(d.selfPayAmount()).isEqualByComparingTo("230");
    assertThat(d.flags()).isEmpty();
  }

  @Test
  void moneyHasTwoDecimals() {
    Decision d = decide(adult().dibao("2021-01-01", null).countyResident("ACTIVE", "300"));
    assertThat(d.tier().scale()).isEqualTo(2);
    assertThat(d.subsidyAmount().scale()).isEqualTo(2);
    assertThat(d.selfPayAmount().scale()).isEqualTo(2);
    assertThat(d.selfPaidAmount().scale()).isEqualTo(2);
    assertThat(d.governmentPaidAmount().scale()).isEqualTo(2);
  }

  @Test
  void missingTierIsDefaultedToTheLowestTier() {
    Decision d = decide(adult().dibao("2021-01-01", null).countyResident("ACTIVE", null));
    assertThat(d.tier()).isEqualByComparingTo("100");
    assertThat(d.selfPayAmount()).isEqualByComparingTo("30");
    assertThat(d.flags()).containsExactly("TIER_DEFAULTED");
  }

  @Test
  void invalidTierIsDefaultedToTheLowestTier() {
    Decision d = decide(adult().dibao("2021-01-01", null).countyResident("ACTIVE", "250"));
    assertThat(d.tier()).as("250 is not a tier of the policy").isEqualByComparingTo("100");
    assertThat(d.flags()).containsExactly("TIER_DEFAULTED");
  }

  @Test
  void noCountyRecordIsDefaultedToTheLowestTier() {
    Decision d = decide(adult().tekun("2021-01-01", null));
    assertThat(d.tier()).isEqualByComparingTo("100");
    assertThat(d.flags()).containsExactly("TIER_DEFAULTED");
  }

  @Test
  void activeRecordTierWinsOverATerminatedOne() {
    Decision d =
        decide(
            adult()
                .dibao("2021-01-01", null)
                .countyResident("TERMINATED", "500")
                .countyResident("ACTIVE", "200"));
    assertThat(d.tier()).isEqualByComparingTo("200");
  }

  @Test
  void suspendedRecordTierIsUsedWhenThereIsNoActiveOne() {
    Decision d =
        decide(
            adult()
                .dibao("2021-01-01", null)
                .countyResident("TERMINATED", "500")
                .countyResident("SUSPENDED", "300"));
    assertThat(d.tier()).isEqualByComparingTo("300");
  }

  @Test
  void activeRecordWithoutTierIsDefaultedNotReadFromATerminatedOne() {
    Decision d =
        decide(
            adult()
                .dibao("2021-01-01", null)
                .countyResident("TERMINATED", "300")
                .countyResident("ACTIVE", null));
    assertThat(d.tier()).isEqualByComparingTo("100");
    assertThat(d.flags()).containsExactly("TIER_DEFAULTED");
  }

  @Test
  void dibaoWhoseOnlyCountyRecordIsTerminatedAtTier700ChoseNothingAndIsDefaulted() {
    // SPEC §2.4 (amended): a person who must re-enrol has not chosen a tier for the year yet;
    // the 700 of the closed record would ask 630 yuan of own contribution with no flag.
    Decision d = decide(adult().dibao("2021-01-01", null).countyResident("TERMINATED", "700"));
    assertThat(d.tier()).as("T = L, not the terminated record's 700").isEqualByComparingTo("100");
    assertThat(d.selfPayAmount()).isEqualByComparingTo("30");
    assertThat(d.flags()).containsExactly("TIER_DEFAULTED");
    assertThat(d.status()).isEqualTo("AWAITING_ENROLLMENT");
  }

  @Test
  void tekunWhoseCountyAndOtherCountyRecordsAreBothTerminatedIsDefaulted() {
    // §2.4: the tier is read from a live record only; neither terminated record chose a tier.
    Decision d =
        decide(
            adult()
                .tekun("2021-01-01", null)
                .countyResident("TERMINATED", "500")
                .enrolled("RESIDENT", PersonBuilder.OTHER_COUNTY, "TERMINATED", "300"));
    assertThat(d.tier()).isEqualByComparingTo("100");
    assertThat(d.selfPayAmount()).isEqualByComparingTo("0");
    assertThat(d.flags()).containsExactly("TIER_DEFAULTED");
    assertThat(d.status()).isEqualTo("AWAITING_ENROLLMENT");
  }

  @Test
  void dibaoWhoseOnlyRecordIsASuspendedEmployeeRecordAtTier300IsDefaulted() {
    // §1: only an ACTIVE employee record excludes, so this person is eligible; the tier is read
    // from this county's resident records only, and there is none: T = L, not the employee
    // record's 300.
    Decision d =
        decide(
            adult().dibao("2021-01-01", null).enrolled("EMPLOYEE", "500243", "SUSPENDED", "300"));
    assertThat(d.eligible()).isTrue();
    assertThat(d.tier()).as("T = L").isEqualByComparingTo("100");
    assertThat(d.subsidyAmount()).isEqualByComparingTo("70");
    assertThat(d.selfPayAmount()).isEqualByComparingTo("30");
    assertThat(d.flags()).containsExactly("TIER_DEFAULTED");
    assertThat(d.status()).as("no resident record of the county").isEqualTo("AWAITING_ENROLLMENT");
  }

  @Test
  void aSuspendedEmployeeRecordAtTier500NeitherRaisesNorConflictsWithTheCountyTier() {
    Decision d =
        decide(
            adult()
                .dibao("2021-01-01", null)
                .countyResident("SUSPENDED", "200")
                .enrolled("EMPLOYEE", "500243", "SUSPENDED", "500"));
    assertThat(d.tier()).isEqualByComparingTo("200");
    assertThat(d.flags()).isEmpty();
    assertThat(d.status()).isEqualTo("AWAITING_SELF_PAYMENT");
  }

  @Test
  void anotherCountysActiveRecordIsNotReadForTheTier() {
    // The other county's ACTIVE record excludes the person (its own ledger), but T is computed for
    // everyone (coverage, explain): it comes from this county's SUSPENDED record, not the 500.
    Decision d =
        decide(
            adult()
                .dibao("2021-01-01", null)
                .countyResident("SUSPENDED", "200")
                .enrolled("RESIDENT", PersonBuilder.OTHER_COUNTY, "ACTIVE", "500"));
    assertThat(d.reasons()).containsExactly("RESIDENT_PENSION_OTHER_COUNTY");
    assertThat(d.tier()).isEqualByComparingTo("200");
  }

  @Test
  void aRecordOutsideTheMunicipalityIsNotReadForTheTier() {
    TierChoice t =
        TierChoice.of(
            List.of(
                new Enrollment(
                    Scheme.RESIDENT,
                    PersonBuilder.OUTSIDE_MUNICIPALITY,
                    EnrollmentStatus.ACTIVE,
                    new BigDecimal("300"))),
            Rules2022.POLICY);
    assertThat(t.tier()).isEqualByComparingTo("100");
    assertThat(t.source()).isNull();
    assertThat(t.liveStatus()).as("no county resident record at all").isNull();
    assertThat(t.defaulted()).isTrue();
    assertThat(t.flags()).containsExactly(LedgerFlag.TIER_DEFAULTED);
  }

  @Test
  void twoSuspendedRecordsWithTiers1500And2000UseTheHighestAndAreFlagged() {
    Decision d =
        decide(
            adult()
                .dibao("2021-01-01", null)
                .countyResident("SUSPENDED", "1500")
                .countyResident("SUSPENDED", "2000")
                .countyResident("TERMINATED", "900"));
    assertThat(d.tier()).isEqualByComparingTo("2000");
    assertThat(d.selfPayAmount()).isEqualByComparingTo("1930");
    assertThat(d.flags()).containsExactly("TIER_CONFLICT");
  }

  @Test
  void activeTier200WinsOverASuspendedTier1000WithoutConflict() {
    Decision d =
        decide(
            adult()
                .dibao("2021-01-01", null)
                .countyResident("SUSPENDED", "1000")
                .countyResident("ACTIVE", "200"));
    assertThat(d.tier()).isEqualByComparingTo("200");
    assertThat(d.flags()).as("records of different statuses do not conflict").isEmpty();
  }

  @Test
  void suspendedRecordWithInvalidTierIsDefaultedNotReadFromATerminatedOne() {
    Decision d =
        decide(
            adult()
                .fanpin("2021-01-01", null)
                .countyResident("SUSPENDED", "150")
                .countyResident("TERMINATED", "400"));
    assertThat(d.tier()).isEqualByComparingTo("100");
    assertThat(d.flags()).containsExactly("TIER_DEFAULTED");
    assertThat(d.status())
        .as("a SUSPENDED record is enrolled; nothing paid")
        .isEqualTo("AWAITING_SELF_PAYMENT");
  }

  @Test
  void twoActiveRecordsWithDifferentTiersUseTheHighestAndAreFlagged() {
    Decision d =
        decide(
            adult()
                .dibao("2021-01-01", null)
                .countyResident("ACTIVE", "200")
                .countyResident("ACTIVE", "300.00"));
    assertThat(d.tier()).isEqualByComparingTo("300");
    assertThat(d.flags()).containsExactly("TIER_CONFLICT");
  }

  @Test
  void terminatedRecordOfAnotherCountyNeitherRaisesNorConflictsWithTheCountyTier() {
    Decision d =
        decide(
            adult()
                .dibao("2021-01-01", null)
                .enrolled("RESIDENT", PersonBuilder.OTHER_COUNTY, "TERMINATED", "500")
                .countyResident("ACTIVE", "200"));
    assertThat(d.tier()).isEqualByComparingTo("200");
    assertThat(d.flags()).isEmpty();
  }

  @Test
  void dibaoShareIsReadFromThePolicyFile() {
    Decider decider =
        new Decider(Rules2022.withShare(Category.DIBAO, "0.80"), LocalDate.of(2022, 12, 31));
    Decision d =
        decider.decide(adult().dibao("2021-01-01", null).countyResident("ACTIVE", "100").build());
    assertThat(d.subsidyAmount()).as("a policy with 80 % for 低保").isEqualByComparingTo("80");
    assertThat(d.selfPayAmount()).isEqualByComparingTo("20");
  }
}
