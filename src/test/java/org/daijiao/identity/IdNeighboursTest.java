package org.daijiao.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.daijiao.identity.IdNeighbours.Neighbour;
import org.junit.jupiter.api.Test;

/**
 * Issue 12: the valid IDs one typing error away from an exported value that failed validation, one
 * test per kind of error, found from the ID's structure (birth date, check character) alone.
 */
class IdNeighboursTest {
  private static final LocalDate MIN = LocalDate.of(1900, 1, 1);
  private static final LocalDate AS_OF = LocalDate.of(2022, 12, 31);

  /** 张三 of Pengshui, born 1987-02-15, sequence 361: a valid ID. */
  private static final String RIGHT = "500243198702153614";

  private static List<Neighbour> of(String raw) {
    return IdNeighbours.of(raw, MIN, AS_OF);
  }

  @Test
  void aSubstitutedDigitIsFoundAsASubstitution() {
    String typed = "500243198702153" + "7" + "14"; // the 16th digit 6 typed as 7
    assertThat(of(typed))
        .as("neighbours of %s (the 16th digit mistyped)", typed)
        .contains(new Neighbour(RIGHT, IdEdit.SUBSTITUTION))
        .allSatisfy(n -> assertThat(IdNumber.parse(n.id(), MIN, AS_OF).valid()).isTrue());
  }

  @Test
  void twoAdjacentDigitsSwappedAreFoundAsATransposition() {
    assertThat(of("500243198702156314"))
        .as("the 15th and 16th digits swapped")
        .contains(new Neighbour(RIGHT, IdEdit.TRANSPOSITION));
  }

  @Test
  void aMissingDigitIsFoundAsADeletionAtEveryPlace() {
    assertThat(of("50024319870215614")).contains(new Neighbour(RIGHT, IdEdit.DELETION));
    assertThat(of("50024319870215361"))
        .as("the check character left out")
        .contains(new Neighbour(RIGHT, IdEdit.DELETION));
    assertThat(of("00243198702153614"))
        .as("the first digit left out")
        .contains(new Neighbour(RIGHT, IdEdit.DELETION));
  }

  @Test
  void aDoubledDigitIsFoundAsAnInsertion() {
    assertThat(of("5002431987702153614")).containsExactly(new Neighbour(RIGHT, IdEdit.INSERTION));
  }

  @Test
  void onlyAWrongCheckCharacterIsFoundAsSuch() {
    assertThat(of("500243198702153610"))
        .as("the check character typed 0 instead of 4")
        .first()
        .isEqualTo(new Neighbour(RIGHT, IdEdit.CHECK_CHARACTER));
  }

  @Test
  void anImpossibleBirthDateIsRepairedOnlyToARealDate() {
    String typed = "500243198702353614"; // day 35: ID_INVALID_BIRTHDATE
    assertThat(IdNumber.parse(typed, MIN, AS_OF).problem().name())
        .isEqualTo("ID_INVALID_BIRTHDATE");
    assertThat(of(typed))
        .contains(new Neighbour(RIGHT, IdEdit.SUBSTITUTION))
        .allSatisfy(
            n ->
                assertThat(IdNumber.birthDate(n.id()))
                    .as("birth date of neighbour %s", IdNumber.mask(n.id()))
                    .isBetween(MIN, AS_OF));
  }

  @Test
  void anOldFifteenDigitNumberIsRepairedAndUpgraded() {
    // 512728 75 03 03 003 with the month typed 13: a 15-digit number has no check character
    String typed = "512728751303003";
    assertThat(of(typed))
        .contains(new Neighbour("512728197503030032", IdEdit.SUBSTITUTION))
        .allSatisfy(n -> assertThat(n.id()).hasSize(18).startsWith("51272819"));
  }

  @Test
  void everyNeighbourIsValidUniqueAndFewAndAValidIdHasNone() {
    for (String typed :
        List.of(
            "500243198702156314",
            "50024319870215614",
            "5002431987702153614",
            "500243198702153610",
            "512728751303003")) {
      List<Neighbour> found = of(typed);
      assertThat(found).as("neighbours of %s", IdNumber.maskAsWritten(typed)).hasSizeLessThan(60);
      assertThat(found.stream().map(Neighbour::id).distinct().count()).isEqualTo(found.size());
      assertThat(found).noneMatch(n -> n.id().equals(IdNumber.clean(typed)));
    }
    assertThat(of(RIGHT)).as("a valid ID needs no repair").isEmpty();
    assertThat(of("5.00243E+17")).as("scientific notation cannot be searched").isEmpty();
    assertThat(of("5002431987021536")).as("16 characters: two lost, not one").isEmpty();
    assertThat(of(null)).isEmpty();
  }

  @Test
  void maskAsWrittenKeepsTheLengthAndHidesTheMiddle() {
    assertThat(IdNumber.maskAsWritten("50024319870215614")).isEqualTo("500243*******5614");
    assertThat(IdNumber.maskAsWritten(" 500243198702153614 ")).isEqualTo(IdNumber.mask(RIGHT));
    assertThat(IdNumber.maskAsWritten("12345")).isEqualTo("*****");
    assertThat(IdNumber.maskAsWritten(null)).isEmpty();
  }
}
