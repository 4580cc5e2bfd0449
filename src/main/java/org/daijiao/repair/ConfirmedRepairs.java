package org.daijiao.repair;

import static org.apache.spark.sql.functions.col;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema;
import org.apache.spark.sql.types.StructType;
import org.daijiao.identity.IdNumber;
import org.daijiao.ingest.BronzeColumns;
import org.daijiao.ingest.Source;
import org.daijiao.spark.ColumnNames;
import org.daijiao.spark.ScalaSeqs;
import scala.collection.Seq;

/**
 * Confirmed ID repairs put in place (docs/inputs.md#id-repair), as pure stages: for the rows the
 * data team (or the policy file) confirmed, the bronze row with the candidate in place of what was
 * exported, and the repaired rows that reached the roster. Finding the candidates is {@link
 * IdRepairStages}.
 */
public final class ConfirmedRepairs {
  /** The columns that name one record of one source: source, file, line. */
  static final Seq<String> RECORD =
      ScalaSeqs.of(ColumnNames.SOURCE, ColumnNames.SOURCE_FILE, ColumnNames.LINE);

  private ConfirmedRepairs() {}

  /**
   * The bronze rows of the confirmed repairs of one source, with the candidate written where the ID
   * was: in the ID column, and in the certificate number when its ID part is what was exported (or
   * the ID column is empty), so that the source's cleaner reads the row as it would have read it
   * typed right.
   */
  public static Dataset<Row> repairedBronze(
      Dataset<Row> bronze, Dataset<Row> confirmations, Source source) {
    Dataset<Row> ofSource = confirmations.filter(col(ColumnNames.SOURCE).equalTo(source.folder()));
    List<String> names = BronzeColumns.contract(source).names();
    List<Column> columns = new ArrayList<>();
    for (String c : names) {
      columns.add(bronze.col(c));
    }
    columns.add(ofSource.col(ColumnNames.CANDIDATE_ID_NUMBER));
    int idAt = names.indexOf(ColumnNames.ID_NUMBER);
    int certificateAt = names.indexOf(ColumnNames.CERTIFICATE_NUMBER);
    StructType schema = BronzeColumns.schema(source);
    // A confirmation names one bronze row by its file and line.
    return bronze
        .join(
            ofSource,
            bronze
                .col(BronzeColumns.SOURCE_FILE)
                .equalTo(ofSource.col(ColumnNames.SOURCE_FILE))
                .and(bronze.col(BronzeColumns.LINE).equalTo(ofSource.col(ColumnNames.LINE))),
            "inner")
        .select(columns.toArray(new Column[0]))
        .map(
            (MapFunction<Row, Row>) r -> withCandidateInPlace(r, idAt, certificateAt, schema),
            Encoders.row(schema));
  }

  /**
   * The bronze row (its last value the candidate) with the candidate where the ID was; with its
   * schema, because the cleaner that reads it next may receive it as it is.
   */
  private static Row withCandidateInPlace(Row row, int idAt, int certificateAt, StructType schema) {
    int n = row.size() - 1;
    String candidate = row.getString(n);
    Object[] out = new Object[n];
    for (int i = 0; i < n; i++) {
      out[i] = row.get(i);
    }
    String id = IdNumber.clean((String) row.get(idAt));
    if (id != null) {
      out[idAt] = candidate;
    }
    if (certificateAt >= 0) {
      String certificate = IdNumber.clean((String) row.get(certificateAt));
      if (certificate != null && certificate.length() > 2) {
        String idPart = certificate.substring(0, certificate.length() - 2);
        if (id == null || idPart.equals(id)) {
          out[certificateAt] = candidate + certificate.substring(certificate.length() - 2);
        }
      }
    }
    return new GenericRowWithSchema(out, schema);
  }

  /**
   * The repaired rows that reached the roster, for {@code silver.persons.id_repairs}: {@link
   * RepairColumns#REPAIRED_ROW}.
   *
   * @param acceptedRepaired the accepted clean rows parsed from {@link #repairedBronze}
   * @param confirmations what confirmed them
   * @param unusable what the rows said before ({@code id_number_as_written})
   */
  public static Dataset<Row> repairedRows(
      Dataset<Row> acceptedRepaired, Dataset<Row> confirmations, Dataset<Row> unusable) {
    // Each side has one row per (source, file, line).
    Dataset<Row> keyed =
        acceptedRepaired.select(
            col(ColumnNames.SOURCE),
            col(ColumnNames.SOURCE_FILE),
            col(ColumnNames.LINE),
            col(ColumnNames.ID_NUMBER));
    return keyed
        .join(confirmations, RECORD, "inner")
        .join(unusable, RECORD, "inner")
        .select(
            col(ColumnNames.SOURCE),
            col(ColumnNames.SOURCE_FILE),
            col(ColumnNames.LINE),
            col(RepairColumns.ID_NUMBER_AS_WRITTEN).as(RepairColumns.REPAIRED_FROM),
            col(RepairColumns.CONFIRMED_IN),
            col(ColumnNames.ID_NUMBER));
  }
}
