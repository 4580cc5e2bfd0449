package org.daijiao;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.daijiao.spark.TableName;

/**
 * The hand-made county of {@code src/test/resources/fixture-ingest} (synthetic IDs with valid check
 * characters), run once through the whole pipeline, and what its rows are. The file and line of
 * every deliberate defect is listed in the tests that assert it. rr.xlsx was written once with POI
 * (fixed creation date) and is committed as it is.
 *
 * <ul>
 *   <li>{@code civil_affairs/ca_utf8.csv}: UTF-8, English headers + an unknown column 备注 (a quoted
 *       newline on line 3–4), the civil-affairs rejects on lines 9–16, an unknown township on line
 *       17.
 *   <li>{@code civil_affairs/ca_gbk.csv}: GBK, aliases 身份证号码/保障类别/乡镇（街道）…, dates 2022/3/5, a
 *       15-digit ID with the historical area code 512728.
 *   <li>{@code civil_affairs/ca_bom.csv}: UTF-8 with BOM, aliases 身份证号/救助类别/乡镇/村/认定日期, dates
 *       20220305, IDs with lowercase x, full-width digits and spaces, a name padded with U+3000, a
 *       category ending in U+00A0.
 *   <li>{@code rural_revitalization/rr.xlsx}: aliases 证件号码/监测对象类别/纳入监测日期, an Excel date cell,
 *       2022年3月5日, 脱贫不稳定户, an unknown category, an 18-digit ID typed as a number; next to it
 *       Excel's lock file {@code ~$rr.xlsx}.
 *   <li>{@code disability/dis.csv}: the ID from the certificate number, grade 三级, the certificate
 *       rejects.
 *   <li>{@code pension_enrollment/pe.csv}, {@code tax_payments/tax_gbk.csv} (GBK), {@code
 *       exclusions/服刑名单[1].csv} (glob characters in the name): their rejects.
 * </ul>
 */
public final class FixtureCounty {
  public static final Path INPUT = Path.of("src/test/resources/fixture-ingest");

  /** 张三: civil affairs 特困, ID once plain (UTF-8) and once with spaces (BOM); township 汉葭. */
  public static final String ZHANG_SAN = "500243198001010012";

  /** 李四: five 低保 records (duplicate, adjacent, inside, separate open one). */
  public static final String LI_SI = "500243198505050026";

  /** 王五: 15-digit 512728750303003 (GBK) and the same ID in full-width digits (BOM); 高谷镇 大青村. */
  public static final String WANG_WU = "512728197503030032";

  public static final String WANG_WU_15 = "512728750303003";

  /** 赵六: written with a lowercase x. */
  public static final String ZHAO_LIU = "50024319900707007X";

  /** 钱七: rural revitalisation 脱贫不稳定户 only (known, not a target), start in an Excel date cell. */
  public static final String QIAN_QI = "500243199202020051";

  /** 孙八: disability record with the certificate number only. */
  public static final String SUN_BA = "500243198811110066";

  /** 周九: disability grade 三级 (known, not a target). */
  public static final String ZHOU_JIU = "500243197009090075";

  /** 吴十: rural revitalisation 返贫 starting 2022年3月5日. */
  public static final String WU_SHI = "500243199512120082";

  /** 郑十一: township 火星乡, which is not in Pengshui. */
  public static final String ZHENG_SHIYI = "500243198303030094";

  /** 冯十二: 桑柘镇 大青村 (another 大青村 than 王五's). */
  public static final String FENG_SHIER = "500243198606060100";

  /** 陈一 in civil affairs, 陈壹 in rural revitalisation: an identity conflict. */
  public static final String CHEN_YI = "500243197808080113";

  private static final Map<TableName, Dataset<Row>> TABLES = new HashMap<>();

  private FixtureCounty() {}

  /** The one pipeline run over the fixture (shared by every test class of the JVM). */
  public static PipelineFixture.Run run() {
    return PipelineFixture.of(INPUT);
  }

  /** A table of the run, read once and cached: the tables are tiny and every test reads several. */
  public static synchronized Dataset<Row> table(TableName table) {
    return TABLES.computeIfAbsent(table, t -> run().table(t).cache());
  }

  /** The rows of a small table as lists of values, sorted by their text: duplicates are kept. */
  public static List<List<Object>> rows(Dataset<Row> rows, String... columns) {
    Dataset<Row> selected = columns.length == 0 ? rows : rows.selectExpr(columns);
    List<List<Object>> out = new ArrayList<>();
    for (Row r : selected.collectAsList()) {
      List<Object> values = new ArrayList<>();
      for (int i = 0; i < r.size(); i++) {
        Object v = r.get(i);
        values.add(v instanceof scala.collection.Seq<?> s ? scalaList(s) : v);
      }
      out.add(values);
    }
    out.sort(Comparator.comparing(Object::toString));
    return out;
  }

  /** A row as a list, for {@code containsExactly(row(...))}. */
  public static List<Object> row(Object... values) {
    return Arrays.asList(values);
  }

  /**
   * Column name → simple type string ({@code string}, {@code array<string>}, …) in schema order.
   */
  public static List<String> columnTypes(StructType schema) {
    List<String> out = new ArrayList<>();
    for (StructField f : schema.fields()) {
      out.add(f.name() + " " + f.dataType().simpleString());
    }
    return out;
  }

  private static List<Object> scalaList(scala.collection.Seq<?> seq) {
    List<Object> out = new ArrayList<>();
    scala.collection.Iterator<?> it = seq.iterator();
    while (it.hasNext()) {
      out.add(it.next());
    }
    return out;
  }
}
