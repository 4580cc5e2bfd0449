package org.daijiao.ingest.clean;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;
import org.daijiao.identity.IdNumber;
import org.daijiao.identity.PersonName;
import org.daijiao.ingest.BronzeColumns;
import org.daijiao.ingest.Source;
import org.daijiao.ingest.parse.DateParser;
import org.daijiao.ingest.parse.InvalidValueException;
import org.daijiao.policy.Policy;
import org.daijiao.quality.RejectReason;
import org.daijiao.spark.ColumnNames;
import org.daijiao.text.Chars;

/**
 * Parses one source's bronze rows into typed values, or a reject reason. Subclasses say how, field
 * by field; this class holds what every source shares (ID numbers, dates, vocabularies) and the row
 * shape.
 */
abstract class Cleaner implements Serializable {
  protected final Policy policy;
  protected final LocalDate asOf;

  Cleaner(Policy policy, LocalDate asOf) {
    this.policy = policy;
    this.asOf = asOf;
  }

  /** The typed values of a clean row, without lineage. */
  abstract StructType valueSchema();

  /** The values of one bronze row in {@link #valueSchema()} order, or the reason it is rejected. */
  abstract Object[] values(Row bronze) throws Rejected;

  final StructType outputSchema() {
    return CleanColumns.withLineageAndReject(valueSchema());
  }

  /** Never throws: every row comes out either clean or with its reject reason (nothing is lost). */
  final Row clean(Row bronze) {
    int n = valueSchema().size();
    Object[] out = new Object[n + 4];
    try {
      Object[] v = values(bronze);
      System.arraycopy(v, 0, out, 0, n);
    } catch (Rejected r) {
      Arrays.fill(out, 0, n, null);
      out[n + 2] = r.reason.name();
      out[n + 3] = r.detail;
    }
    out[n] = bronze.getAs(BronzeColumns.SOURCE_FILE);
    out[n + 1] = bronze.getAs(BronzeColumns.LINE);
    return RowFactory.create(out);
  }

  /** The trimmed text of a column, null when empty ({@link Chars#trimmed}). */
  static String text(Row row, String column) {
    return Chars.trimmed(row.getAs(column));
  }

  /** §3: the normalised, validated 18-character ID of the row. */
  final String validId(Row row) throws Rejected {
    return validId(text(row, ColumnNames.ID_NUMBER));
  }

  final String validId(String raw) throws Rejected {
    IdNumber.Verdict verdict = IdNumber.parse(raw, policy.minBirthDate(), asOf);
    if (!verdict.valid()) {
      throw new Rejected(verdict.problem(), "id_number: " + verdict.detail());
    }
    return verdict.id();
  }

  /** A date that must be there. */
  static LocalDate requiredDate(Row row, String column) throws Rejected {
    LocalDate d = optionalDate(row, column);
    if (d == null) {
      throw new Rejected(RejectReason.DATE_MISSING, column + " is empty");
    }
    return d;
  }

  /** A date that may be empty (an open end). */
  static LocalDate optionalDate(Row row, String column) throws Rejected {
    try {
      return DateParser.parse(text(row, column));
    } catch (InvalidValueException e) {
      throw new Rejected(RejectReason.DATE_INVALID, column + ": " + e.detail());
    }
  }

  /** An end date before its start date cannot be a period. */
  static void requireOrdered(LocalDate start, LocalDate end) throws Rejected {
    if (end != null && end.isBefore(start)) {
      throw new Rejected(
          RejectReason.DATE_RANGE_INVALID, "end_date " + end + " is before start_date " + start);
    }
  }

  /**
   * A roster row's values, in the order of the roster sources' clean schema: ID, name, category
   * code and whether it is a target category, place, the period (its dates read and checked here)
   * and the source's folder.
   */
  static Object[] rosterValues(
      String id, Row row, Map.Entry<String, Boolean> category, Source source) throws Rejected {
    LocalDate start = requiredDate(row, ColumnNames.START_DATE);
    LocalDate end = optionalDate(row, ColumnNames.END_DATE);
    requireOrdered(start, end);
    return new Object[] {
      id,
      PersonName.normalize(text(row, ColumnNames.NAME)),
      category.getKey(),
      category.getValue(),
      text(row, ColumnNames.TOWNSHIP),
      text(row, ColumnNames.VILLAGE),
      start,
      end,
      source.folder()
    };
  }

  /** A word of the department mapped through a vocabulary of the policy file. */
  static String code(
      Map<String, String> vocabulary, String word, RejectReason unknown, String column)
      throws Rejected {
    String code = word == null ? null : vocabulary.get(word);
    if (code == null) {
      throw new Rejected(
          unknown,
          column
              + (word == null
                  ? " is empty"
                  : " value '" + safe(word) + "' is not in the policy vocabulary"));
    }
    return code;
  }

  /**
   * A raw value fit for {@code detail}: long digit runs (a misplaced ID) are hidden, and it is kept
   * short.
   */
  static String safe(String raw) {
    String s = raw.replaceAll("[0-9０-９]{6,}", "<digits>");
    return s.length() > 30 ? s.substring(0, 30) + "…" : s;
  }
}
