package org.daijiao.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The generator's set of drawn IDs agrees with a {@code HashSet} through several growths. */
class LongSetTest {
  @Test
  void addsEachValueOnceLikeAHashSet() {
    LongSet set = new LongSet();
    Set<Long> reference = new HashSet<>();
    SplittableRandom rng = new SplittableRandom(7);
    for (int i = 0; i < 300_000; i++) {
      // First 17 digits of IDs: area 500243, a birth date, a sequence; many repeats on purpose.
      long id = 50024319_000000000L + rng.nextLong(400_000);
      assertThat(set.add(id)).as("value %d, draw %d", id, i).isEqualTo(reference.add(id));
    }
    assertThat(set.add(0L)).isTrue();
    assertThat(set.add(0L)).isFalse();
  }
}
