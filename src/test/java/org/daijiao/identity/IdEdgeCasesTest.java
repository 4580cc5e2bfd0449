package org.daijiao.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.daijiao.quality.RejectReason;
import org.junit.jupiter.api.Test;

/**
 * The edges of ID cleaning, masking and repair that mutation testing found unpinned
 * (docs/development.md, Mutation testing): a text marker alone is kept, the mask's 10-character
 * limit, a transposition in an old 15-digit number, substitutions in a number ending in X, and the
 * exact detail of a certificate mismatch. All numbers are synthetic.
 */
class IdEdgeCasesTest {
  private static final LocalDate MIN = LocalDate.of(1900, 1, 1);
  private static final LocalDate AS_OF = LocalDate.of(2022, 12, 31);

  @Test
  void aTextMarkerWithNothingAfterItIsKept() {
    assertThat(IdNumber.clean("'")).isEqualTo("'");
    assertThat(IdNumber.clean("'5")).isEqualTo("5");
    assertThat(IdNumber.clean("=\"\"")).isEqualTo("=\"\"");
    assertThat(IdNumber.clean("=\"5\"")).isEqualTo("5");
    assertThat(IdNumber.clean("=")).isEqualTo("=");
    assertThat(IdNumber.clean("=5")).isEqualTo("5");
  }

  @Test
  void upToTenCharactersAreMaskedWhole() {
    assertThat(IdNumber.maskAsWritten("1234567890")).isEqualTo("**********");
    assertThat(IdNumber.maskAsWritten("12345678901")).isEqualTo("123456*8901");
  }

  @Test
  void twoSwappedDigitsOfAFifteenDigitNumberAreFoundAsATransposition() {
    // 512728 75 03 03 003 typed with the month and day swapped to 30 03.
    assertThat(IdNeighbours.of("512728753003003", MIN, AS_OF))
        .containsExactly(
            new IdNeighbours.Neighbour("512728197510030030", IdEdit.SUBSTITUTION),
            new IdNeighbours.Neighbour("512728197503030032", IdEdit.TRANSPOSITION));
  }

  @Test
  void aMistypedDigitOfANumberEndingInXIsFound() {
    // 50024319800501001X with its 16th digit typed 2.
    assertThat(IdNeighbours.of("50024319800501021X", MIN, AS_OF))
        .contains(new IdNeighbours.Neighbour("50024319800501001X", IdEdit.SUBSTITUTION))
        .hasSize(13);
  }

  @Test
  void aMismatchNamesThePositionsOrTheLength() {
    DisabilityCertificate.Resolution other =
        DisabilityCertificate.resolveId("500243197607160061", "50024319720312002041", MIN, AS_OF);
    assertThat(other.valid()).isFalse();
    assertThat(other.problem()).isEqualTo(RejectReason.ID_CERTIFICATE_MISMATCH);
    assertThat(other.detail())
        .isEqualTo(
            "ID number and certificate number differ at character(s) [10, 12, 14, 17, 18] of 18");
    DisabilityCertificate.Resolution shorter =
        DisabilityCertificate.resolveId("50024319720312002", "50024319720312002041", MIN, AS_OF);
    assertThat(shorter.detail())
        .isEqualTo("ID number has 17 characters, the certificate's ID part 18");
    DisabilityCertificate.Resolution same =
        DisabilityCertificate.resolveId("500243197203120020", "50024319720312002041", MIN, AS_OF);
    assertThat(same.valid()).isTrue();
    assertThat(same.id()).isEqualTo("500243197203120020");
  }

  @Test
  void aBlankCertificateNumberIsInvalidAndEmpty() {
    DisabilityCertificate.Parsed p = DisabilityCertificate.parse(" \u3000 ");
    assertThat(p.problem()).isEqualTo(RejectReason.CERTIFICATE_INVALID);
    assertThat(p.detail()).isEqualTo("empty");
    assertThat(p.idPart()).isNull();
  }

  @Test
  void aSpaceAfterAnyCharacterThatIsNotHanOrTheNameDotIsKept() {
    // Even after a control character (U+0000): only the first character of a name has no space
    // before it.
    assertThat(PersonName.normalize("\u0000 A")).isEqualTo("\u0000 A");
    assertThat(PersonName.normalize(" A")).isEqualTo("A");
  }
}
