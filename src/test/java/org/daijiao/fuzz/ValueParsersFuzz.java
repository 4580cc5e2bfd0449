package org.daijiao.fuzz;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.daijiao.identity.IdNumber;
import org.daijiao.ingest.parse.AmountParser;
import org.daijiao.ingest.parse.DateParser;
import org.daijiao.ingest.parse.InvalidValueException;

/**
 * Jazzer target: any cell text given to {@link DateParser#parse}, {@link AmountParser#parse},
 * {@link AmountParser#parseYear} and {@link IdNumber#parse} gives a value, null (empty) or an
 * {@link InvalidValueException} / an invalid verdict — never another exception. Checks what a value
 * promises: an amount has scale 2, a valid ID is 18 characters with the right check character, and
 * no detail repeats a long digit run of the cell (an ID must not leak into {@code
 * quality.rejected_records}).
 */
public final class ValueParsersFuzz {
  private static final LocalDate MIN = LocalDate.of(1900, 1, 1);
  private static final LocalDate MAX = LocalDate.of(2022, 12, 31);

  private ValueParsersFuzz() {}

  public static void fuzzerTestOneInput(byte[] data) {
    String cell = new String(data, StandardCharsets.UTF_8);
    try {
      DateParser.parse(cell);
    } catch (InvalidValueException e) {
      checkDetail(cell, e.detail());
    }
    try {
      BigDecimal amount = AmountParser.parse(cell);
      if (amount != null && amount.scale() != 2) {
        throw new IllegalStateException("amount not at scale 2");
      }
    } catch (InvalidValueException e) {
      checkDetail(cell, e.detail());
    }
    try {
      AmountParser.parseYear(cell);
    } catch (InvalidValueException e) {
      checkDetail(cell, e.detail());
    }
    IdNumber.Verdict v = IdNumber.parse(cell, MIN, MAX);
    if (v.valid()) {
      String id = v.id();
      if (id.length() != 18 || IdNumber.checkCharacter(id) != id.charAt(17)) {
        throw new IllegalStateException("a valid verdict for a malformed ID");
      }
    } else {
      checkDetail(cell, v.detail());
    }
  }

  private static void checkDetail(String cell, String detail) {
    if (detail == null) {
      throw new IllegalStateException("rejection without a detail");
    }
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("[0-9]{15,}").matcher(detail);
    while (m.find()) {
      if (cell.contains(m.group())) {
        throw new IllegalStateException("detail repeats a long digit run of the cell");
      }
    }
  }
}
