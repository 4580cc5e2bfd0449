package org.daijiao.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumMap;
import java.util.Map;
import org.daijiao.coverage.WorklistAction;
import org.junit.jupiter.api.Test;

/**
 * The work-list actions reach the clerk in words; an action without words (one added to
 * WorklistAction later, such as FIX_ID of issue 12, or a code this build does not know) still
 * reaches the clerk, with its code.
 */
class ActionLabelsTest {
  @Test
  void eachActionOfTheNoticeHasItsWords() {
    assertThat(ActionLabels.label("ENROL")).isEqualTo("参保登记（未参加城乡居保）");
    assertThat(ActionLabels.label("REACHES_PENSION_AGE")).contains("达龄一个，发放一个");
  }

  @Test
  void anActionWithoutWordsIsShownWithItsCodeAndListedLast() {
    assertThat(ActionLabels.label("FIX_ID"))
        .as("a code the enum does not know (issue 12's FIX_ID before this build knows it)")
        .isEqualTo("FIX_ID");
    Map<WorklistAction, String> withoutRefund = new EnumMap<>(ActionLabels.LABELS);
    withoutRefund.remove(WorklistAction.REFUND);
    assertThat(ActionLabels.label("REFUND", withoutRefund))
        .as("an enum constant the label table lacks")
        .isEqualTo("REFUND");
    assertThat(ActionLabels.order("FIX_ID"))
        .as("after every known action")
        .isGreaterThan(ActionLabels.order("REACHES_PENSION_AGE"));
  }
}
