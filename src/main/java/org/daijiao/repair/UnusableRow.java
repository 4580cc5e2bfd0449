package org.daijiao.repair;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.Set;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema;
import org.daijiao.identity.DisabilityCertificate;
import org.daijiao.identity.IdNeighbours;
import org.daijiao.identity.IdNumber;
import org.daijiao.identity.PersonName;
import org.daijiao.ingest.Source;
import org.daijiao.ingest.clean.CleanColumns;
import org.daijiao.policy.Policy;
import org.daijiao.quality.RejectReason;
import org.daijiao.spark.ColumnNames;
import org.daijiao.text.Chars;

/**
 * What a roster row rejected for its ID number says, read off its bronze row: the value exported as
 * the ID (a disability row without an ID column: the certificate number's ID part), whether repairs
 * are searched for it, the name and place as written, the category code when the policy knows the
 * word. One {@link RepairColumns#UNUSABLE_ROW} per row.
 */
final class UnusableRow implements Serializable {
  /** The reasons of a roster row without a usable ID number (docs/rules.md#id-numbers). */
  static final Set<RejectReason> REASONS =
      Set.of(
          RejectReason.ID_MISSING,
          RejectReason.ID_INVALID_FORMAT,
          RejectReason.ID_INVALID_BIRTHDATE,
          RejectReason.ID_INVALID_CHECKSUM,
          RejectReason.ID_CERTIFICATE_MISMATCH,
          RejectReason.CERTIFICATE_INVALID);

  /**
   * The reasons whose exported value may be one typing error away from the right number (a missing
   * ID has none). A mismatch between the ID column and the certificate is searched from the ID
   * column: when that is the invalid one, the certificate's ID is among its neighbours.
   */
  static final Set<RejectReason> SEARCHED =
      Set.of(
          RejectReason.ID_INVALID_FORMAT,
          RejectReason.ID_INVALID_BIRTHDATE,
          RejectReason.ID_INVALID_CHECKSUM,
          RejectReason.ID_CERTIFICATE_MISMATCH,
          RejectReason.CERTIFICATE_INVALID);

  private final Source source;
  private final Policy policy;
  private final LocalDate asOf;

  UnusableRow(Source source, Policy policy, LocalDate asOf) {
    this.source = source;
    this.policy = policy;
    this.asOf = asOf;
  }

  /**
   * @param row a bronze row of the source with the {@code reject_reason} of its parse
   */
  Row of(Row row) {
    RejectReason reason = RejectReason.valueOf(row.getAs(CleanColumns.REJECT_REASON));
    String raw = rawId(row);
    String name = text(row, ColumnNames.NAME);
    return new GenericRowWithSchema(
        new Object[] {
          source.folder(),
          row.getAs(ColumnNames.SOURCE_FILE),
          row.getAs(ColumnNames.LINE),
          reason.name(),
          raw,
          SEARCHED.contains(reason) && IdNeighbours.searchable(raw),
          name,
          PersonName.normalize(name),
          sexDigit(raw),
          text(row, ColumnNames.TOWNSHIP),
          text(row, ColumnNames.VILLAGE),
          category(row),
          IdNumber.maskAsWritten(raw),
          certificateId(row, raw)
        },
        RepairColumns.UNUSABLE_ROW);
  }

  /**
   * The valid ID a disability row's certificate number holds when the row could not use it (its ID
   * column says something else): a candidate known from the certificate.
   */
  private String certificateId(Row row, String raw) {
    if (source != Source.DISABILITY) {
      return null;
    }
    String idPart = DisabilityCertificate.parse(text(row, ColumnNames.CERTIFICATE_NUMBER)).idPart();
    return idPart != null
            && !idPart.equals(raw)
            && IdNumber.parse(idPart, policy.minBirthDate(), asOf).valid()
        ? idPart
        : null;
  }

  /**
   * The ID column; for a disability row without one, the ID as its certificate number writes it
   * ({@link DisabilityCertificate#idAsWritten}), as docs/rules.md#disability-certificate takes the
   * ID from it.
   */
  private String rawId(Row row) {
    String id = IdNumber.clean(text(row, ColumnNames.ID_NUMBER));
    if (id != null || source != Source.DISABILITY) {
      return id;
    }
    return DisabilityCertificate.idAsWritten(text(row, ColumnNames.CERTIFICATE_NUMBER));
  }

  /** M or F from the 17th character (the 15th of an old number), when it is a digit. */
  private static String sexDigit(String raw) {
    if (raw == null || raw.length() < 15) {
      return null;
    }
    char c = raw.charAt(raw.length() == 15 ? 14 : Math.min(16, raw.length() - 1));
    if (c < '0' || c > '9') {
      return null;
    }
    return (c - '0') % 2 == 1 ? "M" : "F";
  }

  /** The category (or grade) word through the policy's vocabulary; null when it is not there. */
  private String category(Row row) {
    Policy.RosterVocabulary vocabulary;
    String word;
    if (source == Source.DISABILITY) {
      vocabulary = policy.vocabularies().disabilityGrade();
      word = text(row, ColumnNames.DISABILITY_GRADE);
      if (word == null) {
        String certificate = text(row, ColumnNames.CERTIFICATE_NUMBER);
        Integer grade =
            certificate == null ? null : DisabilityCertificate.parse(certificate).gradeDigit();
        word = grade == null ? null : String.valueOf(grade);
      }
    } else {
      vocabulary =
          source == Source.CIVIL_AFFAIRS
              ? policy.vocabularies().civilAffairsCategory()
              : policy.vocabularies().ruralRevitalizationCategory();
      word = text(row, ColumnNames.CATEGORY);
    }
    if (word == null) {
      return null;
    }
    String target = vocabulary.target().get(word);
    if (target != null) {
      return target;
    }
    return vocabulary.notTarget() == null ? null : vocabulary.notTarget().get(word);
  }

  /** The cell as the cleaners read it ({@link Chars#trimmed}). */
  private static String text(Row row, String column) {
    return Chars.trimmed(row.getAs(column));
  }
}
