package org.daijiao.ingest.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.daijiao.quality.RejectReason;

class DateParserProperties {
  /** The four formats of SPEC §4. */
  private static final DateTimeFormatter[] SPEC_FORMATS = {
    DateTimeFormatter.ofPattern("uuuu-MM-dd"),
    DateTimeFormatter.ofPattern("uuuu/M/d"),
    DateTimeFormatter.ofPattern("uuuuMMdd"),
    DateTimeFormatter.ofPattern("uuuu年M月d日"),
  };

  @Provide
  Arbitrary<LocalDate> dates() {
    return Arbitraries.longs()
        .between(LocalDate.of(1900, 1, 1).toEpochDay(), LocalDate.of(2100, 12, 31).toEpochDay())
        .map(LocalDate::ofEpochDay);
  }

  @Property
  void everyDateInEverySpecFormatParsesBackToItself(@ForAll("dates") LocalDate date) {
    for (DateTimeFormatter format : SPEC_FORMATS) {
      String cell = format.format(date);
      assertThat(DateParser.parse(cell)).as("cell '%s'", cell).isEqualTo(date);
    }
  }

  @Provide
  Arbitrary<String> garbage() {
    Arbitrary<String> dateLike =
        Arbitraries.strings().withChars("0123456789-/.年月日 :T０１２３\u3000Ee+").ofMaxLength(24);
    return Arbitraries.oneOf(dateLike, Arbitraries.strings().ofMaxLength(30));
  }

  @Property(tries = 2000)
  void garbageIsEitherADateOrADateInvalid(@ForAll("garbage") String cell) {
    try {
      DateParser.parse(cell);
    } catch (InvalidValueException e) {
      assertThat(e.reason()).isEqualTo(RejectReason.DATE_INVALID);
      assertThat(e.detail()).isNotBlank();
    }
  }
}
