package org.daijiao.decide;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.daijiao.identity.IdNumber;
import org.daijiao.person.PersonBuilder;
import org.daijiao.person.PersonTimeline;
import org.junit.jupiter.api.Test;

/** SPEC §6 {@code explain}: rule by rule, citing the clauses, with the ID masked (SPEC §7). */
class ExplanationTest {

  private static final PersonBuilder DIBAO_AND_TEKUN =
      PersonBuilder.born("2006-03-10")
          .dibao("2021-01-01", null)
          .tekun("2022-05-01", null)
          .category("MARGINAL_POVERTY", "2022-01-01", null)
          .student("2021-09-01", "2022-06-30")
          .countyResident("ACTIVE", "300")
          .selfPaid(2022, "300", "2022-07-02")
          .selfPaid(2021, "100", "2021-05-02");

  private static String render(PersonBuilder builder) {
    PersonTimeline p = builder.build();
    ExplainedDecision d = new Decider(Rules2022.POLICY, Rules2022.YEAR_END).explain(p);
    return Explanation.render(p, d, Rules2022.POLICY);
  }

  @Test
  void explanationCitesTheClauseOfEveryRule() {
    String text = render(DIBAO_AND_TEKUN);
    assertThat(text)
        .contains("1. §2 ")
        .contains("§1")
        .contains("§2(一)")
        .contains("§2(二)")
        .contains("§3(二)")
        .contains("§3(一)")
        .contains("14. ");
  }

  @Test
  void explanationShowsTheResolutionTheAgeWindowTheRecordsAndTheMoney() {
    String text = render(DIBAO_AND_TEKUN);
    assertThat(text)
        .as(text)
        .contains("低保+特困 → 特困")
        .contains("满16周岁 2022-03-10")
        .contains("满60周岁 2066-03-10")
        .contains("在校学生 STUDENT 2021-09-01 – 2022-06-30")
        .contains("边缘易致贫 MARGINAL_POVERTY 2022-01-01 – ongoing (not a target category)")
        .contains("RESIDENT region 500243 ACTIVE tier 300")
        .contains("counted: SELF 300 for 2022, paid 2022-07-02")
        .contains("not counted (for another year): SELF 100 for 2021")
        .contains("first qualifying day 2022-07-01")
        .contains("subsidy = 100% × L = 100.00")
        .contains("POST_HOC_REFUND")
        .contains("REGULAR, deadline 2022-08-31")
        .contains("REFUND_DUE");
  }

  @Test
  void explanationMasksTheIdNumber() {
    PersonTimeline p = DIBAO_AND_TEKUN.build();
    String text = render(DIBAO_AND_TEKUN);
    assertThat(text).contains(IdNumber.mask(p.id())).doesNotContain(p.id());
  }

  @Test
  void traceNeverHoldsTheIdNumber() {
    PersonTimeline p = DIBAO_AND_TEKUN.build();
    ExplainedDecision d = new Decider(Rules2022.POLICY, Rules2022.YEAR_END).explain(p);
    assertThat(d.trace()).hasSize(14);
    assertThat(d.trace())
        .allSatisfy(
            s ->
                assertThat(s.finding()).doesNotContain(p.id()).doesNotContain(p.id().substring(6)));
  }

  @Test
  void explainDecidesExactlyAsDecideDoesAndOnlyAddsTheTrail() {
    Decider decider = new Decider(Rules2022.POLICY, Rules2022.YEAR_END);
    for (PersonBuilder person :
        List.of(
            DIBAO_AND_TEKUN,
            PersonBuilder.born("1955-03-01")
                .tekun("2021-01-01", null)
                .countyResident("RECEIVING", null))) {
      PersonTimeline p = person.build();
      assertThat(decider.explain(p).decision()).isEqualTo(decider.decide(p));
    }
  }

  @Test
  void explanationOfANonEligiblePersonListsTheReasons() {
    String text =
        render(
            PersonBuilder.born("1955-03-01")
                .tekun("2021-01-01", null)
                .countyResident("RECEIVING", null));
    assertThat(text)
        .contains("not eligible (AGE_60_OR_OVER, RECEIVING_PENSION)")
        .contains("→ RECEIVING_PENSION")
        .contains("not eligible: no ledger row");
  }

  @Test
  void explanationOfADibaoWhoMustReEnrolSaysTheTerminatedTierIsNotAChoice() {
    // SPEC §2.4 (amended): the tier of a TERMINATED record is not this year's choice.
    String text =
        render(
            PersonBuilder.born("1980-05-01")
                .dibao("2021-01-01", null)
                .countyResident("TERMINATED", "700"));
    assertThat(text)
        .as(text)
        .contains("T = 100.00 (no ACTIVE/SUSPENDED county resident record: nothing chosen for 2022")
        .contains("TIER_DEFAULTED")
        .contains("self_pay = T − subsidy = 30.00");
  }

  @Test
  void explanationRefusesADecisionAboutSomeoneElse() {
    PersonTimeline p = DIBAO_AND_TEKUN.build();
    PersonTimeline other = PersonBuilder.born("1980-05-01").sequence("002").build();
    ExplainedDecision d = new Decider(Rules2022.POLICY, Rules2022.YEAR_END).explain(other);
    assertThatThrownBy(() -> Explanation.render(p, d, Rules2022.POLICY))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageNotContaining(p.id())
        .hasMessageNotContaining(other.id());
  }
}
