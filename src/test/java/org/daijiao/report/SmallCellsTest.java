package org.daijiao.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** docs/reports.md#small-cells: which counts of a village's row the HTML page hides. */
class SmallCellsTest {
  @Test
  void aCountOfThreeReadsBelowFiveAndTheSmallestOtherNonZeroCellToo() {
    assertThat(SmallCells.shown(List.of(3L, 10L, 7L, 0L), 5))
        .as("3 alone would follow from the total 20 and 10 + 7: 7 is hidden too")
        .containsExactly("<5", "10", "<5", "0");
  }

  @Test
  void twoSmallCountsHideEachOtherAndZerosAndLargeCountsShow() {
    assertThat(SmallCells.shown(List.of(1L, 4L, 12L, 0L), 5))
        .containsExactly("<5", "<5", "12", "0");
    assertThat(SmallCells.shown(List.of(5L, 0L, 1234L), 5)).containsExactly("5", "0", "1,234");
  }

  @Test
  void aSmallCountAloneInItsRowIsHiddenWithNothingElseToHide() {
    assertThat(SmallCells.shown(List.of(0L, 2L, 0L), 5)).containsExactly("0", "<5", "0");
  }

  @Test
  void aVillageOfTwoPersonsShowsNeitherTheCellNorTheTotal() {
    assertThat(SmallCells.shown(List.of(0L, 2L, 0L), 5)).containsExactly("0", "<5", "0");
    assertThat(SmallCells.total(2L, 5)).as("the total would give the cell away").isEqualTo("<5");
    assertThat(SmallCells.total(20L, 5)).isEqualTo("20");
    assertThat(SmallCells.total(0L, 5)).isEqualTo("0");
  }

  @Test
  void aThresholdOfOneHidesNothing() {
    assertThat(SmallCells.shown(List.of(1L, 2L, 0L), 1)).containsExactly("1", "2", "0");
  }
}
