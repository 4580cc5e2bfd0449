package org.daijiao.generate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import org.daijiao.generate.Dirt.DateStyle;
import org.daijiao.generate.RosterDates.Period;
import org.daijiao.generate.SyntheticPerson.Role;
import org.daijiao.ingest.Source;

/**
 * The rural revitalisation bureau's monitoring roster (防止返贫监测): 返贫致贫 persons (a target, §2.1) and
 * the other monitoring types (known, not a target). The monitoring started in Y-2, so records start
 * from then; some persons moved from 边缘易致贫户 to 致贫户. The file mixes date formats more than the
 * others, as a roster typed by many townships does.
 */
final class RuralRevitalizationExport {
  private static final List<String> COLUMNS =
      List.of("name", "id_number", "category", "township", "village", "start_date", "end_date");
  private static final String[] FANPIN = {"返贫致贫", "返贫", "致贫", "返贫户", "致贫户"};
  private static final String[] MONITORING = {
    "脱贫不稳定户", "边缘易致贫户", "突发严重困难户", "脱贫不稳定", "边缘易致贫", "突发严重困难"
  };
  private static final String[] UNKNOWN = {"一般脱贫户", "易地搬迁户"};

  private record Entry(SyntheticPerson person, String category, Period period) {}

  private final SplittableRandom rng;
  private final RosterDates dates;
  private final Dirt dirt;

  RuralRevitalizationExport(SplittableRandom rng, RosterDates dates, Dirt dirt) {
    this.rng = rng;
    this.dates = dates;
    this.dirt = dirt;
  }

  List<ExportFile> files(List<SyntheticPerson> persons) {
    int from = dates.year() - 2;
    List<Entry> entries = new ArrayList<>();
    for (SyntheticPerson p : persons) {
      if (p.has(Role.FANPIN)) {
        Period period = dates.period(from);
        if (rng.nextInt(100) < 6 && period.start().isAfter(LocalDate.of(from, 6, 30))) {
          // Was a marginal household first; the risk became real (致贫) the day after it closed.
          LocalDate before = period.start().minusDays(1);
          entries.add(new Entry(p, "边缘易致贫户", new Period(LocalDate.of(from, 3, 1), before)));
        }
        entries.add(new Entry(p, pick(FANPIN), period));
      }
      if (p.has(Role.MONITORING)) {
        entries.add(new Entry(p, pick(MONITORING), dates.period(from)));
      }
    }
    entries.sort(Comparator.comparing((Entry e) -> e.person().village().code()));
    List<List<Object>> rows = new ArrayList<>();
    List<RowLife> lives = new ArrayList<>();
    for (Entry e : entries) {
      String category = e.category();
      if (dirt.roll(0.007)) {
        dirt.count(DirtKind.UNKNOWN_CATEGORY);
        category = pick(UNKNOWN);
      }
      LocalDate end = e.period().end();
      if (dirt.roll(0.01)) {
        dirt.count(DirtKind.END_BEFORE_START);
        end = e.period().start().minusDays(1 + rng.nextInt(300));
      }
      DateStyle style = dirt.rowStyle(DateStyle.ISO, 0.06);
      List<Object> row =
          List.of(
              dirt.name(e.person().name(), 0.01),
              dirt.id(e.person().id()),
              category,
              e.person().village().township(),
              e.person().village().name(),
              style.format(e.period().start()),
              end == null ? "" : style.format(end));
      RowLife life = RowLife.roster(e.person(), e.period().start(), end);
      rows.add(row);
      lives.add(life);
      if (dirt.roll(0.01)) {
        dirt.count(DirtKind.EXACT_DUPLICATE_ROW);
        rows.add(row);
        lives.add(life);
      }
    }
    return List.of(
        new ExportFile(
            Source.RURAL_REVITALIZATION,
            "xczx_fangfanpin_jiance_2022.csv",
            ExportFile.Format.CSV_UTF8,
            ExportFile.header(Source.RURAL_REVITALIZATION, COLUMNS, 1),
            rows,
            lives));
  }

  private String pick(String[] values) {
    return values[rng.nextInt(values.length)];
  }
}
