package org.daijiao.ops;

import static org.apache.spark.sql.types.DataTypes.DateType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.TimestampType;
import static org.apache.spark.sql.types.DataTypes.createArrayType;
import static org.apache.spark.sql.types.DataTypes.createMapType;
import static org.daijiao.spark.ColumnSpec.optional;
import static org.daijiao.spark.ColumnSpec.required;

import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.daijiao.spark.ColumnNames;
import org.daijiao.spark.ColumnSpec;
import org.daijiao.spark.TableContract;
import org.daijiao.spark.Tables;

/**
 * The contract of {@code ops.runs}: one row per run of a command that writes tables (run, ingest,
 * resolve, decide, stats, maintain), appended when the run ends, and one row for a run that was
 * killed, appended by the run that found its lock. No personal data: arguments are paths and dates,
 * input files are named by their folder and file name.
 */
public final class RunColumns {
  public static final String RUN_ID = "run_id";
  public static final String COMMAND = "command";
  public static final String ARGUMENTS = "arguments";
  public static final String DAIJIAO_VERSION = "daijiao_version";
  public static final String WAREHOUSE_FORMAT = "warehouse_format";
  public static final String POLICY_FILE = "policy_file";
  public static final String POLICY_SHA256 = "policy_sha256";
  public static final String INPUT_DIR = "input_dir";
  public static final String INPUT_FILES = "input_files";
  public static final String TABLES_WRITTEN = "tables_written";
  public static final String TABLE_VERSIONS = "table_versions";
  public static final String STARTED_AT = "started_at";
  public static final String ENDED_AT = "ended_at";
  public static final String OUTCOME = "outcome";
  public static final String ERROR_CLASS = "error_class";

  public static final String FILE = "file";
  public static final String BYTES = "bytes";
  public static final String SHA256 = "sha256";
  public static final String INGESTED_BEFORE_BY = "ingested_before_by";

  /** One input file of a run. */
  public static final StructType INPUT_FILE =
      struct(
          required(ColumnNames.SOURCE, StringType, "数据来源", "the source folder"),
          required(FILE, StringType, "文件", "<source>/<file name>, as under --input"),
          required(BYTES, LongType, "字节数", "its size in bytes"),
          required(SHA256, StringType, "内容哈希（SHA-256）", "SHA-256 of its content (hex)"),
          optional(
              INGESTED_BEFORE_BY,
              StringType,
              "此前导入批次",
              "the latest earlier run that ingested the same content; null when new"));

  /** Rows of one source: read = accepted + rejected (null where the command did not resolve). */
  public static final StructType SOURCE_COUNTS =
      struct(
          required(ColumnNames.SOURCE, StringType, "数据来源", "the source folder"),
          required(ColumnNames.ROWS_READ, LongType, "读取行数", "rows read from its files"),
          optional(ColumnNames.ROWS_ACCEPTED, LongType, "接收行数", "rows that reached a clean table"),
          optional(
              ColumnNames.ROWS_REJECTED, LongType, "拒收行数", "rows in quality.rejected_records"));

  private static final DataType VERSIONS = createMapType(StringType, LongType, false);

  /** {@code ops.runs}. */
  public static final TableContract RUNS =
      TableContract.of(
          Tables.RUNS,
          "运行记录",
          "one row per recorded command: what it read (files and their hashes, the policy), what it"
              + " wrote (the Delta version of each table) and how it ended; no personal data",
          required(
              RUN_ID,
              StringType,
              "运行编号",
              "the run's id (yyyyMMdd'T'HHmmss-xxxx), also bronze _batch_id"),
          required(COMMAND, StringType, "命令", "run, ingest, resolve, decide, stats or maintain"),
          required(
              ARGUMENTS,
              createArrayType(StringType, false),
              "参数",
              "the command's arguments as given (paths, dates, years)"),
          required(DAIJIAO_VERSION, StringType, "程序版本", "the daijiao version that ran it"),
          required(WAREHOUSE_FORMAT, IntegerType, "仓库格式版本", "the warehouse format it wrote"),
          optional(
              POLICY_FILE,
              StringType,
              "政策文件",
              "the policy file (bundled:… or a path); null: ingest"),
          optional(
              POLICY_SHA256, StringType, "政策文件哈希（SHA-256）", "SHA-256 of the policy file's bytes"),
          optional(
              ColumnNames.POLICY_YEAR,
              IntegerType,
              "政策年度",
              "the policy year decided; null: ingest, maintain"),
          optional(
              ColumnNames.AS_OF,
              DateType,
              "数据截止日期",
              "the run's reference date (docs/rules.md#window); null: ingest, maintain"),
          optional(
              INPUT_DIR, StringType, "输入目录", "the input directory read; null if none was read"),
          optional(
              INPUT_FILES,
              createArrayType(INPUT_FILE, false),
              "输入文件",
              "every input file read, with size and content hash; null if none was read"),
          optional(
              ColumnNames.SOURCES,
              createArrayType(SOURCE_COUNTS, false),
              "各来源行数",
              "rows read/accepted/rejected per source; null if the run read no rows"),
          required(
              TABLES_WRITTEN,
              VERSIONS,
              "写入的表",
              "table → the Delta version this run committed last"),
          required(
              TABLE_VERSIONS,
              VERSIONS,
              "各表版本",
              "every table → its Delta version when the run ended: what `sql --run` reads"),
          required(STARTED_AT, TimestampType, "开始时间", "when the run started (UTC)"),
          optional(
              ENDED_AT, TimestampType, "结束时间", "when it ended; null for a run that was killed"),
          required(
              OUTCOME, StringType, "运行结果", "SUCCEEDED, FAILED, or ABANDONED (killed, found later)"),
          optional(ERROR_CLASS, StringType, "错误类型", "the error's class for a FAILED run"));

  private RunColumns() {}

  private static StructType struct(ColumnSpec... fields) {
    return new StructType(
        java.util.Arrays.stream(fields).map(ColumnSpec::field).toArray(StructField[]::new));
  }
}
