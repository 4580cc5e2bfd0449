package org.daijiao.ingest.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.daijiao.quality.RejectReason;

class AmountParserProperties {
  @Provide
  Arbitrary<BigDecimal> amounts() {
    return Arbitraries.bigDecimals()
        .between(new BigDecimal("-1000000000.00"), new BigDecimal("1000000000.00"))
        .ofScale(2);
  }

  private static String grouped(BigDecimal amount) {
    DecimalFormat format =
        new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT));
    return format.format(amount);
  }

  private static String fullWidth(String ascii) {
    StringBuilder out = new StringBuilder();
    for (char c : ascii.toCharArray()) {
      out.append(c >= '!' && c <= '~' ? (char) (c + 0xFEE0) : c);
    }
    return out.toString();
  }

  @Property
  void everyAmountWithTwoDecimalsParsesBackInEverySpelling(@ForAll("amounts") BigDecimal amount) {
    String plain = amount.toPlainString();
    String withSeparators = grouped(amount);
    String yen = amount.signum() < 0 ? "-¥" + amount.negate().toPlainString() : "¥" + plain;
    for (String cell :
        new String[] {
          plain, withSeparators, yen, "￥" + plain, plain + "元", fullWidth(withSeparators)
        }) {
      assertThat(AmountParser.parse(cell)).as("amount cell '%s'", cell).isEqualTo(amount);
    }
  }

  @Property(tries = 2000)
  void garbageIsEitherAnAmountOrAmountInvalid(@ForAll("garbage") String cell) {
    try {
      AmountParser.parse(cell);
    } catch (InvalidValueException e) {
      assertThat(e.reason()).isEqualTo(RejectReason.AMOUNT_INVALID);
    }
  }

  @Provide
  Arbitrary<String> garbage() {
    return Arbitraries.oneOf(
        Arbitraries.strings().withChars("0123456789,.-¥￥元 Ee+()１２").ofMaxLength(20),
        Arbitraries.strings().ofMaxLength(30));
  }
}
