package org.daijiao.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.daijiao.quality.RejectReason.CERTIFICATE_INVALID;
import static org.daijiao.quality.RejectReason.ID_CERTIFICATE_MISMATCH;

import java.time.LocalDate;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.daijiao.identity.DisabilityCertificate.Parsed;
import org.daijiao.identity.DisabilityCertificate.Resolution;
import org.daijiao.quality.RejectReason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class DisabilityCertificateTest {
  private static final LocalDate MIN_BIRTH = IdNumberTest.MIN_BIRTH;
  private static final LocalDate AS_OF = IdNumberTest.AS_OF;

  /** GB/T 26341-2010 category digits, as the vectors name them. */
  private static final Map<String, Integer> CATEGORY =
      Map.of("视力", 1, "听力", 2, "言语", 3, "肢体", 4, "智力", 5, "精神", 6, "多重", 7);

  private static final Map<String, Integer> GRADE = Map.of("一", 1, "二", 2, "三", 3, "四", 4);
  private static final Pattern KIND = Pattern.compile("(\\S{2})残疾 (.)级.*");

  /** 肢体残疾一级 of the synthetic person 500243197203120020. */
  private static final String PERSON = "500243197203120020";

  private static final String CERTIFICATE = PERSON + "41";

  static Stream<Arguments> certificateVectors() {
    return ReferenceVectors.load("disability_cert_vectors.csv").stream()
        .map(r -> Arguments.of(r.get("input"), r.get("computed_valid"), r.get("detail")));
  }

  @ParameterizedTest(name = "[{index}] {2}")
  @MethodSource("certificateVectors")
  void everyReferenceCertificateGetsItsVerdict(String input, String computedValid, String detail) {
    Parsed p = DisabilityCertificate.parse(input);

    assertThat(p.valid())
        .as("certificate vector '%s'", detail)
        .isEqualTo(Boolean.parseBoolean(computedValid));
    Matcher kind = KIND.matcher(detail);
    if (p.valid()) {
      assertThat(kind.matches()).as("vector detail names category and grade").isTrue();
      assertThat(p.idPart()).as("the holder's ID").isEqualTo(input.substring(0, 18));
      assertThat(p.categoryDigit())
          .as("category of '%s'", detail)
          .isEqualTo(CATEGORY.get(kind.group(1)));
      assertThat(p.gradeDigit()).as("grade of '%s'", detail).isEqualTo(GRADE.get(kind.group(2)));
      assertThat(p.problem()).isNull();
    } else {
      assertThat(p.problem()).isEqualTo(CERTIFICATE_INVALID);
      assertThat(p.detail()).as("why '%s' is refused", detail).contains(expectedDetail(detail));
      assertThat(p.detail())
          .as("no ID in the detail (SPEC §7)")
          .doesNotContain(input.substring(0, 14));
    }
  }

  private static String expectedDetail(String vectorDetail) {
    if (vectorDetail.startsWith("embedded ID invalid")) {
      return "ID_INVALID_CHECKSUM";
    }
    if (vectorDetail.startsWith("length")) {
      return vectorDetail.substring(0, vectorDetail.indexOf(" !="));
    }
    return vectorDetail; // "category digit 8 not in 1-7", "grade digit 5 not in 1-4"
  }

  @Test
  void aCertificateTypedWithSpacesFullWidthAndLowercaseXIsNormalised() {
    Parsed p = DisabilityCertificate.parse(" ５００２４３１９７００４１００３０x 6 3\u3000");
    assertThat(p.valid()).isTrue();
    assertThat(p.idPart()).isEqualTo("50024319700410030X");
    assertThat(p.categoryDigit()).as("精神残疾").isEqualTo(6);
    assertThat(p.gradeDigit()).as("三级").isEqualTo(3);
  }

  @Test
  void anEmptyIdColumnTakesTheIdFromTheCertificate() {
    Resolution r = DisabilityCertificate.resolveId("  ", CERTIFICATE, MIN_BIRTH, AS_OF);
    assertThat(r.valid()).isTrue();
    assertThat(r.id()).isEqualTo(PERSON);
    assertThat(r.fromCertificate()).as("ID taken from the certificate number").isTrue();
  }

  @Test
  void anIdColumnThatAgreesWithTheCertificateIsUsed() {
    Resolution r =
        DisabilityCertificate.resolveId("５００２４３ 197203120020", CERTIFICATE, MIN_BIRTH, AS_OF);
    assertThat(r.id()).isEqualTo(PERSON);
    assertThat(r.fromCertificate()).isFalse();
  }

  @Test
  void a15DigitIdColumnAgreesWithTheCertificateOfItsUpgrade() {
    Resolution r =
        DisabilityCertificate.resolveId(
            "500243800101001", "500243198001010012" + "72", MIN_BIRTH, AS_OF);
    assertThat(r.id()).as("15-digit ID upgraded before comparing").isEqualTo("500243198001010012");
  }

  @Test
  void anIdColumnThatDisagreesWithTheCertificateIsAMismatch() {
    Resolution r =
        DisabilityCertificate.resolveId("500243197607160061", CERTIFICATE, MIN_BIRTH, AS_OF);
    assertThat(r.problem()).as("ID column names another person").isEqualTo(ID_CERTIFICATE_MISMATCH);
    assertThat(r.id()).isNull();
    assertThat(r.detail())
        .as("positions only, no ID (SPEC §7)")
        .contains("differ at character(s)")
        .doesNotContain("500243");
  }

  @Test
  void aTruncatedIdColumnNextToACertificateIsAMismatch() {
    Resolution r =
        DisabilityCertificate.resolveId("50024319720312002", CERTIFICATE, MIN_BIRTH, AS_OF);
    assertThat(r.problem()).isEqualTo(ID_CERTIFICATE_MISMATCH);
    assertThat(r.detail()).contains("17 characters");
  }

  @Test
  void aMalformedCertificateWithoutIdColumnIsCertificateInvalid() {
    Resolution r = DisabilityCertificate.resolveId(null, PERSON + "81", MIN_BIRTH, AS_OF);
    assertThat(r.problem()).as("category digit 8").isEqualTo(CERTIFICATE_INVALID);
    assertThat(r.detail()).contains("category digit 8");
    assertThat(r.fromCertificate()).isTrue();

    Resolution shortOne = DisabilityCertificate.resolveId("", PERSON + "4", MIN_BIRTH, AS_OF);
    assertThat(shortOne.problem()).isEqualTo(CERTIFICATE_INVALID);
  }

  @Test
  void aMalformedCertificateNextToAValidIdColumnLetsTheIdColumnDecide() {
    Resolution r = DisabilityCertificate.resolveId(PERSON, PERSON + "4", MIN_BIRTH, AS_OF);
    assertThat(r.id()).as("a 19-character certificate cannot be compared").isEqualTo(PERSON);
  }

  @Test
  void neitherIdNorCertificateIsIdMissing() {
    Resolution r = DisabilityCertificate.resolveId(null, "\u3000", MIN_BIRTH, AS_OF);
    assertThat(r.problem()).isEqualTo(RejectReason.ID_MISSING);
  }

  @Test
  void theCertificatesIdIsJudgedWithThePolicyBirthRange() {
    Resolution r =
        DisabilityCertificate.resolveId(null, "440524188001010014" + "41", MIN_BIRTH, AS_OF);
    assertThat(DisabilityCertificate.parse("44052418800101001441").valid())
        .as("born 1880: a well-formed certificate")
        .isTrue();
    assertThat(r.problem())
        .as("born 1880, before policy min_birth_date")
        .isEqualTo(RejectReason.ID_INVALID_BIRTHDATE);
  }

  @Test
  void anInvalidIdColumnWithoutCertificateKeepsItsIdProblem() {
    Resolution r = DisabilityCertificate.resolveId("110105194912310021", null, MIN_BIRTH, AS_OF);
    assertThat(r.problem()).isEqualTo(RejectReason.ID_INVALID_CHECKSUM);
    assertThat(r.fromCertificate()).isFalse();
  }

  @Test
  void theIdAsWrittenIsTheNumberLessItsCategoryAndGradeDigits() {
    assertThat(DisabilityCertificate.idAsWritten(" " + CERTIFICATE + "\u00A0"))
        .as("a well-formed number: its first 18 characters")
        .isEqualTo(PERSON)
        .isEqualTo(DisabilityCertificate.parse(CERTIFICATE).idPart());
    assertThat(DisabilityCertificate.idAsWritten(PERSON.substring(1) + "41"))
        .as("a digit short: the 17 characters before category and grade, for the repair search")
        .isEqualTo(PERSON.substring(1));
    assertThat(DisabilityCertificate.idAsWritten("50243197203120020x41"))
        .as("normalised like an ID number")
        .isEqualTo("50243197203120020X");
    assertThat(DisabilityCertificate.idAsWritten("41")).isEqualTo("41");
    assertThat(DisabilityCertificate.idAsWritten("  ")).isNull();
  }
}
