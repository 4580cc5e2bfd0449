package org.daijiao.identity;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.daijiao.quality.RejectReason;

/**
 * The disability certificate number (残疾人证号, GB/T 26341-2010): the holder's 18-character ID number,
 * then the category digit (1 视力 … 7 多重) and the grade digit (1 一级 … 4 四级).
 * docs/rules.md#disability-certificate takes a disability record's ID from it when the ID column is
 * empty and rejects the record when the two disagree.
 */
public final class DisabilityCertificate {
  private static final int LENGTH = 20;
  private static final int ID_LENGTH = 18;

  /**
   * A parsed certificate number. {@code idPart} is the normalised first 18 characters whenever the
   * number has 20 characters (even if it is otherwise invalid); the digits are null when missing or
   * out of range; {@code problem} is null or {@code CERTIFICATE_INVALID}, explained by {@code
   * detail} (never the number itself).
   */
  public record Parsed(
      String idPart,
      Integer categoryDigit,
      Integer gradeDigit,
      RejectReason problem,
      String detail) {
    public boolean valid() {
      return problem == null;
    }
  }

  /**
   * The ID a disability record is keyed by: {@code id} when valid, else a reject code of
   * docs/rules.md#disability-certificate ({@code ID_*}, {@code CERTIFICATE_INVALID}, {@code
   * ID_CERTIFICATE_MISMATCH}) with a detail. {@code fromCertificate} says the ID was taken from the
   * certificate number.
   */
  public record Resolution(
      String id, RejectReason problem, String detail, boolean fromCertificate) {
    public boolean valid() {
      return problem == null;
    }
  }

  private DisabilityCertificate() {}

  /**
   * Normalises like {@link IdNumber#clean} (spaces, full-width, {@code x}→{@code X}) and checks, in
   * this order: 20 characters, a valid embedded ID (check character and calendar birth date; the
   * birth-date range is left to {@link #resolveId}), category 1–7, grade 1–4.
   */
  public static Parsed parse(String raw) {
    String cert = IdNumber.clean(raw);
    if (cert == null) {
      return new Parsed(null, null, null, RejectReason.CERTIFICATE_INVALID, "empty");
    }
    if (cert.length() != LENGTH) {
      return invalid(
          null, null, null, "length " + cert.length() + " (expected 20: ID + category + grade)");
    }
    String idPart = idAsWritten(cert);
    Integer category = digitIn(cert.charAt(ID_LENGTH), 1, 7);
    Integer grade = digitIn(cert.charAt(ID_LENGTH + 1), 1, 4);
    IdNumber.Verdict embedded = IdNumber.parse(idPart, null, null);
    if (!embedded.valid()) {
      return invalid(
          idPart, category, grade, "embedded ID " + embedded.problem() + ": " + embedded.detail());
    }
    if (category == null) {
      return invalid(
          idPart, null, grade, "category digit " + cert.charAt(ID_LENGTH) + " not in 1-7");
    }
    if (grade == null) {
      return invalid(
          idPart, category, null, "grade digit " + cert.charAt(ID_LENGTH + 1) + " not in 1-4");
    }
    return new Parsed(idPart, category, grade, null, null);
  }

  /**
   * The ID part as the certificate number writes it, valid or not: the number normalised like
   * {@link IdNumber#clean}, less its last two characters (the category and grade digits) — the
   * first 18 characters of a well-formed number. A number of fewer than three characters is
   * returned as it is (null when empty): there is no ID part to take.
   */
  public static String idAsWritten(String raw) {
    String cert = IdNumber.clean(raw);
    if (cert == null || cert.length() < 3) {
      return cert;
    }
    return cert.substring(0, cert.length() - 2);
  }

  /**
   * docs/rules.md#disability-certificate for a disability record: the ID column when given, else
   * the certificate's first 18 characters; both given and different (after normalising both,
   * 15-digit IDs upgraded) → {@code ID_CERTIFICATE_MISMATCH}; no ID column and a malformed
   * certificate → {@code CERTIFICATE_INVALID}; neither → {@code ID_MISSING}. The chosen ID is then
   * judged by {@link IdNumber#parse} with {@code [minBirth, maxBirth]}. A malformed certificate
   * next to an ID column is compared only when it has 20 characters; the ID column decides
   * otherwise.
   */
  public static Resolution resolveId(
      String rawId, String rawCertificate, LocalDate minBirth, LocalDate maxBirth) {
    String id = IdNumber.normalize(rawId);
    String cert = IdNumber.clean(rawCertificate);
    if (id == null && cert == null) {
      return new Resolution(
          null, RejectReason.ID_MISSING, "neither ID number nor certificate number", false);
    }
    Parsed parsed = cert == null ? null : parse(cert);
    if (id == null) {
      if (!parsed.valid()) {
        return new Resolution(null, RejectReason.CERTIFICATE_INVALID, parsed.detail(), true);
      }
      return fromVerdict(IdNumber.parse(parsed.idPart(), minBirth, maxBirth), true);
    }
    if (parsed != null && parsed.idPart() != null && !parsed.idPart().equals(id)) {
      return new Resolution(
          null, RejectReason.ID_CERTIFICATE_MISMATCH, mismatchDetail(id, parsed.idPart()), false);
    }
    return fromVerdict(IdNumber.parse(id, minBirth, maxBirth), false);
  }

  private static Resolution fromVerdict(IdNumber.Verdict v, boolean fromCertificate) {
    return new Resolution(v.id(), v.problem(), v.detail(), fromCertificate);
  }

  /**
   * Where the two differ, by position only, so the detail holds no ID
   * (docs/privacy.md#privacy-rule).
   */
  private static String mismatchDetail(String id, String idPart) {
    if (id.length() != ID_LENGTH) {
      return "ID number has " + id.length() + " characters, the certificate's ID part 18";
    }
    List<Integer> positions = new ArrayList<>();
    for (int i = 0; i < ID_LENGTH; i++) {
      if (id.charAt(i) != idPart.charAt(i)) {
        positions.add(i + 1);
      }
    }
    return "ID number and certificate number differ at character(s) " + positions + " of 18";
  }

  private static Integer digitIn(char c, int min, int max) {
    int d = c - '0';
    return d >= min && d <= max ? d : null;
  }

  private static Parsed invalid(String idPart, Integer category, Integer grade, String detail) {
    return new Parsed(idPart, category, grade, RejectReason.CERTIFICATE_INVALID, detail);
  }
}
