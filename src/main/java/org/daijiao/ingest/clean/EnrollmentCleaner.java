package org.daijiao.ingest.clean;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;
import org.daijiao.identity.PersonName;
import org.daijiao.ingest.parse.AmountParser;
import org.daijiao.ingest.parse.InvalidValueException;
import org.daijiao.policy.Policy;
import org.daijiao.quality.RejectReason;
import org.daijiao.spark.ColumnNames;

/**
 * The social insurance centre's enrolment snapshot: scheme, region, status and chosen tier (§1,
 * §2.4). An unreadable tier does not reject the row: the ledger defaults it to the lowest tier
 * (TIER_DEFAULTED).
 */
final class EnrollmentCleaner extends Cleaner {
  EnrollmentCleaner(Policy policy, LocalDate asOf) {
    super(policy, asOf);
  }

  @Override
  StructType valueSchema() {
    return CleanColumns.ENROLLMENT;
  }

  @Override
  Object[] values(Row row) throws Rejected {
    String id = validId(row);
    String scheme =
        code(
            policy.vocabularies().scheme(),
            text(row, ColumnNames.SCHEME),
            RejectReason.SCHEME_UNKNOWN,
            ColumnNames.SCHEME);
    String region = digitsOnly(text(row, ColumnNames.REGION_CODE));
    if (region == null || !region.matches("\\d{6}")) {
      throw new Rejected(RejectReason.REGION_CODE_INVALID, "region_code is not 6 digits");
    }
    String status =
        code(
            policy.vocabularies().enrollmentStatus(),
            text(row, ColumnNames.STATUS),
            RejectReason.STATUS_UNKNOWN,
            ColumnNames.STATUS);
    String tierRaw = text(row, ColumnNames.TIER);
    BigDecimal tier;
    try {
      tier = AmountParser.parse(tierRaw);
    } catch (InvalidValueException e) {
      tier = null;
    }
    return new Object[] {
      id,
      PersonName.normalize(text(row, ColumnNames.NAME)),
      scheme,
      region,
      status,
      tier,
      tierRaw,
      text(row, ColumnNames.PERSON_NUMBER)
    };
  }

  /**
   * Region codes exported as numbers or with a 12-digit statistical suffix keep their first 6
   * digits.
   */
  private static String digitsOnly(String raw) {
    if (raw == null) {
      return null;
    }
    String s = raw.replaceAll("\\s", "");
    if (s.matches("\\d{6}(\\.0+)?")) {
      return s.substring(0, 6);
    }
    if (s.matches("\\d{9}|\\d{12}")) {
      return s.substring(0, 6);
    }
    return s;
  }
}
