package org.daijiao.report;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import org.daijiao.coverage.CoverageStages;
import org.daijiao.decide.CategoryLabels;
import org.daijiao.ingest.Source;
import org.daijiao.ledger.Batch;
import org.daijiao.ledger.Mode;
import org.daijiao.policy.Department;
import org.daijiao.policy.FundingSource;
import org.daijiao.policy.Policy;

/**
 * The words the report prints for the codes of the gold tables. A code without a word is printed as
 * it is, so that a value added later still shows.
 */
final class ReportLabels {
  private static final Map<Department, String> DEPARTMENTS = new EnumMap<>(Department.class);
  private static final Map<FundingSource, String> FUNDING_SOURCES =
      new EnumMap<>(FundingSource.class);
  private static final Map<Mode, String> MODES = new EnumMap<>(Mode.class);

  static {
    DEPARTMENTS.put(Department.CIVIL_AFFAIRS, "县民政局");
    DEPARTMENTS.put(Department.RURAL_REVITALIZATION, "县乡村振兴局");
    DEPARTMENTS.put(Department.DISABLED_PERSONS_FEDERATION, "县残联");
    FUNDING_SOURCES.put(FundingSource.COUNTY_FINANCE, "县级财政");
    FUNDING_SOURCES.put(FundingSource.MUNICIPAL_COUNTY_SETTLEMENT, "市县两级财政清算");
    MODES.put(Mode.DIRECT, "直接代缴");
    MODES.put(Mode.POST_HOC_REFUND, "事后补助（退还本人）");
  }

  private ReportLabels() {}

  static String department(String code) {
    return labelOf(Department.class, DEPARTMENTS, code);
  }

  static String fundingSource(String code) {
    return labelOf(FundingSource.class, FUNDING_SOURCES, code);
  }

  static String mode(String code) {
    return labelOf(Mode.class, MODES, code);
  }

  /** §2(二): the batch with the policy's cut-off, e.g. 常规批次（8月31日前认定）. */
  static String batch(String code, Policy policy) {
    LocalDate cutoff = policy.regularCutoff();
    String day = cutoff.getMonthValue() + "月" + cutoff.getDayOfMonth() + "日";
    if (Batch.REGULAR.name().equals(code)) {
      return "常规批次（" + day + "前认定）";
    }
    if (Batch.DYNAMIC.name().equals(code)) {
      return "动态批次（" + day + "后新增）";
    }
    return String.valueOf(code);
  }

  /** An input folder (docs/inputs.md#sources) by the department that exports it. */
  static String source(String folder) {
    for (Source s : Source.values()) {
      if (s.folder().equals(folder)) {
        return switch (s) {
          case CIVIL_AFFAIRS -> "民政（特困、低保）";
          case RURAL_REVITALIZATION -> "乡村振兴（监测对象）";
          case DISABILITY -> "残联（残疾人）";
          case PENSION_ENROLLMENT -> "社保（参保登记）";
          case TAX_PAYMENTS -> "税务（缴费记录）";
          case EXCLUSIONS -> "排除名单（在校生、军人、服刑）";
        };
      }
    }
    return String.valueOf(folder);
  }

  /** The words of the notice (特困, 低保 …), as {@code explain} prints them. */
  static String category(String code) {
    return code == null ? "（无类别）" : CategoryLabels.label(code);
  }

  /** A township as written; the one the rosters left empty in words. */
  static String township(String name) {
    return name == null || CoverageStages.UNKNOWN.equals(name) ? "（未填乡镇）" : name;
  }

  /** A village as written; the one the rosters left empty in words. */
  static String village(String name) {
    return name == null || CoverageStages.UNKNOWN.equals(name) ? "（未填村社区）" : name;
  }

  private static <E extends Enum<E>> String labelOf(
      Class<E> codes, Map<E, String> labels, String code) {
    for (E e : codes.getEnumConstants()) {
      if (e.name().equals(code) && labels.containsKey(e)) {
        return labels.get(e);
      }
    }
    return String.valueOf(code);
  }
}
