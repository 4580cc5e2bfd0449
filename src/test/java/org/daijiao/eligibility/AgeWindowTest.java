package org.daijiao.eligibility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.daijiao.decide.Rules2022.decide;

import java.time.LocalDate;
import org.daijiao.decide.Decider;
import org.daijiao.decide.Decision;
import org.daijiao.decide.Rules2022;
import org.daijiao.person.PersonBuilder;
import org.daijiao.person.PersonTimeline;
import org.daijiao.policy.Policy;
import org.junit.jupiter.api.Test;

/** §2(二) 年满16周岁至60周岁 and §2(一) 未满60周岁: qualifying while 16 ≤ age < 60 (SPEC §2.2). */
class AgeWindowTest {

  @Test
  void turns16OnJuly1QualifiesFromHisBirthday() {
    Decision d = decide(PersonBuilder.born("2006-07-01").dibao("2021-01-01", null));
    assertThat(d.eligible()).as("a 低保 person who turns 16 in the year is eligible").isTrue();
    assertThat(d.firstEligibleDate())
        .as("the 16th birthday is the first day at age 16")
        .isEqualTo("2022-07-01");
  }

  @Test
  void turns16OnDecember31QualifiesOnThatDayAlone() {
    Decision d = decide(PersonBuilder.born("2006-12-31").dibao("2021-01-01", null));
    assertThat(d.eligible()).as("one qualifying day is enough").isTrue();
    assertThat(d.firstEligibleDate()).isEqualTo("2022-12-31");
    assertThat(d.batch()).as("first qualifying day after 31 Aug").isEqualTo("DYNAMIC");
  }

  @Test
  void turns16OnJanuary1In2023IsUnder16AllYear() {
    Decision d = decide(PersonBuilder.born("2007-01-01").dibao("2021-01-01", null));
    assertThat(d.eligible()).isFalse();
    assertThat(d.reasons()).containsExactly("AGE_UNDER_16");
  }

  @Test
  void sixtiethBirthdayOnJan1ExcludesWholeYear() {
    Decision d = decide(PersonBuilder.born("1962-01-01").tekun("2020-01-01", null));
    assertThat(d.eligible()).as("60 on 1 Jan: no day of 2022 under 60").isFalse();
    assertThat(d.reasons()).containsExactly("AGE_60_OR_OVER");
    assertThat(d.inCoverageTarget()).isFalse();
    assertThat(d.category()).as("reported under the highest category held").isEqualTo("TEKUN");
  }

  @Test
  void sixtiethBirthdayOnJan2QualifiesOnJan1Only() {
    Decision d = decide(PersonBuilder.born("1962-01-02").tekun("2020-01-01", null));
    assertThat(d.eligible()).as("still 59 on 1 Jan").isTrue();
    assertThat(d.firstEligibleDate()).isEqualTo("2022-01-01");
    assertThat(d.batch()).isEqualTo("REGULAR");
    assertThat(d.reachesPensionAge()).isTrue();
  }

  @Test
  void sixtiethBirthdayOnDec31QualifiesUntilDec30() {
    PersonTimeline p = PersonBuilder.born("1962-12-31").dibao("2021-01-01", null).build();
    QualifyingDays days = QualifyingDays.of(p, Rules2022.POLICY, Rules2022.YEAR_END);
    assertThat(days.qualifying().last())
        .as("the 60th birthday is the first day at 60")
        .isEqualTo("2022-12-30");
  }

  @Test
  void dibaoFromHisSixtiethBirthdayIsAge60OrOver() {
    Decision d = decide(PersonBuilder.born("1962-12-31").dibao("2022-12-31", null));
    assertThat(d.eligible())
        .as("低保 only from 31 Dec, the 60th birthday: no day both held and under 60")
        .isFalse();
    assertThat(d.reasons()).containsExactly("AGE_60_OR_OVER");
    assertThat(d.reachesPensionAge()).as("holds a category in W and turns 60 in W").isTrue();
  }

  @Test
  void bornOn29FebruaryTurns16On29FebruaryOfALeapYear() {
    Policy y2020 = Rules2022.forYear(2020);
    PersonTimeline p = PersonBuilder.born("2004-02-29").dibao("2019-01-01", null).build();
    Decision d = new Decider(y2020, LocalDate.of(2020, 12, 31)).decide(p);
    assertThat(d.firstEligibleDate()).isEqualTo("2020-02-29");
  }

  @Test
  void bornOn29FebruaryTurns16On28FebruaryOfACommonYear() {
    // 2100 is not a leap year: the birthday of a 29 February birth is then 28 February.
    Policy y2100 = Rules2022.forYear(2100);
    PersonTimeline p = PersonBuilder.born("2084-02-29").dibao("2099-01-01", null).build();
    Decision d = new Decider(y2100, LocalDate.of(2100, 12, 31)).decide(p);
    assertThat(d.firstEligibleDate()).isEqualTo("2100-02-28");
  }

  @Test
  void bornOn29FebruaryTurns60On28FebruaryOfACommonYear() {
    Policy y2100 = Rules2022.forYear(2100);
    PersonTimeline p = PersonBuilder.born("2040-02-29").dibao("2099-01-01", null).build();
    Decision d = new Decider(y2100, LocalDate.of(2100, 12, 31)).decide(p);
    assertThat(d.pensionAgeDate()).as("60th birthday").isEqualTo("2100-02-28");
    assertThat(d.eligible()).isTrue();
    assertThat(d.reachesPensionAge()).isTrue();
    QualifyingDays days = QualifyingDays.of(p, y2100, LocalDate.of(2100, 12, 31));
    assertThat(days.qualifying().last()).as("last day at 59").isEqualTo("2100-02-27");
  }
}
