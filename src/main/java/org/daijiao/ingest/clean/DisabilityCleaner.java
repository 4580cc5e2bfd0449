package org.daijiao.ingest.clean;

import java.time.LocalDate;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;
import org.daijiao.identity.DisabilityCertificate;
import org.daijiao.ingest.Source;
import org.daijiao.policy.Policy;
import org.daijiao.quality.RejectReason;
import org.daijiao.spark.ColumnNames;

/**
 * The disabled persons' federation's roster: grade 一级/二级 (1–2) is the target SEVERE_DISABILITY (§1
 * 一、二级重度残疾). The ID may be missing and is then taken from the 20-character certificate number
 * (docs/rules.md#disability-certificate).
 */
final class DisabilityCleaner extends Cleaner {
  DisabilityCleaner(Policy policy, LocalDate asOf) {
    super(policy, asOf);
  }

  @Override
  StructType valueSchema() {
    return CleanColumns.ROSTER;
  }

  @Override
  Object[] values(Row row) throws Rejected {
    String certificate = text(row, ColumnNames.CERTIFICATE_NUMBER);
    DisabilityCertificate.Resolution resolution =
        DisabilityCertificate.resolveId(
            text(row, ColumnNames.ID_NUMBER), certificate, policy.minBirthDate(), asOf);
    if (resolution.problem() != null) {
      throw new Rejected(resolution.problem(), resolution.detail());
    }
    String grade = text(row, ColumnNames.DISABILITY_GRADE);
    if (grade == null && certificate != null) {
      // The certificate's last digit is the grade: use it when the grade column is empty.
      DisabilityCertificate.Parsed parsed = DisabilityCertificate.parse(certificate);
      if (parsed.problem() == null) {
        grade = String.valueOf(parsed.gradeDigit());
      }
    }
    Map.Entry<String, Boolean> category =
        RosterCleaner.rosterCode(
            policy.vocabularies().disabilityGrade(),
            grade,
            RejectReason.GRADE_UNKNOWN,
            ColumnNames.DISABILITY_GRADE);
    return rosterValues(resolution.id(), row, category, Source.DISABILITY);
  }
}
