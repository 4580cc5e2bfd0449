package org.daijiao.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumMap;
import java.util.Map;
import org.daijiao.coverage.WorklistAction;
import org.junit.jupiter.api.Test;

/**
 * The work-list actions reach the clerk in words; an action without words (one added to
 * WorklistAction later, or a code this build does not know) still reaches the clerk, with its code.
 */
class ActionLabelsTest {
  @Test
  void eachActionOfTheNoticeHasItsWords() {
    assertThat(ActionLabels.label("ENROL")).isEqualTo("参保登记（未参加城乡居保）");
    assertThat(ActionLabels.label("REACHES_PENSION_AGE")).contains("达龄一个，发放一个");
    assertThat(ActionLabels.label("FIX_ID")).as("issue 12's action").startsWith("核对身份证号码");
    for (WorklistAction action : WorklistAction.values()) {
      assertThat(ActionLabels.LABELS).as("words for %s", action).containsKey(action);
    }
  }

  @Test
  void anActionWithoutWordsIsShownWithItsCodeAndListedLast() {
    assertThat(ActionLabels.label("CHECK_SOMETHING_NEW"))
        .as("a code the enum does not know (an action a later build adds)")
        .isEqualTo("CHECK_SOMETHING_NEW");
    Map<WorklistAction, String> withoutRefund = new EnumMap<>(ActionLabels.LABELS);
    withoutRefund.remove(WorklistAction.REFUND);
    assertThat(ActionLabels.label("REFUND", withoutRefund))
        .as("an enum constant the label table lacks")
        .isEqualTo("REFUND");
    assertThat(ActionLabels.order("CHECK_SOMETHING_NEW"))
        .as("after every known action")
        .isGreaterThan(ActionLabels.order("FIX_ID"));
  }
}
