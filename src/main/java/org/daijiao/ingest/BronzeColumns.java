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
   * The contract of {@code bronze.<source>}: the canonical columns of the source
   * (docs/inputs.md#headers, text as exported, empty when the file lacks the column), then the
   * lineage columns.
   */
  public static TableContract contract(Source source) {
    List<ColumnSpec> columns = new ArrayList<>();
    for (Source.Column c : source.columns()) {
      columns.add(
          optional(
              c.name(),
              DataTypes.StringType,
              c.aliases().isEmpty() ? c.name() : c.aliases().get(0),
              "the cell as exported, under the header "
                  + c.name()
                  + (c.aliases().isEmpty() ? "" : " or " + String.join(" / ", c.aliases()))));
    }
    columns.add(
        optional(
            EXTRA,
            DataTypes.createMapType(DataTypes.StringType, DataTypes.StringType, true),
            "其他列",
            "columns the source does not know, header → cell; ignored after bronze"));
    columns.add(
        required(SOURCE_FILE, DataTypes.StringType, "来源文件", "<source>/<file name> of the export"));
    columns.add(
        required(
            LINE, DataTypes.LongType, "行号", "line (CSV, as a text editor counts) or row (XLSX)"));
    columns.add(
        required(INGESTED_AT, DataTypes.TimestampType, "导入时间", "when the ingest run read the row"));
    columns.add(
        required(
            BATCH_ID,
            DataTypes.StringType,
            "导入批次",
            "the ingest run: its id in ops.runs (yyyyMMdd'T'HHmmss-xxxx)"));
    return new TableContract(
        Tables.bronze(source.folder()),
        term(source) + "（原始行）",
        "every row of the " + source.folder() + " exports as exported, with its file and line",
        columns);
  }

  /** What the county calls the department export a bronze table holds. */
  private static String term(Source source) {
    return switch (source) {
      case CIVIL_AFFAIRS -> "民政低保、特困人员名单";
      case RURAL_REVITALIZATION -> "乡村振兴防返贫监测对象名单";
      case DISABILITY -> "残联残疾人名单";
      case PENSION_ENROLLMENT -> "城乡居保、企业职工养老保险参保信息";
      case TAX_PAYMENTS -> "税务养老保险缴费记录";
      case EXCLUSIONS -> "在校学生、现役军人、服刑人员名单";
    };
  }

  /** The schema of {@link #contract}. */
  public static StructType schema(Source source) {
    return contract(source).schema();
  }
}
