package org.daijiao.eligibility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.daijiao.decide.Rules2022.decide;

import java.time.LocalDate;
import org.daijiao.decide.Decider;
import org.daijiao.decide.Decision;
import org.daijiao.decide.Rules2022;
import org.daijiao.person.PersonBuilder;
import org.junit.jupiter.api.Test;

/**
 * SPEC §2: W = [Y-01-01, min(Y-12-31, as_of)]; records that start after as_of do not exist; a
 * category is held from its start to its end, both inclusive.
 */
class WindowAndRecordsTest {

  @Test
  void categoryEndingOnJanuary1QualifiesOnThatDay() {
    Decision d = decide(PersonBuilder.born("1980-05-01").dibao("2021-03-01", "2022-01-01"));
    assertThat(d.eligible()).as("the end date is a day the category is held").isTrue();
    assertThat(d.firstEligibleDate()).isEqualTo("2022-01-01");
  }

  @Test
  void categoryEndedOnDecember31OfThePreviousYearHoldsNothing() {
    Decision d = decide(PersonBuilder.born("1980-05-01").dibao("2021-03-01", "2021-12-31"));
    assertThat(d.reasons()).containsExactly("NO_TARGET_CATEGORY");
    assertThat(d.heldCategories()).isEmpty();
  }

  @Test
  void categoryStartingAfterAsOfDoesNotExist() {
    Decision d = decide(PersonBuilder.born("1980-05-01").tekun("2022-07-01", null), "2022-06-30");
    assertThat(d.reasons()).containsExactly("NO_TARGET_CATEGORY");
    assertThat(d.category()).isNull();
  }

  @Test
  void exclusionStartingAfterAsOfDoesNotExclude() {
    Decision d =
        decide(
            PersonBuilder.born("1980-05-01").dibao("2022-01-01", null).prisoner("2022-07-01", null),
            "2022-06-30");
    assertThat(d.eligible()).isTrue();
  }

  @Test
  void categoryStartingOnAsOfCountsThatDay() {
    Decision d = decide(PersonBuilder.born("1980-05-01").tekun("2022-09-01", null), "2022-09-01");
    assertThat(d.eligible()).isTrue();
    assertThat(d.firstEligibleDate()).isEqualTo("2022-09-01");
  }

  @Test
  void asOfAfterTheYearKeepsWAtDecember31() {
    Decision d = decide(PersonBuilder.born("1980-05-01").tekun("2023-01-02", null), "2023-02-01");
    assertThat(d.reasons())
        .as("a category starting in 2023 is held on no day of W = 2022")
        .containsExactly("NO_TARGET_CATEGORY");
  }

  @Test
  void asOfBeforeThePolicyYearIsRefused() {
    assertThatThrownBy(() -> new Decider(Rules2022.POLICY, LocalDate.of(2021, 12, 31)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("2022-01-01");
  }

  @Test
  void nonTargetRecordsOnlyHaveNoTargetCategory() {
    Decision d =
        decide(
            PersonBuilder.born("1980-05-01")
                .category("MARGINAL_POVERTY", "2021-01-01", null)
                .category("MILD_DISABILITY", "2020-01-01", null)
                .countyResident("ACTIVE", "100"));
    assertThat(d.eligible()).isFalse();
    assertThat(d.reasons()).containsExactly("NO_TARGET_CATEGORY");
    assertThat(d.heldCategories()).isEmpty();
    assertThat(d.category()).isNull();
    assertThat(d.inCoverageTarget()).isFalse();
    assertThat(d.department()).as("no ledger row").isNull();
  }

  @Test
  void personWithoutAnyRecordHasNoTargetCategory() {
    Decision d = decide(PersonBuilder.born("1980-05-01"));
    assertThat(d.reasons()).containsExactly("NO_TARGET_CATEGORY");
  }
}
