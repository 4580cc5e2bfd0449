package org.daijiao.generate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.daijiao.generate.Dirt.DateStyle;
import org.daijiao.generate.SyntheticPerson.Story;
import org.daijiao.ingest.Source;

/**
 * The exclusion list of §1 (在校学生、现役军人、服刑人员), merged from the education bureau, the armed forces
 * office and the justice bureau, with canonical English headers and compact dates. Students are
 * young roster persons with school-year periods (September to June).
 */
final class ExclusionExport {
  private static final List<String> COLUMNS =
      List.of("id_number", "name", "reason", "start_date", "end_date");

  private final SplittableRandom rng;
  private final Dirt dirt;
  private final RosterDates dates;

  /** The lives of the rows of the file being built, in row order. */
  private final List<RowLife> lives = new ArrayList<>();

  ExclusionExport(SplittableRandom rng, Dirt dirt, RosterDates dates) {
    this.rng = rng;
    this.dirt = dirt;
    this.dates = dates;
  }

  List<ExportFile> files(List<SyntheticPerson> roster, List<SyntheticPerson> others) {
    int y = dates.year();
    LocalDate midYear = LocalDate.of(y, 7, 1);
    List<List<Object>> rows = new ArrayList<>();
    lives.clear();
    for (SyntheticPerson p : roster) {
      int age = p.ageOn(midYear);
      if (p.has(Story.CAME_OF_AGE)) {
        add(rows, p, "在校学生", new LocalDate[] {LocalDate.of(y - 3, 9, 1), LocalDate.of(y, 6, 30)});
      } else if (p.has(Story.STUDENT_THEN_ENLISTED)) {
        // Left school in June, enlisted on 1 July: excluded on every day of the year.
        add(rows, p, "在校学生", new LocalDate[] {LocalDate.of(y - 3, 9, 1), LocalDate.of(y, 6, 30)});
        add(rows, p, "现役军人", new LocalDate[] {LocalDate.of(y, 7, 1), null});
      } else if (p.has(Story.PRISONER_ENROLLED_ELSEWHERE)) {
        LocalDate start = dates.between(LocalDate.of(y - 3, 1, 1), LocalDate.of(y - 1, 6, 30));
        LocalDate end = dates.between(LocalDate.of(y + 1, 1, 1), LocalDate.of(y + 3, 12, 31));
        add(rows, p, "服刑人员", new LocalDate[] {start, end});
      } else if (age >= 15 && age <= 23 && rng.nextInt(100) < 22) {
        add(rows, p, rng.nextInt(4) == 0 ? "学生" : "在校学生", schoolYears(y));
      } else if (age >= 18 && age <= 30 && rng.nextInt(100) < 3) {
        LocalDate start = LocalDate.of(y - 1 - rng.nextInt(2), 9, 15);
        LocalDate end = rng.nextBoolean() ? null : LocalDate.of(y, 9, 30);
        add(rows, p, "现役军人", new LocalDate[] {start, end});
      } else if (age >= 20 && age < 60 && rng.nextInt(1000) < 6) {
        LocalDate start = dates.between(LocalDate.of(y - 3, 1, 1), LocalDate.of(y - 1, 12, 31));
        LocalDate end = dates.between(LocalDate.of(y, 5, 1), LocalDate.of(y + 2, 12, 31));
        add(rows, p, rng.nextBoolean() ? "服刑人员" : "服刑", new LocalDate[] {start, end});
      }
    }
    for (SyntheticPerson p : others) {
      int age = p.ageOn(midYear);
      if (age >= 16 && age <= 22 && rng.nextInt(100) < 10) {
        add(rows, p, "在校学生", schoolYears(y));
      }
    }
    return List.of(
        new ExportFile(
            Source.EXCLUSIONS,
            "paichu_renyuan_2022.csv",
            ExportFile.Format.CSV_UTF8,
            ExportFile.header(Source.EXCLUSIONS, COLUMNS, -1),
            rows,
            lives));
  }

  /**
   * The school year before Y (ends in June Y), the one starting in September Y, or several years
   * spanning Y: a student aged 16 is excluded only for part of the year.
   */
  private LocalDate[] schoolYears(int y) {
    return switch (rng.nextInt(4)) {
      case 0 -> new LocalDate[] {LocalDate.of(y - 1, 9, 1), LocalDate.of(y, 6, 30)};
      case 1 -> new LocalDate[] {LocalDate.of(y, 9, 1), LocalDate.of(y + 1, 6, 30)};
      case 2 -> new LocalDate[] {LocalDate.of(y - 2, 9, 1), LocalDate.of(y, 6, 30)};
      default -> new LocalDate[] {LocalDate.of(y - 3, 9, 1), LocalDate.of(y + 1, 6, 30)};
    };
  }

  private void add(List<List<Object>> rows, SyntheticPerson p, String reason, LocalDate[] period) {
    DateStyle style = dirt.rowStyle(DateStyle.COMPACT, 0.03);
    lives.add(RowLife.exclusion(p, period[0]));
    rows.add(
        List.of(
            dirt.id(p.id()),
            dirt.name(p.name(), 0.02),
            reason,
            style.format(period[0]),
            period[1] == null ? "" : style.format(period[1])));
  }
}
