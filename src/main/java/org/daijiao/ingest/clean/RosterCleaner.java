package org.daijiao.ingest.clean;

import java.time.LocalDate;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;
import org.daijiao.ingest.Source;
import org.daijiao.policy.Policy;
import org.daijiao.quality.RejectReason;
import org.daijiao.spark.ColumnNames;

/**
 * Civil affairs (特困, 低保) and rural revitalisation (返贫致贫 and the monitoring types) rosters: one
 * category period per row (docs/rules.md#target-categories, docs/inputs.md#headers).
 */
final class RosterCleaner extends Cleaner {
  private final Source source;

  RosterCleaner(Policy policy, LocalDate asOf, Source source) {
    super(policy, asOf);
    this.source = source;
  }

  @Override
  StructType valueSchema() {
    return CleanColumns.ROSTER;
  }

  @Override
  Object[] values(Row row) throws Rejected {
    String id = validId(row);
    Policy.RosterVocabulary vocabulary =
        source == Source.CIVIL_AFFAIRS
            ? policy.vocabularies().civilAffairsCategory()
            : policy.vocabularies().ruralRevitalizationCategory();
    String word = text(row, ColumnNames.CATEGORY);
    Map.Entry<String, Boolean> category =
        rosterCode(vocabulary, word, RejectReason.CATEGORY_UNKNOWN, ColumnNames.CATEGORY);
    return rosterValues(id, row, category, source);
  }

  /**
   * §2.1: a target category (true) or a known non-target value (false); anything else is rejected.
   */
  static Map.Entry<String, Boolean> rosterCode(
      Policy.RosterVocabulary vocabulary, String word, RejectReason unknown, String column)
      throws Rejected {
    if (word != null) {
      String target = vocabulary.target().get(word);
      if (target != null) {
        return Map.entry(target, true);
      }
      String other = vocabulary.notTarget() == null ? null : vocabulary.notTarget().get(word);
      if (other != null) {
        return Map.entry(other, false);
      }
    }
    return Map.entry(code(Map.of(), word, unknown, column), false);
  }
}
