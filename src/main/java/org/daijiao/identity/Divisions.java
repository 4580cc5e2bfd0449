package org.daijiao.identity;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.daijiao.spark.ColumnNames;

/**
 * Pengshui's official divisions (NBS statistical division codes, bundled as {@code
 * reference/pengshui_divisions.csv}): 39 townships and 296 villages. Rosters write names, often
 * shortened (汉葭 for 汉葭街道, 鼓楼 for 鼓楼社区): names are matched on a key without the type suffix.
 */
public final class Divisions {
  public static final String RESOURCE = "reference/pengshui_divisions.csv";

  /**
   * One division: code, official name, short name, level (county/township/village), parent code.
   */
  public record Division(
      String code, String name, String shortName, String level, String parentCode) {}

  /** The official full name of a township (汉葭街道). */
  public static final String TOWNSHIP_OFFICIAL = "township_official";

  /**
   * A township name without its type suffix ({@link #townshipKeyOf}): what names are matched on.
   */
  public static final String TOWNSHIP_KEY = "township_key";

  /** The code of the township a village belongs to: villages are matched within it. */
  public static final String VILLAGE_TOWNSHIP_CODE = "village_township_code";

  public static final String VILLAGE_OFFICIAL = "village_official";

  /** A village name without its type suffix ({@link #villageKeyOf}). */
  public static final String VILLAGE_KEY = "village_key";

  /**
   * A village's type suffix: the committee's full name first, so that 鼓楼社区居民委员会 loses 社区 as well.
   */
  private static final String VILLAGE_SUFFIX = "(社区居民委员会|村民委员会|居民委员会|社区|村)$";

  /** The townships, one row each: code, official name, match key. */
  public static final StructType TOWNSHIPS =
      new StructType()
          .add(ColumnNames.TOWNSHIP_CODE, DataTypes.StringType, false)
          .add(TOWNSHIP_OFFICIAL, DataTypes.StringType, false)
          .add(TOWNSHIP_KEY, DataTypes.StringType, false);

  /** The villages, one row each: code, township code, official (short) name, match key. */
  public static final StructType VILLAGES =
      new StructType()
          .add(ColumnNames.VILLAGE_CODE, DataTypes.StringType, false)
          .add(VILLAGE_TOWNSHIP_CODE, DataTypes.StringType, false)
          .add(VILLAGE_OFFICIAL, DataTypes.StringType, false)
          .add(VILLAGE_KEY, DataTypes.StringType, false);

  private Divisions() {}

  public static List<Division> all() {
    List<Division> out = new ArrayList<>();
    try (InputStream in = Divisions.class.getClassLoader().getResourceAsStream(RESOURCE);
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      r.readLine();
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        String[] f = line.split(",", -1);
        out.add(new Division(f[0], f[1], f[2], f[3], f[4]));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  public static Dataset<Row> townships(SparkSession spark) {
    List<Row> rows = new ArrayList<>();
    for (Division d : all()) {
      if (d.level().equals("township")) {
        rows.add(RowFactory.create(d.code(), d.name(), townshipKeyOf(d.name())));
      }
    }
    return spark.createDataFrame(rows, TOWNSHIPS);
  }

  public static Dataset<Row> villages(SparkSession spark) {
    List<Row> rows = new ArrayList<>();
    for (Division d : all()) {
      if (d.level().equals("village")) {
        rows.add(
            RowFactory.create(
                d.code(), d.parentCode(), d.shortName(), villageKeyOf(d.shortName())));
      }
    }
    return spark.createDataFrame(rows, VILLAGES);
  }

  /** 汉葭街道 / 汉葭 → 汉葭; 保家镇 → 保家. */
  public static String townshipKeyOf(String name) {
    return name.replaceAll("[\\s\\u3000\\u00A0]", "").replaceAll("(街道办事处|街道|镇|乡)$", "");
  }

  /** 鼓楼社区居民委员会 / 鼓楼社区 / 鼓楼 → 鼓楼. */
  static String villageKeyOf(String name) {
    return name.replaceAll("[\\s\\u3000\\u00A0]", "").replaceAll(VILLAGE_SUFFIX, "");
  }

  /** {@link #townshipKeyOf} as a column expression. */
  public static Column townshipKey(Column name) {
    return functions.regexp_replace(
        functions.regexp_replace(name, "[\\s\\u3000\\u00A0]", ""), "(街道办事处|街道|镇|乡)$", "");
  }

  /** {@link #villageKeyOf} as a column expression. */
  public static Column villageKey(Column name) {
    return functions.regexp_replace(
        functions.regexp_replace(name, "[\\s\\u3000\\u00A0]", ""), VILLAGE_SUFFIX, "");
  }
}
