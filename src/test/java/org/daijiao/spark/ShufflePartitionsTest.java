package org.daijiao.spark;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * A local session's shuffles are sized to the data it reads (issue 11): one partition per core up
 * to 128 MB of input per partition, more above.
 */
class ShufflePartitionsTest {
  private static final long MB = 1L << 20;

  @Test
  void smallInputsGetOnePartitionPerCore() {
    assertThat(SparkSessions.shufflePartitions(0, 2)).as("an empty warehouse").isEqualTo(2);
    assertThat(SparkSessions.shufflePartitions(800 * 1024, 2))
        .as("the bundled sample")
        .isEqualTo(2);
    assertThat(SparkSessions.shufflePartitions(160 * MB, 2)).as("county4's 160 MB").isEqualTo(2);
    assertThat(SparkSessions.shufflePartitions(40 * MB, 8)).as("a county on 8 cores").isEqualTo(8);
  }

  @Test
  void largeInputsGetOnePartitionPer128Mb() {
    assertThat(SparkSessions.shufflePartitions(1_600 * MB, 2)).as("the municipality").isEqualTo(13);
    assertThat(SparkSessions.shufflePartitions(129 * MB, 1)).isEqualTo(2);
    assertThat(SparkSessions.shufflePartitions(Long.MAX_VALUE, 2)).isEqualTo(10_000);
  }
}
