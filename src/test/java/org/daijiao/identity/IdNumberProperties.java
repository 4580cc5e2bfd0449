package org.daijiao.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.NumericChars;
import net.jqwik.api.constraints.StringLength;
import org.daijiao.identity.IdNumber.Verdict;
import org.daijiao.quality.RejectReason;

class IdNumberProperties {
  private static final LocalDate MIN_BIRTH = IdNumberTest.MIN_BIRTH;
  private static final LocalDate AS_OF = IdNumberTest.AS_OF;
  private static final List<String> SPACES = List.of("", "", "", " ", "\u3000", "\u00A0", " \t");

  /** Valid 18-character IDs born within the product's range, Pengshui codes and elsewhere. */
  @Provide
  Arbitrary<String> validIds() {
    Arbitrary<String> area =
        Arbitraries.oneOf(
            Arbitraries.of("500243", "512728", "512327", "513525", "110105", "440524"),
            Arbitraries.strings().numeric().ofLength(6));
    Arbitrary<LocalDate> birth =
        Arbitraries.longs()
            .between(MIN_BIRTH.toEpochDay(), AS_OF.toEpochDay())
            .map(LocalDate::ofEpochDay);
    Arbitrary<Integer> sequence = Arbitraries.integers().between(0, 999);
    return Combinators.combine(area, birth, sequence)
        .as(
            (a, b, s) -> {
              String first17 =
                  a
                      + String.format(
                          "%04d%02d%02d%03d", b.getYear(), b.getMonthValue(), b.getDayOfMonth(), s);
              return first17 + IdNumber.checkCharacter(first17);
            });
  }

  /** Types an ID the way departments do: some digits full-width, x in any case, spaces anywhere. */
  private static String mess(String id, List<Integer> styles, List<String> spaces) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < id.length(); i++) {
      out.append(spaces.get(i));
      char c = id.charAt(i);
      int style = styles.get(i);
      if (c == 'X') {
        out.append(style == 0 ? 'x' : style == 1 ? '\uFF38' : '\uFF58');
      } else {
        out.append(style == 0 ? c : (char) (c + 0xFEE0));
      }
    }
    return out.append(spaces.get(18)).toString();
  }

  @Property
  void everyValidIdSurvivesFullWidthLowercaseXAndSpaces(
      @ForAll("validIds") String id,
      @ForAll("messStyles") List<Integer> styles,
      @ForAll("spaceRuns") List<String> spaces) {
    String messy = mess(id, styles, spaces);
    Verdict v = IdNumber.parse(messy, MIN_BIRTH, AS_OF);
    assertThat(v.id()).as("a valid ID typed messily must normalise back to itself").isEqualTo(id);
  }

  @Provide
  Arbitrary<List<Integer>> messStyles() {
    return Arbitraries.integers().between(0, 2).list().ofSize(18);
  }

  @Provide
  Arbitrary<List<String>> spaceRuns() {
    return Arbitraries.of(SPACES).list().ofSize(19);
  }

  @Property
  void upgradingA15DigitIdKeepsItsDigits(@ForAll @NumericChars @StringLength(15) String id15) {
    String id18 = IdNumber.upgrade15(id15);
    assertThat(id18).hasSize(18).startsWith(id15.substring(0, 6) + "19");
    assertThat(id18.substring(0, 6) + id18.substring(8, 17))
        .as("dropping the century 19 and the check character gives back the 15-digit ID")
        .isEqualTo(id15);
    assertThat(id18.charAt(17)).isEqualTo(IdNumber.checkCharacter(id18));
  }

  @Property
  void aSingleChangedCharacterIsAlwaysCaught(
      @ForAll("validIds") String id,
      @ForAll @IntRange(min = 0, max = 17) int position,
      @ForAll @IntRange(min = 1, max = 10) int shift) {
    String alphabet = position == 17 ? "0123456789X" : "0123456789";
    int current = alphabet.indexOf(id.charAt(position));
    char replacement = alphabet.charAt((current + shift) % alphabet.length());
    if (replacement == id.charAt(position)) {
      return; // shift 10 on a digit comes back to the same digit
    }
    String typo = id.substring(0, position) + replacement + id.substring(position + 1);

    Verdict v = IdNumber.parse(typo, MIN_BIRTH, AS_OF);
    assertThat(v.valid())
        .as("a one-character typo at position %d must never pass", position + 1)
        .isFalse();
    assertThat(v.problem())
        .isIn(RejectReason.ID_INVALID_CHECKSUM, RejectReason.ID_INVALID_BIRTHDATE);
  }

  @Property
  void anAdjacentTranspositionOfTwoDifferentCharactersIsAlwaysCaught(
      @ForAll("validIds") String id, @ForAll @IntRange(min = 0, max = 16) int position) {
    char a = id.charAt(position);
    char b = id.charAt(position + 1);
    if (a == b || b == 'X') {
      return; // nothing to swap, or X would leave the check position
    }
    String swapped = id.substring(0, position) + b + a + id.substring(position + 2);

    Verdict v = IdNumber.parse(swapped, MIN_BIRTH, AS_OF);
    assertThat(v.valid())
        .as("swapping characters %d and %d must never pass", position + 1, position + 2)
        .isFalse();
    assertThat(v.problem())
        .isIn(RejectReason.ID_INVALID_CHECKSUM, RejectReason.ID_INVALID_BIRTHDATE);
  }
}
