package org.daijiao.ingest.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.LocalDate;
import org.daijiao.quality.RejectReason;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class DateParserTest {
  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"  ", "\u3000", "\u00A0\t"})
  void anEmptyDateCellIsNull(String raw) {
    assertThat(DateParser.parse(raw)).as("empty end_date means ongoing").isNull();
  }

  @ParameterizedTest(name = "''{0}''")
  @ValueSource(
      strings = {
        "2022-03-05",
        "2022/3/5",
        "2022/03/05",
        "2022-3-5",
        "20220305",
        "2022年3月5日",
        "2022年03月05日",
        "2022 年 3 月 5 日",
        "2022.3.5",
        "２０２２－０３－０５",
        "２０２２年３月５日",
        "  2022-03-05\u3000",
        "\u00A02022/3/5\u00A0",
        "2022-03-05 00:00:00",
        "2022-03-05T00:00",
        "2022-03-05 14:30:15.250",
        "2022/3/5 0:00",
        "44625",
        "44625.0",
      })
  void everyAcceptedSpellingOfTheFifthOfMarch2022(String raw) {
    assertThat(DateParser.parse(raw))
        .as("'%s' as exported by a department", raw)
        .isEqualTo(LocalDate.of(2022, 3, 5));
  }

  @ParameterizedTest(name = "serial {0} = {1}")
  @CsvSource({
    "44562, 2022-01-01",
    "1, 1900-01-01",
    "59, 1900-02-28",
    "61, 1900-03-01",
    "36526, 2000-01-01",
    "99999, 2173-10-13",
  })
  void excelSerialDayNumbersFollowExcelsCalendar(String serial, LocalDate expected) {
    assertThat(DateParser.parse(serial)).as("XLSX date cell %s", serial).isEqualTo(expected);
  }

  @ParameterizedTest(name = "''{0}'' -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "2022-13-01|month 13",
        "0000-00-00|0000-00-00",
        "2022年2月30日|2022-02-30 is not a calendar date",
        "2022-02-29|2022-02-29 is not a calendar date",
        "20220230|2022-02-30 is not a calendar date",
        "2022-00-10|month 0",
        "0001-01-01|year 0001",
        "22-3-5|known format",
        "22/03/05|known format",
        "220305|known format",
        "2022-03|known format",
        "2022-03/05|known format",
        "2022年3月5|known format",
        "March 5, 2022|known format",
        "abc|known format",
        "2022-03-05 junk|known format",
        "60|serial day number 60",
        "2958465|known format",
        "202203|known format",
        "0|before Excel's first day",
        "2022|a year alone",
        "44562.5|known format",
        "-44562|known format",
        "500243198001010012|known format",
      })
  void strictlyRejectsWhatIsNotACalendarDate(String raw, String detail) {
    InvalidValueException e =
        catchThrowableOfType(InvalidValueException.class, () -> DateParser.parse(raw));
    assertThat(e).as("'%s' must be rejected", raw).isNotNull();
    assertThat(e.reason()).isEqualTo(RejectReason.DATE_INVALID);
    assertThat(e.detail()).as("why '%s' is refused", raw).contains(detail);
  }

  @ParameterizedTest
  @ValueSource(strings = {"500243198001010012", "5002431980010100", "50024319800101"})
  void theDetailNeverRepeatsTheCell(String misplacedId) {
    InvalidValueException e =
        catchThrowableOfType(InvalidValueException.class, () -> DateParser.parse(misplacedId));
    assertThat(e.detail())
        .as("an ID in the date column must not leak (SPEC §7)")
        .doesNotContain(misplacedId);
  }
}
