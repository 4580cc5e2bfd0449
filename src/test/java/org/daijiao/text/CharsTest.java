package org.daijiao.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CharsTest {
  @Test
  void aCellIsTrimmedOfEveryKindOfSpaceAndBlankIsNull() {
    assertThat(Chars.trimmed("\u00A0\u3000 低保\u200B\uFEFF\t")).isEqualTo("低保");
    assertThat(Chars.trimmed(" 特困 人员 ")).as("spaces inside stay").isEqualTo("特困 人员");
    assertThat(Chars.trimmed("\u00A0 \u3000")).isNull();
    assertThat(Chars.trimmed("")).isNull();
    assertThat(Chars.trimmed(null)).isNull();
    assertThat(Chars.trimmed(12)).as("a non-text cell by its text").isEqualTo("12");
  }
}
