package org.daijiao.repair;

import java.util.List;
import org.apache.spark.sql.Row;
import org.daijiao.identity.IdNumber;
import org.daijiao.spark.ColumnNames;

/**
 * What {@code explain --line} prints for a roster row rejected for its ID number
 * (docs/inputs.md#id-repair): what was written, why it was rejected, and each repair candidate with
 * its evidence — every ID masked (docs/privacy.md#privacy-rule).
 */
public final class RepairExplanation {
  private RepairExplanation() {}

  /**
   * @param rows the row's rows of {@code quality.id_repair_candidates} (at least one)
   */
  public static String render(List<Row> rows) {
    Row first = rows.get(0);
    StringBuilder out = new StringBuilder();
    out.append(first.<String>getAs(ColumnNames.SOURCE_FILE))
        .append(" line ")
        .append(first.<Long>getAs(ColumnNames.LINE))
        .append(" (")
        .append(first.<String>getAs(ColumnNames.SOURCE))
        .append("): rejected, ")
        .append(first.<String>getAs(ColumnNames.REASON))
        .append('\n');
    out.append("  ID as written: ")
        .append(orDash(first.getAs(RepairColumns.ID_NUMBER_AS_WRITTEN)))
        .append("   place: ")
        .append(orDash(first.getAs(ColumnNames.TOWNSHIP)))
        .append(' ')
        .append(orDash(first.getAs(ColumnNames.VILLAGE)))
        .append("   category: ")
        .append(orDash(first.getAs(ColumnNames.CATEGORY)))
        .append('\n');
    Confidence confidence = Confidence.valueOf(first.getAs(RepairColumns.CONFIDENCE));
    out.append("  confidence ").append(confidence).append(": ").append(meaning(confidence));
    out.append('\n');
    for (Row r : rows) {
      String candidate = r.getAs(ColumnNames.CANDIDATE_ID_NUMBER);
      if (candidate == null) {
        continue;
      }
      out.append("  candidate ")
          .append(IdNumber.mask(candidate))
          .append("  ")
          .append(r.<String>getAs(RepairColumns.EDIT))
          .append("  evidence: ")
          .append(list(r, RepairColumns.EVIDENCE))
          .append("  known from: ")
          .append(list(r, RepairColumns.CANDIDATE_SOURCES));
      String confirmedIn = r.getAs(RepairColumns.CONFIRMED_IN);
      if (confirmedIn != null) {
        out.append("  CONFIRMED in ").append(confirmedIn).append(": the row was read with it");
      }
      out.append('\n');
    }
    out.append(
        "  To repair: check the person's ID card; if it shows a candidate, copy that row of"
            + " quality.id_repair_candidates (source, source_file, line, candidate_id_number) into"
            + " the file of run --accept-repairs. Otherwise have the department correct its"
            + " export.\n");
    return out.toString();
  }

  private static String meaning(Confidence c) {
    return switch (c) {
      case UNIQUE -> "exactly one candidate carries the row's name";
      case AMBIGUOUS -> "several candidates carry the row's name";
      case WEAK -> "candidates, none with the row's name";
      case NONE -> "no valid ID known to this run is one typing error away";
    };
  }

  private static String list(Row r, String column) {
    List<Object> values = r.getList(r.fieldIndex(column));
    return values.isEmpty()
        ? "-"
        : String.join(", ", values.stream().map(String::valueOf).toList());
  }

  private static String orDash(Object value) {
    return value == null ? "-" : value.toString();
  }
}
