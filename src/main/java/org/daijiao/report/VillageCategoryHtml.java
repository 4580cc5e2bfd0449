package org.daijiao.report;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.daijiao.policy.Policy;

/**
 * The county report page's 分村分类别 section: the target persons of each village by category, with
 * small counts suppressed ({@link SmallCells}, docs/reports.md#small-cells): the page is read more
 * widely than the workbook, whose {@link VillageCategorySheet} keeps every count.
 */
final class VillageCategoryHtml {
  private VillageCategoryHtml() {}

  static void section(StringBuilder out, CountyFigures f, Policy policy) {
    int min = policy.minPublishedCell();
    Html.h2(out, "各村（社区）分类别参保目标人数");
    Html.note(
        out,
        "人数为1至"
            + (min - 1)
            + "人的格显示为“<"
            + min
            + "”；一行只有一个这样的格时，同行另一个最小的非零格也显示为“<"
            + min
            + "”，以免由合计推算。完整人数见工作簿“"
            + CountyWorkbook.VILLAGE_CATEGORIES
            + "”表。");
    List<String> headers = new ArrayList<>(List.of("乡镇（街道）", "村（社区）代码", "村（社区）"));
    f.categories().forEach(c -> headers.add(ReportLabels.category(c.category())));
    headers.add("参保目标人数");
    List<List<String>> rows = new ArrayList<>();
    for (int i = 0; i < f.villages().size(); i++) {
      FigureRow v = f.villages().get(i);
      List<String> row =
          new ArrayList<>(
              List.of(
                  ReportLabels.township(v.township()),
                  text(v.villageCode()),
                  ReportLabels.village(v.village())));
      row.addAll(SmallCells.shown(f.villageCategoryTargets().get(i), min));
      row.add(SmallCells.total(v.target(), min));
      rows.add(row);
    }
    List<Boolean> numeric = new ArrayList<>(List.of(false, false, false));
    numeric.addAll(Collections.nCopies(f.categories().size() + 1, true));
    Html.table(out, headers, numeric, rows, null);
  }

  private static String text(String value) {
    return value == null ? "" : value;
  }
}
