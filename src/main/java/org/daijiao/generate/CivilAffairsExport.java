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
import org.daijiao.generate.SyntheticPerson.Story;
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

  /** One roster row to write: who, which category word, when, which household and where. */
  private record Entry(
      SyntheticPerson person,
      String category,
      Period period,
      String household,
      Divisions.Village village) {}

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
      if (p.has(Story.CAME_OF_AGE)) {
        cameOfAge(p, householdId, a, b);
        continue;
      }
      for (Role role : p.roles()) {
        if (role != Role.DIBAO && role != Role.TEKUN) {
          continue;
        }
        String word = categoryWord(role, p);
        if (role == Role.DIBAO && p.has(Story.MOVED)) {
          moved(p, word, householdId, a, b);
        } else if (role == Role.DIBAO && p.has(Story.LISTED_TWICE)) {
          // Both offices list the person from the same day: file a the old place, file b the new.
          Period period =
              new Period(
                  dates.between(
                      LocalDate.of(dates.year() - 6, 1, 1), LocalDate.of(dates.year() - 1, 12, 31)),
                  null);
          a.add(new Entry(p, word, period, householdId, p.previousVillage()));
          b.add(new Entry(p, word, period, householdId, p.village()));
        } else {
          for (Period period : periods()) {
            fileOf(p.village(), a, b).add(new Entry(p, word, period, householdId, p.village()));
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

  /**
   * 特困 from childhood to the day before the 18th birthday, 低保 from the birthday (the story's
   * student exclusion covers the first half of Y).
   */
  private void cameOfAge(SyntheticPerson p, String household, List<Entry> a, List<Entry> b) {
    LocalDate adult = p.birth().plusYears(18);
    LocalDate since = p.birth().plusYears(8 + rng.nextInt(6));
    List<Entry> file = fileOf(p.village(), a, b);
    file.add(
        new Entry(
            p,
            categoryWord(Role.TEKUN, p),
            new Period(since, adult.minusDays(1)),
            household,
            p.village()));
    file.add(
        new Entry(p, categoryWord(Role.DIBAO, p), new Period(adult, null), household, p.village()));
  }

  /** 低保 in the old village until the move (between March Y-1 and June Y), then in the new one. */
  private void moved(
      SyntheticPerson p, String word, String household, List<Entry> a, List<Entry> b) {
    LocalDate move =
        dates.between(LocalDate.of(dates.year() - 1, 3, 1), LocalDate.of(dates.year(), 6, 30));
    LocalDate since = dates.between(LocalDate.of(dates.year() - 7, 1, 1), move.minusDays(200));
    fileOf(p.previousVillage(), a, b)
        .add(
            new Entry(
                p, word, new Period(since, move.minusDays(1)), household, p.previousVillage()));
    fileOf(p.village(), a, b)
        .add(new Entry(p, word, new Period(move, null), household, p.village()));
  }

  /** The two offices split the county by township: even-numbered townships in file a. */
  private static List<Entry> fileOf(Divisions.Village village, List<Entry> a, List<Entry> b) {
    return townshipNumber(village) % 2 == 0 ? a : b;
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
    entries.sort(Comparator.comparing((Entry e) -> e.village().code()));
    List<List<Object>> rows = new ArrayList<>();
    List<RowLife> lives = new ArrayList<>();
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
              e.village().township(),
              e.village().name(),
              rowStyle.format(start),
              end == null ? "" : rowStyle.format(end),
              e.household());
      RowLife life = RowLife.roster(e.person(), start, end);
      rows.add(row);
      lives.add(life);
      if (dirt.roll(0.01)) {
        dirt.count(DirtKind.EXACT_DUPLICATE_ROW);
        rows.add(row);
        lives.add(life);
      }
    }
    return new ExportFile(
        Source.CIVIL_AFFAIRS,
        name,
        format,
        ExportFile.header(Source.CIVIL_AFFAIRS, COLUMNS, aliasIndex),
        rows,
        lives);
  }

  /** The township's sequence in the division code (汉葭街道 001 … 龙塘乡 228). */
  private static int townshipNumber(Divisions.Village village) {
    return Integer.parseInt(village.code().substring(6, 9));
  }
}
