package org.daijiao.decide;

import java.util.Map;
import org.daijiao.person.Category;
import org.daijiao.person.ExclusionReason;

/** The words of the notice for each code, for the explanation a clerk reads. */
public final class CategoryLabels {
  private static final Map<String, String> LABELS =
      Map.ofEntries(
          Map.entry(Category.TEKUN.name(), "特困"),
          Map.entry(Category.DIBAO.name(), "低保"),
          Map.entry(Category.FANPIN.name(), "返贫致贫"),
          Map.entry(Category.SEVERE_DISABILITY.name(), "重残"),
          Map.entry("UNSTABLE_OUT_OF_POVERTY", "脱贫不稳定"),
          Map.entry("MARGINAL_POVERTY", "边缘易致贫"),
          Map.entry("SUDDEN_HARDSHIP", "突发严重困难"),
          Map.entry("MILD_DISABILITY", "三、四级残疾"),
          Map.entry(ExclusionReason.STUDENT.name(), "在校学生"),
          Map.entry(ExclusionReason.MILITARY.name(), "现役军人"),
          Map.entry(ExclusionReason.PRISONER.name(), "服刑"));

  private CategoryLabels() {}

  /** E.g. {@code 特困}; the code itself when it has no label. */
  public static String label(String code) {
    return LABELS.getOrDefault(code, code);
  }

  /** E.g. {@code 特困 TEKUN}. */
  public static String labelled(String code) {
    String label = LABELS.get(code);
    return label == null ? String.valueOf(code) : label + " " + code;
  }
}
