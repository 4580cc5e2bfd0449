package org.daijiao.eligibility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.daijiao.decide.Rules2022.decide;

import org.daijiao.decide.Decision;
import org.daijiao.person.PersonBuilder;
import org.junit.jupiter.api.Test;

/**
 * §2(一) 多重身份对象不重复享受补助: the highest-priority category held on any qualifying day (TEKUN >
 * SEVERE_DISABILITY > DIBAO > FANPIN, from the policy file).
 */
class CategoryResolutionTest {

  private static PersonBuilder adult() {
    return PersonBuilder.born("1980-05-01").countyResident("ACTIVE", "100");
  }

  @Test
  void dibaoAndTekunResolveToTekun() {
    Decision d = decide(adult().dibao("2021-01-01", null).tekun("2021-06-01", null));
    assertThat(d.category()).as("notice: 低保+特困 → 特困").isEqualTo("TEKUN");
    assertThat(d.subsidyAmount()).isEqualByComparingTo("100");
    assertThat(d.heldCategories()).containsExactly("TEKUN", "DIBAO");
  }

  @Test
  void dibaoAndSevereDisabilityResolveToSevereDisability() {
    Decision d = decide(adult().dibao("2021-01-01", null).severeDisability("2015-01-01", null));
    assertThat(d.category()).as("notice: 低保+重残 → 重残").isEqualTo("SEVERE_DISABILITY");
    assertThat(d.department()).isEqualTo("DISABLED_PERSONS_FEDERATION");
  }

  @Test
  void tekunAndSevereDisabilityResolveToTekun() {
    Decision d = decide(adult().severeDisability("2015-01-01", null).tekun("2021-01-01", null));
    assertThat(d.category()).as("Decision: 特困+重残 → 特困").isEqualTo("TEKUN");
  }

  @Test
  void dibaoAndFanpinResolveToDibao() {
    Decision d = decide(adult().fanpin("2021-01-01", null).dibao("2022-03-01", null));
    assertThat(d.category()).as("Decision: 低保+返贫致贫 → 低保").isEqualTo("DIBAO");
    assertThat(d.department()).isEqualTo("CIVIL_AFFAIRS");
  }

  @Test
  void tekunAndFanpinResolveToTekun() {
    Decision d = decide(adult().fanpin("2021-01-01", null).tekun("2022-03-01", null));
    assertThat(d.category()).isEqualTo("TEKUN");
  }

  @Test
  void severeDisabilityAndFanpinResolveToSevereDisability() {
    Decision d = decide(adult().fanpin("2021-01-01", null).severeDisability("2022-03-01", null));
    assertThat(d.category()).isEqualTo("SEVERE_DISABILITY");
    assertThat(d.fundingSource()).isEqualTo("MUNICIPAL_COUNTY_SETTLEMENT");
  }

  @Test
  void tekunFromOctoberOutranksDibaoHeldSinceJanuary() {
    Decision d = decide(adult().dibao("2021-01-01", null).tekun("2022-10-01", null));
    assertThat(d.category())
        .as("the highest category on any qualifying day, not on the first one")
        .isEqualTo("TEKUN");
    assertThat(d.firstEligibleDate()).isEqualTo("2022-01-01");
    assertThat(d.batch()).as("the batch follows the first qualifying day").isEqualTo("REGULAR");
  }

  @Test
  void tekunHeldOnlyWhileAStudentDoesNotCount() {
    Decision d =
        decide(
            adult()
                .tekun("2021-01-01", "2022-03-31")
                .student("2021-09-01", "2022-03-31")
                .dibao("2021-01-01", null));
    assertThat(d.category())
        .as("特困 is held only on excluded days: resolved on the qualifying days")
        .isEqualTo("DIBAO");
    assertThat(d.heldCategories()).containsExactly("TEKUN", "DIBAO");
  }

  @Test
  void tekunHeldOnlyBefore16DoesNotCount() {
    Decision d =
        decide(
            PersonBuilder.born("2006-05-01")
                .countyResident("ACTIVE", "100")
                .tekun("2020-01-01", "2022-04-30")
                .fanpin("2022-01-01", null));
    assertThat(d.category()).isEqualTo("FANPIN");
    assertThat(d.department()).isEqualTo("RURAL_REVITALIZATION");
  }

  @Test
  void notEligibleIsReportedUnderTheHighestCategoryHeld() {
    Decision d =
        decide(
            PersonBuilder.born("1950-05-01").fanpin("2021-01-01", null).tekun("2022-11-01", null));
    assertThat(d.eligible()).isFalse();
    assertThat(d.category()).isEqualTo("TEKUN");
  }
}
