package org.daijiao.ingest;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

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

  /** The canonical columns of the source (all nullable strings), then the lineage columns. */
  public static StructType schema(Source source) {
    List<StructField> fields = new ArrayList<>();
    for (String name : source.columnNames()) {
      fields.add(DataTypes.createStructField(name, DataTypes.StringType, true));
    }
    fields.add(
        DataTypes.createStructField(
            EXTRA,
            DataTypes.createMapType(DataTypes.StringType, DataTypes.StringType, true),
            true));
    fields.add(DataTypes.createStructField(SOURCE_FILE, DataTypes.StringType, false));
    fields.add(DataTypes.createStructField(LINE, DataTypes.LongType, false));
    fields.add(DataTypes.createStructField(INGESTED_AT, DataTypes.TimestampType, false));
    fields.add(DataTypes.createStructField(BATCH_ID, DataTypes.StringType, false));
    return DataTypes.createStructType(fields);
  }
}
