package org.daijiao.generate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.daijiao.generate.Dirt.DateStyle;
import org.daijiao.generate.RosterDates.Period;
import org.daijiao.generate.SyntheticPerson.Role;
import org.daijiao.ingest.Source;

/**
 * The civil affairs bureau's 低保/特困 roster (§2.1), as two exports: one from the urban-leaning
 * townships as UTF-8 with BOM, one from the others in GBK with other header words and slash dates.
 * Some persons have two successive periods, some an overlapping duplicate record.
 */
final class CivilAffairsExport {
  private static final List<String> COLUMNS =
      List.of(
          "name",
          "id_number",
          "category",
          "township",
          "village",
          "start_date",
          "end_date",
          "household_id");
  private static final String[] UNKNOWN = {"临时救助", "孤儿", "低收入"};

  private record Entry(SyntheticPerson person, String category, Period period, String household) {}

  private final SplittableRandom rng;
  private final RosterDates dates;
  private final Dirt dirt;

  CivilAffairsExport(SplittableRandom rng, RosterDates dates, Dirt dirt) {
    this.rng = rng;
    this.dates = dates;
    this.dirt = dirt;
  }

  List<ExportFile> files(List<SyntheticPerson> persons) {
    List<SyntheticPerson> civil = new ArrayList<>();
    for (SyntheticPerson p : persons) {
      if (p.has(Role.DIBAO) || p.has(Role.TEKUN)) {
        civil.add(p);
      }
    }
    civil.sort(Comparator.comparing((SyntheticPerson p) -> p.village().code()));
    List<Entry> a = new ArrayList<>();
    List<Entry> b = new ArrayList<>();
    int household = 0;
    int members = 0;
    String previousVillage = "";
    for (SyntheticPerson p : civil) {
      // 低保 is granted per household: neighbours in a village often share one household number.
      boolean joins =
          p.village().code().equals(previousVillage) && members < 4 && rng.nextInt(100) < 45;
      if (joins) {
        members++;
      } else {
        household++;
        members = 1;
      }
      previousVillage = p.village().code();
      String householdId =
          p.village().code().substring(6) + String.format(Locale.ROOT, "%05d", household);
      List<Entry> target = townshipNumber(p) % 2 == 0 ? a : b;
      for (Role role : p.roles()) {
        if (role == Role.DIBAO || role == Role.TEKUN) {
          for (Period period : periods()) {
            target.add(new Entry(p, categoryWord(role, p), period, householdId));
          }
        }
      }
    }
    return List.of(
        file(
            "minzheng_dibao_tekun_2022_a.csv", ExportFile.Format.CSV_UTF8_BOM, 0, DateStyle.ISO, a),
        file(
            "minzheng_dibao_tekun_2022_b_gbk.csv",
            ExportFile.Format.CSV_GBK,
            1,
            DateStyle.SLASH,
            b));
  }

  /** 5 % ended then restarted, 2 % entered twice with overlapping periods, else one period. */
  private List<Period> periods() {
    int r = rng.nextInt(100);
    if (r < 5) {
      return List.of(dates.endedThenRestarted(dates.year() - 7));
    }
    Period first = dates.period(dates.year() - 7);
    if (r < 7 && first.end() == null) {
      return List.of(first, dates.overlapping(first));
    }
    return List.of(first);
  }

  private String categoryWord(Role role, SyntheticPerson p) {
    int r = rng.nextInt(100);
    if (role == Role.DIBAO) {
      if (r < 40) {
        return "低保";
      }
      return p.village().urban() ? "城市低保" : "农村低保";
    }
    if (r < 40) {
      return "特困人员";
    }
    if (r < 60) {
      return "特困供养";
    }
    if (r < 85) {
      return p.village().urban() ? "城市特困" : "农村特困";
    }
    return "特困";
  }

  private ExportFile file(
      String name, ExportFile.Format format, int aliasIndex, DateStyle style, List<Entry> entries) {
    entries.sort(Comparator.comparing((Entry e) -> e.person().village().code()));
    List<List<Object>> rows = new ArrayList<>();
    for (Entry e : entries) {
      String category = e.category();
      if (dirt.roll(0.007)) {
        dirt.count(DirtKind.UNKNOWN_CATEGORY);
        category = UNKNOWN[rng.nextInt(UNKNOWN.length)];
      }
      LocalDate start = e.period().start();
      LocalDate end = e.period().end();
      if (dirt.roll(0.01)) {
        dirt.count(DirtKind.END_BEFORE_START);
        end = start.minusDays(1 + rng.nextInt(400));
      }
      DateStyle rowStyle = dirt.rowStyle(style, 0.02);
      List<Object> row =
          List.of(
              dirt.name(e.person().name(), 0.005),
              dirt.id(e.person().id()),
              category,
              e.person().village().township(),
              e.person().village().name(),
              rowStyle.format(start),
              end == null ? "" : rowStyle.format(end),
              e.household());
      rows.add(row);
      if (dirt.roll(0.01)) {
        dirt.count(DirtKind.EXACT_DUPLICATE_ROW);
        rows.add(row);
      }
    }
    return new ExportFile(
        Source.CIVIL_AFFAIRS,
        name,
        format,
        ExportFile.header(Source.CIVIL_AFFAIRS, COLUMNS, aliasIndex),
        rows);
  }

  /** The township's sequence in the division code (汉葭街道 001 … 龙塘乡 228). */
  private static int townshipNumber(SyntheticPerson p) {
    return Integer.parseInt(p.village().code().substring(6, 9));
  }
}
