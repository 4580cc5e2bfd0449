package org.daijiao.gold;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The golden diff names the row and the column that changed, so a failing end-to-end test reads at
 * once.
 */
class GoldenDiffTest {
  private static final List<String> KEY = List.of("policy_year", "id_number");

  private static GoldTables.Csv csv(String text) {
    return GoldTables.Csv.parse(text);
  }

  @Test
  void aChangedCellIsReportedByPersonAndColumn() {
    List<String> diff =
        GoldenDiff.of(
            csv("policy_year,id_number,status\n2022,P01,SETTLED\n2022,P02,REFUND_DUE\n"),
            csv(
                "policy_year,id_number,status\n2022,P01,AWAITING_SELF_PAYMENT\n2022,P02,REFUND_DUE\n"),
            KEY);
    assertThat(diff)
        .containsExactly(
            "row [2022/P01]: status expected 'SETTLED' but was 'AWAITING_SELF_PAYMENT'");
  }

  @Test
  void missingUnexpectedAndDuplicatedRowsAreReported() {
    List<String> diff =
        GoldenDiff.of(
            csv("policy_year,id_number,status\n2022,P01,SETTLED\n2022,P02,REFUND_DUE\n"),
            csv(
                "policy_year,id_number,status\n2022,P02,REFUND_DUE\n2022,P02,REFUND_DUE\n2022,P03,SETTLED\n"),
            KEY);
    assertThat(diff)
        .containsExactly(
            "missing row {policy_year=2022, id_number=P01, status=SETTLED}",
            "unexpected row {policy_year=2022, id_number=P02, status=REFUND_DUE}",
            "row [2022/P02]: expected 1 rows but found 2",
            "unexpected row {policy_year=2022, id_number=P03, status=SETTLED}");
  }

  @Test
  void sameRowsGiveNoDifference() {
    String text = "policy_year,id_number,reasons\n2022,P10,\"[\"\"PRISONER\"\"]\"\n";
    assertThat(GoldenDiff.of(csv(text), csv(text), KEY)).isEmpty();
  }

  @Test
  void rowsOfOneKeyAreComparedAsAMultiset() {
    // [A, A, B] against [A, B, B]: the same size and the same distinct rows, but not the same rows.
    List<String> diff =
        GoldenDiff.of(
            csv(
                "policy_year,id_number,status\n2022,P01,SETTLED\n2022,P01,SETTLED\n2022,P01,REFUND_DUE\n"),
            csv(
                "policy_year,id_number,status\n2022,P01,SETTLED\n2022,P01,REFUND_DUE\n2022,P01,REFUND_DUE\n"),
            KEY);
    assertThat(diff)
        .containsExactly(
            "missing row {policy_year=2022, id_number=P01, status=SETTLED}",
            "unexpected row {policy_year=2022, id_number=P01, status=REFUND_DUE}");
  }

  @Test
  void theSameRowsOfOneKeyInAnotherOrderAreNoDifference() {
    List<String> diff =
        GoldenDiff.of(
            csv("policy_year,id_number,status\n2022,P01,SETTLED\n2022,P01,REFUND_DUE\n"),
            csv("policy_year,id_number,status\n2022,P01,REFUND_DUE\n2022,P01,SETTLED\n"),
            KEY);
    assertThat(diff).isEmpty();
  }
}
