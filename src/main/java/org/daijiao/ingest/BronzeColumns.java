package org.daijiao.ingest;

import static org.daijiao.spark.ColumnSpec.optional;
import static org.daijiao.spark.ColumnSpec.required;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.daijiao.spark.ColumnSpec;
import org.daijiao.spark.TableContract;
import org.daijiao.spark.Tables;

/**
 * {@code bronze.<source>}: every row of every file as exported (canonical columns as text), plus
 * lineage. Unknown columns are kept in {@code _extra} and ignored after bronze.
 */
public final class BronzeColumns {
  public static final String EXTRA = "_extra";
  public static final String SOURCE_FILE = "_source_file";
  public static final String LINE = "_line";
  public static final String INGESTED_AT = "_ingested_at";
  public static final String BATCH_ID = "_batch_id";

  private BronzeColumns() {}

  /**
   * The contract of {@code bronze.<source>}: the canonical columns of the source (SPEC §4, text as
   * exported, empty when the file lacks the column), then the lineage columns.
   */
  public static TableContract contract(Source source) {
    List<ColumnSpec> columns = new ArrayList<>();
    for (Source.Column c : source.columns()) {
      columns.add(
          optional(
              c.name(),
              DataTypes.StringType,
              "the cell as exported, under the header "
                  + c.name()
                  + (c.aliases().isEmpty() ? "" : " or " + String.join(" / ", c.aliases()))));
    }
    columns.add(
        optional(
            EXTRA,
            DataTypes.createMapType(DataTypes.StringType, DataTypes.StringType, true),
            "columns the source does not know, header → cell; ignored after bronze"));
    columns.add(required(SOURCE_FILE, DataTypes.StringType, "<source>/<file name> of the export"));
    columns.add(
        required(LINE, DataTypes.LongType, "line (CSV, as a text editor counts) or row (XLSX)"));
    columns.add(required(INGESTED_AT, DataTypes.TimestampType, "when the ingest run read the row"));
    columns.add(
        required(
            BATCH_ID,
            DataTypes.StringType,
            "the ingest run: its id in ops.runs (yyyyMMdd'T'HHmmss-xxxx)"));
    return new TableContract(Tables.bronze(source.folder()), columns);
  }

  /** The schema of {@link #contract}. */
  public static StructType schema(Source source) {
    return contract(source).schema();
  }
}
