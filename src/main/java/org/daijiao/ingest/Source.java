package org.daijiao.ingest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.daijiao.person.Category;
import org.daijiao.spark.ColumnNames;
import org.daijiao.text.Chars;

/**
 * The six department exports of docs/inputs.md#sources: the folder each is read from, its canonical
 * columns, which of them a file must have, and the Chinese headers departments actually export.
 */
public enum Source {
  CIVIL_AFFAIRS(
      "civil_affairs",
      true,
      col(ColumnNames.NAME, false, "姓名"),
      col(ColumnNames.ID_NUMBER, true, "身份证号码", "身份证号", "证件号码", "公民身份号码"),
      col(ColumnNames.CATEGORY, true, "保障类别", "救助类别", "类别"),
      col(ColumnNames.TOWNSHIP, false, "乡镇（街道）", "乡镇(街道)", "乡镇", "街道"),
      col(ColumnNames.VILLAGE, false, "村（社区）", "村(社区)", "村", "社区"),
      col(ColumnNames.START_DATE, true, "保障开始日期", "认定日期", "开始日期"),
      col(ColumnNames.END_DATE, false, "保障结束日期", "退出日期", "结束日期"),
      col("household_id", false, "户编号")),
  RURAL_REVITALIZATION(
      "rural_revitalization",
      true,
      col(ColumnNames.NAME, false, "姓名"),
      col(ColumnNames.ID_NUMBER, true, "身份证号码", "身份证号", "证件号码", "公民身份号码"),
      col(ColumnNames.CATEGORY, true, "人员类别", "监测对象类别", "类别"),
      col(ColumnNames.TOWNSHIP, false, "乡镇（街道）", "乡镇(街道)", "乡镇", "街道"),
      col(ColumnNames.VILLAGE, false, "村（社区）", "村(社区)", "村", "社区"),
      col(ColumnNames.START_DATE, true, "识别日期", "纳入监测日期", "开始日期"),
      col(ColumnNames.END_DATE, false, "风险消除日期", "结束日期")),
  DISABILITY(
      "disability",
      true,
      col(ColumnNames.NAME, false, "姓名"),
      col(ColumnNames.ID_NUMBER, false, "身份证号码", "身份证号", "证件号码", "公民身份号码"),
      col(ColumnNames.CERTIFICATE_NUMBER, false, "残疾人证号", "残疾证号", "残疾人证号码"),
      col("disability_category", false, "残疾类别"),
      col(ColumnNames.DISABILITY_GRADE, true, "残疾等级"),
      col(ColumnNames.TOWNSHIP, false, "乡镇（街道）", "乡镇(街道)", "乡镇", "街道"),
      col(ColumnNames.VILLAGE, false, "村（社区）", "村(社区)", "村", "社区"),
      col(ColumnNames.START_DATE, true, "发证日期", "开始日期"),
      col(ColumnNames.END_DATE, false, "注销日期", "结束日期")),
  PENSION_ENROLLMENT(
      "pension_enrollment",
      false,
      col(ColumnNames.ID_NUMBER, true, "身份证号码", "身份证号", "证件号码", "公民身份号码"),
      col(ColumnNames.NAME, false, "姓名"),
      col(ColumnNames.SCHEME, true, "险种", "险种类型"),
      col(ColumnNames.REGION_CODE, true, "参保地区划代码", "参保地区划", "参保地"),
      col(ColumnNames.STATUS, true, "参保状态"),
      col(ColumnNames.TIER, false, "缴费档次"),
      col(ColumnNames.PERSON_NUMBER, false, "个人编号")),
  TAX_PAYMENTS(
      "tax_payments",
      false,
      col(ColumnNames.ID_NUMBER, true, "身份证号码", "身份证号", "证件号码", "公民身份号码"),
      col(ColumnNames.NAME, false, "姓名"),
      col(ColumnNames.PAYMENT_YEAR, true, "费款所属期", "缴费年度"),
      col(ColumnNames.AMOUNT, true, "缴费金额", "金额"),
      col(ColumnNames.PAID_DATE, true, "缴费日期", "入库日期"),
      col(ColumnNames.PAYER_TYPE, true, "缴费类型")),
  EXCLUSIONS(
      "exclusions",
      false,
      col(ColumnNames.ID_NUMBER, true, "身份证号码", "身份证号", "证件号码", "公民身份号码"),
      col(ColumnNames.NAME, false, "姓名"),
      col(ColumnNames.REASON, true, "类型", "人员类型"),
      col(ColumnNames.START_DATE, true, "开始日期"),
      col(ColumnNames.END_DATE, false, "结束日期"));

  /** A canonical column: whether a file must have it, and the headers that mean it. */
  public record Column(String name, boolean required, List<String> aliases) {}

  private final String folder;
  private final boolean roster;
  private final List<Column> columns;

  Source(String folder, boolean roster, Column... columns) {
    this.folder = folder;
    this.roster = roster;
    this.columns = List.of(columns);
  }

  private static Column col(String name, boolean required, String... aliases) {
    return new Column(name, required, List.of(aliases));
  }

  /** The folder under the input directory, and the bronze table name. */
  public String folder() {
    return folder;
  }

  /**
   * True for the three sources that put a person on the roster of poor groups (civil affairs,
   * rural, disability).
   */
  public boolean isRoster() {
    return roster;
  }

  public List<Column> columns() {
    return columns;
  }

  public List<String> columnNames() {
    List<String> names = new ArrayList<>();
    columns.forEach(c -> names.add(c.name()));
    return names;
  }

  /**
   * The canonical column a header means, if any. Matching ignores case, white space and the width
   * of characters.
   */
  public Optional<Column> columnForHeader(String header) {
    String key = headerKey(header);
    for (Column c : columns) {
      if (headerKey(c.name()).equals(key)) {
        return Optional.of(c);
      }
      for (String alias : c.aliases()) {
        if (headerKey(alias).equals(key)) {
          return Optional.of(c);
        }
      }
    }
    return Optional.empty();
  }

  /** Canonical name → every accepted header, for documentation and the generator. */
  public Map<String, List<String>> headerAliases() {
    Map<String, List<String>> m = new LinkedHashMap<>();
    columns.forEach(c -> m.put(c.name(), c.aliases()));
    return m;
  }

  /**
   * The roster source whose department certifies (认定) a target category: civil affairs 特困 and 低保,
   * rural revitalisation 返贫致贫, the disabled persons' federation 重残.
   */
  public static Source certifying(Category category) {
    return switch (category) {
      case TEKUN, DIBAO -> CIVIL_AFFAIRS;
      case FANPIN -> RURAL_REVITALIZATION;
      case SEVERE_DISABILITY -> DISABILITY;
    };
  }

  public static Optional<Source> ofFolder(String folder) {
    for (Source s : values()) {
      if (s.folder.equals(folder)) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }

  /** Header comparison key: full-width folded to ASCII, every kind of space dropped, lower case. */
  static String headerKey(String header) {
    if (header == null) {
      return "";
    }
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < header.length(); i++) {
      char c = Chars.toHalfWidth(header.charAt(i));
      if (!Chars.isSpace(c)) {
        sb.append(c);
      }
    }
    return sb.toString().toLowerCase(Locale.ROOT);
  }
}
