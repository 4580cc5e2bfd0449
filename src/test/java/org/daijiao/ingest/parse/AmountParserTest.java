package org.daijiao.ingest.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigDecimal;
import org.daijiao.quality.RejectReason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class AmountParserTest {
  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"  ", "\u3000"})
  void anEmptyAmountIsNull(String raw) {
    assertThat(AmountParser.parse(raw)).isNull();
    assertThat(AmountParser.parseYear(raw)).isNull();
  }

  @ParameterizedTest(name = "''{0}'' = {1}")
  @CsvSource(
      delimiter = '|',
      ignoreLeadingAndTrailingWhitespace = false,
      value = {
        "100|100.00",
        "100.00|100.00",
        "100.5|100.50",
        "0|0.00",
        "0.70|0.70",
        "1,000.50|1000.50",
        "1,234,567|1234567.00",
        "¥100|100.00",
        "￥100|100.00",
        "¥ 1,000|1000.00",
        "100元|100.00",
        "100.00 元|100.00",
        "￥1,000.50元|1000.50",
        "１００．５０|100.50",
        "１，０００|1000.00",
        "  100\u3000|100.00",
        "\u00A0￥100\u00A0|100.00",
        "-70|-70.00",
        "-¥70|-70.00",
        "¥-70|-70.00",
        "－７０|-70.00",
        "\u221270|-70.00",
        "99.999999|100.00",
        "1.005|1.01",
        "1.004|1.00",
        "10000000000|10000000000.00",
      })
  void acceptedAmountsReadAsYuanAtScaleTwo(String raw, String expected) {
    BigDecimal amount = AmountParser.parse(raw);
    assertThat(amount).as("amount cell '%s'", raw).isEqualTo(new BigDecimal(expected));
    assertThat(amount.scale()).isEqualTo(2);
  }

  @ParameterizedTest(name = "''{0}'' -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "abc|not an amount",
        "1.2.3|not an amount",
        "1,00,0|not an amount",
        "10,00|not an amount",
        "1,0000|not an amount",
        ",100|not an amount",
        "(70)|not an amount",
        "+100|not an amount",
        "100.|not an amount",
        ".5|not an amount",
        "1 000|not an amount",
        "-|not an amount",
        "¥|not an amount",
        "--70|two minus signs",
        "-¥-70|two minus signs",
        "1E+5|scientific notation",
        "1.5e3|scientific notation",
        "10000000000.01|10^10",
        "-20000000000|10^10",
        "100$|not an amount",
      })
  void rejectedAmountsSayWhy(String raw, String detail) {
    InvalidValueException e =
        catchThrowableOfType(InvalidValueException.class, () -> AmountParser.parse(raw));
    assertThat(e).as("'%s' must be rejected", raw).isNotNull();
    assertThat(e.reason()).isEqualTo(RejectReason.AMOUNT_INVALID);
    assertThat(e.detail()).contains(detail);
  }

  @Test
  void aMisplacedIdNeverLeaksIntoTheDetail() {
    InvalidValueException e =
        catchThrowableOfType(
            InvalidValueException.class, () -> AmountParser.parse("50024319800101001X"));
    assertThat(e.detail()).doesNotContain("500243");
  }

  @ParameterizedTest(name = "''{0}'' -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "2022|2022",
        "2022年|2022",
        "2022年度|2022",
        "２０２２|2022",
        "２０２２年|2022",
        "202201|2022",
        "202212|2022",
        "2022-01|2022",
        "2022.01|2022",
        "2022/1|2022",
        "2022年1月|2022",
        "2022.0|2022",
        "2022.5|2022",
        "202201-202212|2022",
        "202201 至 202212|2022",
        "2022-01~2022-12|2022",
      })
  void paymentYearsReadAsTheirYear(String raw, int year) {
    assertThat(AmountParser.parseYear(raw)).as("费款所属期 '%s'", raw).isEqualTo(year);
  }

  @ParameterizedTest(name = "''{0}'' -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "22|not a year",
        "20221|not a year",
        "2022-13|month 13",
        "202200-202212|month 0",
        "2022-1-5|not a year",
        "202101-202212|period spans 2021 and 2022",
        "1800|year 1800",
        "0000|year 0000",
        "2022.13|month 13",
        "abc|not a year",
        "2,022|not a year",
      })
  void impossiblePaymentYearsAreYearInvalid(String raw, String detail) {
    InvalidValueException e =
        catchThrowableOfType(InvalidValueException.class, () -> AmountParser.parseYear(raw));
    assertThat(e).as("'%s' must be rejected", raw).isNotNull();
    assertThat(e.reason()).isEqualTo(RejectReason.YEAR_INVALID);
    assertThat(e.detail()).contains(detail);
  }
}
