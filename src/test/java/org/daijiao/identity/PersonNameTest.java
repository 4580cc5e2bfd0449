package org.daijiao.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class PersonNameTest {
  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"   ", "\u3000", "\u00A0\t\r\n"})
  void aBlankNameIsNull(String raw) {
    assertThat(PersonName.normalize(raw)).isNull();
  }

  @ParameterizedTest(name = "''{0}'' -> ''{1}''")
  @CsvSource(
      delimiter = '|',
      ignoreLeadingAndTrailingWhitespace = false,
      value = {
        "张三|张三",
        "  张三  |张三",
        "张 三|张三",
        "张\u3000三|张三",
        "张\u00A0\u00A0 三|张三",
        "\u3000李\t小 红\u3000|李小红",
      })
  void whiteSpaceBetweenHanCharactersIsDropped(String raw, String expected) {
    assertThat(PersonName.normalize(raw)).as("Han name typed with spaces").isEqualTo(expected);
  }

  @ParameterizedTest(name = "''{0}'' -> ''{1}''")
  @CsvSource(
      delimiter = '|',
      ignoreLeadingAndTrailingWhitespace = false,
      value = {
        "阿依古丽·买买提|阿依古丽·买买提",
        "阿依古丽•买买提|阿依古丽·买买提",
        "阿依古丽‧买买提|阿依古丽·买买提",
        "阿依古丽・买买提|阿依古丽·买买提",
        "阿依古丽･买买提|阿依古丽·买买提",
        "阿依古丽∙买买提|阿依古丽·买买提",
        "阿依古丽⋅买买提|阿依古丽·买买提",
        "阿依古丽 · 买买提|阿依古丽·买买提",
        "阿依古丽\u3000・\u3000买买提|阿依古丽·买买提",
      })
  void theDotOfMinorityNamesIsUnifiedToTheMiddleDot(String raw, String expected) {
    assertThat(PersonName.normalize(raw))
        .as("minority name with a look-alike dot (SPEC §3)")
        .isEqualTo(expected)
        .contains("\u00B7");
  }

  @ParameterizedTest(name = "''{0}'' -> ''{1}''")
  @CsvSource(
      delimiter = '|',
      ignoreLeadingAndTrailingWhitespace = false,
      value = {
        "Ｌｉ Ｍｉｎｇ|Li Ming",
        "Li   Ming|Li Ming",
        "Li\u3000\u00A0Ming|Li Ming",
        "张三Ａ|张三A",
        "张三（大）|张三(大)",
        "王 Tom|王 Tom",
      })
  void fullWidthFoldsToAsciiAndOtherSpaceRunsBecomeOneSpace(String raw, String expected) {
    assertThat(PersonName.normalize(raw)).isEqualTo(expected);
  }

  @Test
  void fullStopsAreNotNameDots() {
    assertThat(PersonName.normalize("阿依古丽.买买提")).isEqualTo("阿依古丽.买买提");
    assertThat(PersonName.normalize("阿依古丽。买买提")).isEqualTo("阿依古丽。买买提");
  }

  @Test
  void rareHanCharactersOutsideTheBasicPlaneJoinToo() {
    String rare = new String(Character.toChars(0x20BB7)); // 𠮷, as in 𠮷野
    assertThat(PersonName.normalize("张 " + rare)).isEqualTo("张" + rare);
  }

  @Test
  void normalisingTwiceChangesNothing() {
    String once = PersonName.normalize(" 阿依古丽 ・ 买买提 ");
    assertThat(PersonName.normalize(once)).isEqualTo(once);
  }
}
