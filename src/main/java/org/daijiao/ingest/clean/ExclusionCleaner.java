package org.daijiao.ingest.clean;

import java.time.LocalDate;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;
import org.daijiao.identity.PersonName;
import org.daijiao.policy.Policy;
import org.daijiao.quality.RejectReason;
import org.daijiao.spark.ColumnNames;

/** §1 在校学生、现役军人、服刑期间: periods in which a poor person is not subsidised. */
final class ExclusionCleaner extends Cleaner {
  ExclusionCleaner(Policy policy, LocalDate asOf) {
    super(policy, asOf);
  }

  @Override
  StructType valueSchema() {
    return CleanColumns.EXCLUSION;
  }

  @Override
  Object[] values(Row row) throws Rejected {
    String id = validId(row);
    String reason =
        code(
            policy.vocabularies().exclusionReason(),
            text(row, ColumnNames.REASON),
            RejectReason.EXCLUSION_REASON_UNKNOWN,
            ColumnNames.REASON);
    LocalDate start = requiredDate(row, ColumnNames.START_DATE);
    LocalDate end = optionalDate(row, ColumnNames.END_DATE);
    requireOrdered(start, end);
    return new Object[] {id, PersonName.normalize(text(row, ColumnNames.NAME)), reason, start, end};
  }
}
