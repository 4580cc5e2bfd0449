package org.daijiao.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.daijiao.quality.RejectReason.ID_INVALID_BIRTHDATE;
import static org.daijiao.quality.RejectReason.ID_INVALID_CHECKSUM;
import static org.daijiao.quality.RejectReason.ID_INVALID_FORMAT;
import static org.daijiao.quality.RejectReason.ID_MISSING;

import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.daijiao.identity.IdNumber.Verdict;
import org.daijiao.quality.RejectReason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class IdNumberTest {
  /** The product's range (SPEC §3): policy min_birth_date 1900-01-01 to as_of. */
  static final LocalDate MIN_BIRTH = LocalDate.of(1900, 1, 1);

  static final LocalDate AS_OF = LocalDate.of(2022, 12, 31);

  /** The standard alone knows no earliest birth date; the future is never a birth date. */
  static final LocalDate STANDARD_MIN = LocalDate.of(1800, 1, 1);

  private static final Pattern OK = Pattern.compile("ok; birth (\\S+); sex ([MF])");

  static Stream<Arguments> idVectors() {
    return ReferenceVectors.load("id_test_vectors.csv").stream()
        .map(r -> Arguments.of(r.get("input"), r.get("expected_valid"), r.get("computed"), r));
  }

  /** What the product decides for a vector, read from the vector's own {@code computed} column. */
  private static RejectReason productProblem(ReferenceVectors.Row r) {
    String input = r.get("input");
    String computed = r.get("computed");
    Matcher ok = OK.matcher(computed);
    if (ok.matches()) {
      LocalDate birth = LocalDate.parse(ok.group(1));
      return birth.isBefore(MIN_BIRTH) || birth.isAfter(AS_OF) ? ID_INVALID_BIRTHDATE : null;
    }
    if (computed.startsWith("bad check char 'x'")) {
      return null; // policy decision: accepted once x is upper-cased
    }
    if (computed.startsWith("check digit")) {
      return ID_INVALID_CHECKSUM;
    }
    if (computed.startsWith("invalid birth date")) {
      return ID_INVALID_BIRTHDATE;
    }
    if (computed.startsWith("length") && input.strip().length() == 18) {
      return null; // stray white space is dropped by normalisation
    }
    return ID_INVALID_FORMAT;
  }

  @ParameterizedTest(name = "[{index}] {2}")
  @MethodSource("idVectors")
  void everyReferenceVectorGetsTheProductVerdictWithinPolicyRange(
      String input, String expectedValid, String computed, ReferenceVectors.Row row) {
    Verdict v = IdNumber.parse(input, MIN_BIRTH, AS_OF);
    RejectReason expected = productProblem(row);

    assertThat(v.problem())
        .as("vector '%s' (%s) within [1900-01-01, 2022-12-31]", computed, row.get("reason"))
        .isEqualTo(expected);
    if (expected == null) {
      assertThat(v.id())
          .as("normalised ID of '%s'", computed)
          .isEqualTo(input.strip().toUpperCase());
      Matcher ok = OK.matcher(computed);
      if (ok.matches()) {
        assertThat(IdNumber.birthDate(v.id())).as("birth date").hasToString(ok.group(1));
        assertThat(IdNumber.sex(v.id())).as("sex").isEqualTo(ok.group(2));
      }
    } else {
      assertThat(v.id()).as("no ID is returned for a rejected number").isNull();
      assertThat(v.detail())
          .as("the reject detail must not repeat the ID number (SPEC §7)")
          .isNotBlank()
          .doesNotContain(input.strip())
          .doesNotContain(input.strip().substring(0, Math.min(14, input.strip().length())));
    }
  }

  @ParameterizedTest(name = "[{index}] {2}")
  @MethodSource("idVectors")
  void everyReferenceVectorMatchesTheStandardsVerdict(
      String input, String expectedValid, String computed, ReferenceVectors.Row row) {
    if (expectedValid.isEmpty() || input.strip().length() != input.length()) {
      return; // lowercase x and stray spaces: decided by normalisation, covered elsewhere
    }
    Verdict v = IdNumber.parse(input, STANDARD_MIN, AS_OF);
    assertThat(v.valid())
        .as("vector '%s' (%s) by GB 11643-1999 alone", computed, row.get("reason"))
        .isEqualTo(Boolean.parseBoolean(expectedValid));
  }

  @Test
  void theAnnexAPersonBornIn1880IsValidByTheStandardButOutsideTheProductsRange() {
    String id = "440524188001010014";
    assertThat(IdNumber.parse(id, STANDARD_MIN, AS_OF).valid())
        .as("GB 11643-1999 Annex A example born 1880-01-01")
        .isTrue();
    Verdict product = IdNumber.parse(id, MIN_BIRTH, AS_OF);
    assertThat(product.problem())
        .as("born before policy min_birth_date 1900-01-01")
        .isEqualTo(ID_INVALID_BIRTHDATE);
    assertThat(product.detail()).contains("before 1900-01-01");
  }

  @Test
  void aBirthIn2099IsInTheFutureOfAsOf2022() {
    Verdict v = IdNumber.parse("500243209912310017", MIN_BIRTH, AS_OF);
    assertThat(v.problem()).as("born 2099-12-31, as_of 2022-12-31").isEqualTo(ID_INVALID_BIRTHDATE);
    assertThat(v.detail()).contains("after 2022-12-31");
  }

  @Test
  void aLowercaseXIsUpperCasedAndThenAccepted() {
    assertThat(IdNumber.normalize("11010519491231002x")).isEqualTo("11010519491231002X");
    assertThat(IdNumber.parse("11010519491231002x", MIN_BIRTH, AS_OF).id())
        .isEqualTo("11010519491231002X");
  }

  @Test
  void aTrailingSpaceMakes19CharactersRawButTheValidIdAfterNormalisation() {
    String raw = "500243198001010012 ";
    assertThat(raw).as("the raw cell").hasSize(19);
    assertThat(IdNumber.normalize(raw)).isEqualTo("500243198001010012");
    assertThat(IdNumber.parse(raw, MIN_BIRTH, AS_OF).id()).isEqualTo("500243198001010012");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "500243\u30001970\u300004\u300010030X",
        "\u00A050024319700410030X\u00A0",
        "500243 19700410 030X",
        "\t50024319700410030X\r\n",
        "５００２４３１９７００４１００３０Ｘ",
        "５００２４３１９７００４１００３０ｘ",
        "\uFEFF50024319700410030x",
        "500243\u200B19700410030X"
      })
  void whiteSpaceFullWidthAndLowercaseXAreNormalisedAway(String raw) {
    Verdict v = IdNumber.parse(raw, MIN_BIRTH, AS_OF);
    assertThat(v.id())
        .as("synthetic Pengshui ID typed with spaces or full-width digits")
        .isEqualTo("50024319700410030X");
  }

  @ParameterizedTest
  @ValueSource(strings = {"5.00243E+17", "5.00243e+17", "5.00243198001E+17", "5E17"})
  void anIdInScientificNotationIsInvalidFormat(String raw) {
    Verdict v = IdNumber.parse(raw, MIN_BIRTH, AS_OF);
    assertThat(v.problem()).as("Excel turned the ID into a float").isEqualTo(ID_INVALID_FORMAT);
    assertThat(v.detail()).contains("scientific notation");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "50024319800101001",
        "5002431980010100123",
        "50024319800101001A",
        "ABCDEFGHIJKLMNOPQR",
        "500243-19800101-0012",
        "50024380010100X",
        "500243198001010012.0"
      })
  void wrongLengthsAndLettersAreInvalidFormat(String raw) {
    assertThat(IdNumber.parse(raw, MIN_BIRTH, AS_OF).problem())
        .as("'%s' is not 17 digits + check character", raw.length())
        .isEqualTo(ID_INVALID_FORMAT);
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"   ", "\u3000", "\u00A0\t"})
  void anEmptyCellIsIdMissing(String raw) {
    assertThat(IdNumber.normalize(raw)).isNull();
    assertThat(IdNumber.parse(raw, MIN_BIRTH, AS_OF).problem()).isEqualTo(ID_MISSING);
  }

  @ParameterizedTest
  @ValueSource(strings = {"51272819650817003X", "512327195501010022", "513525196203080042"})
  void historicalPengshuiAreaCodesAreAccepted(String id) {
    assertThat(IdNumber.parse(id, MIN_BIRTH, AS_OF).valid())
        .as("issued under a historical Pengshui code (SPEC §3)")
        .isTrue();
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @MethodSource("upgradeVectors")
  void every15DigitReferenceVectorUpgradesTo18(String id15, String id18, String note) {
    assertThat(IdNumber.upgrade15(id15)).as(note).isEqualTo(id18);
    assertThat(IdNumber.normalize(id15)).as("normalize upgrades: " + note).isEqualTo(id18);
    assertThat(IdNumber.parse(id15, MIN_BIRTH, AS_OF).id()).as(note).isEqualTo(id18);
  }

  static Stream<Arguments> upgradeVectors() {
    return ReferenceVectors.load("id_upgrade_vectors.csv").stream()
        .map(r -> Arguments.of(r.get("id15"), r.get("id18"), r.get("note")));
  }

  @ParameterizedTest
  @ValueSource(strings = {"'500243198001010012", "=\"500243198001010012\"", "=500243198001010012"})
  void anExcelTextMarkerBeforeTheIdIsNotPartOfIt(String raw) {
    assertThat(IdNumber.parse(raw, null, null).id())
        .as("the apostrophe or =\"…\" that keeps an ID as text in Excel is dropped")
        .isEqualTo("500243198001010012");
  }

  @Test
  void upgrade15RejectsAnythingButFifteenDigits() {
    assertThatThrownBy(() -> IdNumber.upgrade15("50024380010100X"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> IdNumber.upgrade15(null)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theCheckCharacterNeedsSeventeenDigits() {
    assertThat(IdNumber.checkCharacter("11010519491231002")).isEqualTo('X');
    assertThatThrownBy(() -> IdNumber.checkCharacter("1101051949123100"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> IdNumber.checkCharacter("1101051949123100/"))
        .as("a character below '0' must not index outside the check table")
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void openBoundsLeaveOnlyTheCalendarAndTheCheckCharacter() {
    assertThat(IdNumber.parse("440524188001010014", null, null).valid()).isTrue();
    assertThat(IdNumber.parse("500243209912310017", null, null).valid()).isTrue();
    assertThat(IdNumber.parse("500243199002290014", null, null).problem())
        .isEqualTo(ID_INVALID_BIRTHDATE);
  }

  @Test
  void birthDateSexAndMaskOfAValidId() {
    String id = "50024319700410030X";
    assertThat(IdNumber.birthDate(id)).isEqualTo(LocalDate.of(1970, 4, 10));
    assertThat(IdNumber.sex(id)).as("sequence 030: even is female").isEqualTo("F");
    assertThat(IdNumber.sex("500243198001010012")).as("sequence 001: odd is male").isEqualTo("M");
    assertThat(IdNumber.mask(id)).isEqualTo("500243********030X");
    assertThat(IdNumber.mask(null)).isNull();
    assertThat(IdNumber.mask("12345")).isEqualTo("*****");
  }

  @Test
  void birthDateAndSexRefuseWhatIsNotAnId() {
    assertThatThrownBy(() -> IdNumber.birthDate("500243199002290014"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> IdNumber.sex("5002431990"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> IdNumber.sex(null)).isInstanceOf(IllegalArgumentException.class);
  }
}
