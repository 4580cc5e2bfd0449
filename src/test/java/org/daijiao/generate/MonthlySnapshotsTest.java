package org.daijiao.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.daijiao.identity.IdNumber;
import org.daijiao.ingest.Source;
import org.daijiao.ingest.parse.DateParser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code generate --monthly} writes one county as each month end's export would have shown it
 * (docs/inputs.md#monthly-snapshots), read back here from the files independently of the generator.
 */
class MonthlySnapshotsTest {
  private static final int PERSONS = 300;
  private static final long SEED = 2022L;
  private static final String RECEIVING = "待遇领取";
  private static final List<Source> ROSTERS =
      List.of(Source.CIVIL_AFFAIRS, Source.RURAL_REVITALIZATION);

  @TempDir static Path dir;
  private static Path months;
  private static Path single;
  private static MonthlySummary summary;
  private static List<LocalDate> monthEnds;

  @BeforeAll
  static void generate() throws IOException {
    months = dir.resolve("months");
    single = dir.resolve("single");
    summary = SampleGenerator.generateMonthly(new GeneratorOptions(PERSONS, SEED, months));
    SampleGenerator.generate(new GeneratorOptions(PERSONS, SEED, single));
    monthEnds = new ArrayList<>();
    for (int m = 1; m <= 12; m++) {
      monthEnds.add(YearMonth.of(2022, m).atEndOfMonth());
    }
  }

  @Test
  void writesOneCompleteInputFolderPerMonthEnd() throws IOException {
    try (Stream<Path> s = Files.list(months)) {
      assertThat(s.map(p -> p.getFileName().toString()).sorted())
          .containsExactlyElementsOf(monthEnds.stream().map(LocalDate::toString).toList());
    }
    for (LocalDate day : monthEnds) {
      for (Source source : Source.values()) {
        assertThat(GeneratedInputs.files(month(day), source))
            .as("%s files on %s", source, day)
            .hasSize(summary.filesPerSource().get(source.folder()));
      }
    }
    assertThat(summary.months()).extracting(MonthlySummary.Month::asOf).isEqualTo(monthEnds);
  }

  @Test
  void aRosterRecordIsShownFromTheMonthOfItsStartOn() throws IOException {
    int startedInMay = 0;
    for (Source source : ROSTERS) {
      Map<LocalDate, Map<String, Integer>> keys = new LinkedHashMap<>();
      for (LocalDate day : monthEnds) {
        keys.put(day, counts(rows(day, source), MonthlySnapshotsTest::rosterKey));
      }
      for (GeneratedInputs.Row r : rows(december(), source)) {
        LocalDate start = date(r.get("start_date"));
        if (start == null || start.getYear() != 2022) {
          continue;
        }
        startedInMay += start.getMonthValue() == 5 ? 1 : 0;
        for (LocalDate day : monthEnds) {
          assertThat(keys.get(day).containsKey(rosterKey(r)))
              .as("%s's %s record starting %s in the %s folder", r.get("name"), source, start, day)
              .isEqualTo(!start.isAfter(day));
        }
      }
    }
    assertThat(startedInMay).as("roster records starting in May 2022").isPositive();
  }

  @Test
  void aRecordThatEndsInTheYearIsOpenUntilItsEnd() throws IOException {
    int ended = 0;
    for (Source source : ROSTERS) {
      Map<LocalDate, Map<String, GeneratedInputs.Row>> byKey = new LinkedHashMap<>();
      for (LocalDate day : monthEnds) {
        Map<String, GeneratedInputs.Row> m = new HashMap<>();
        rows(day, source).forEach(r -> m.put(rosterKey(r), r));
        byKey.put(day, m);
      }
      for (GeneratedInputs.Row r : rows(december(), source)) {
        LocalDate start = date(r.get("start_date"));
        LocalDate end = date(r.get("end_date"));
        if (end == null || end.getYear() != 2022 || start == null || end.isBefore(start)) {
          continue;
        }
        ended++;
        for (LocalDate day : monthEnds) {
          GeneratedInputs.Row then = byKey.get(day).get(rosterKey(r));
          if (then != null) {
            assertThat(then.get("end_date"))
                .as("end of %s's %s record (ends %s) on %s", r.get("name"), source, end, day)
                .isEqualTo(end.isAfter(day) ? "" : r.get("end_date"));
          }
        }
      }
    }
    assertThat(ended).as("roster records ending in 2022").isPositive();
  }

  @Test
  void aPaymentIsInTheFoldersOnAndAfterItsDateOnly() throws IOException {
    List<GeneratedInputs.Row> all = rows(december(), Source.TAX_PAYMENTS);
    for (LocalDate day : monthEnds) {
      Map<String, Integer> expected = new HashMap<>();
      for (GeneratedInputs.Row r : all) {
        if (!date(r.get("paid_date")).isAfter(day)) {
          expected.merge(r.values().toString(), 1, Integer::sum);
        }
      }
      assertThat(counts(rows(day, Source.TAX_PAYMENTS), r -> r.values().toString()))
          .as("payments in the %s folder", day)
          .isEqualTo(expected);
    }
    GeneratedInputs.Row june =
        all.stream()
            .filter(r -> date(r.get("paid_date")).getMonthValue() == 6)
            .filter(r -> date(r.get("paid_date")).getYear() == 2022)
            .findFirst()
            .orElseThrow();
    assertThat(has(LocalDate.of(2022, 5, 31), Source.TAX_PAYMENTS, june)).isFalse();
    assertThat(has(LocalDate.of(2022, 6, 30), Source.TAX_PAYMENTS, june)).isTrue();
  }

  @Test
  void someoneTurning60DrawsThePensionOnlyAfterTheBirthday() throws IOException {
    Map<String, Map<LocalDate, String>> status = statusByPersonNumber();
    int switched = 0;
    for (Map.Entry<String, Map<LocalDate, String>> e : status.entrySet()) {
      Map<LocalDate, String> byMonth = e.getValue();
      if (!RECEIVING.equals(byMonth.get(december())) || RECEIVING.equals(byMonth.get(january()))) {
        continue;
      }
      switched++;
      LocalDate birth = IdNumber.birthDate(e.getKey().split("\\|")[1]);
      LocalDate sixty = birth.plusYears(60);
      boolean receiving = false;
      for (LocalDate day : monthEnds) {
        String s = byMonth.get(day);
        if (s == null) {
          continue;
        }
        if (receiving) {
          assertThat(s).as("record %s on %s, once receiving", e.getKey(), day).isEqualTo(RECEIVING);
        }
        receiving = RECEIVING.equals(s);
        if (receiving) {
          assertThat(day).as("receiving on %s, 60 on %s", day, sixty).isAfter(sixty.plusDays(13));
        }
      }
    }
    assertThat(switched).as("county records switching to RECEIVING during 2022").isPositive();
    assertThat(summary.months().get(11).changesSoFar().get("receiving")).isEqualTo(switched);
  }

  @Test
  void anUnusableIdIsCorrectedFromSomeMonthOn() throws IOException {
    int fixed = 0;
    for (Source source : ROSTERS) {
      for (Map.Entry<String, List<String>> e : history(source, "id_number").entrySet()) {
        List<String> ids = e.getValue();
        String last = ids.get(ids.size() - 1);
        if (ids.get(0).equals(last)) {
          continue;
        }
        fixed++;
        int change = ids.indexOf(last);
        assertThat(ids.subList(change, ids.size())).as(e.getKey()).containsOnly(last);
        assertThat(ids.subList(0, change)).as(e.getKey()).containsOnly(ids.get(0));
        assertThat(IdNumber.parse(ids.get(0), null, null).valid()).as(e.getKey()).isFalse();
        assertThat(IdNumber.parse(last, null, null).valid()).as(e.getKey()).isTrue();
      }
    }
    assertThat(fixed).as("roster rows whose ID was corrected during 2022").isPositive();
  }

  @Test
  void aMoveChangesTheTownshipOrVillageFromOneMonthOn() throws IOException {
    int moved = 0;
    for (Source source : ROSTERS) {
      for (Map.Entry<String, List<String>> e : history(source, "village").entrySet()) {
        List<String> places = e.getValue();
        String last = places.get(places.size() - 1);
        if (places.get(0).equals(last)) {
          continue;
        }
        moved++;
        int change = places.indexOf(last);
        assertThat(places.subList(change, places.size())).as(e.getKey()).containsOnly(last);
        assertThat(places.subList(0, change)).as(e.getKey()).containsOnly(places.get(0));
      }
    }
    assertThat(moved).as("roster rows whose place changed during 2022").isPositive();
  }

  @Test
  void aPensionRecordOpenedInTheYearStaysFromItsFirstMonth() throws IOException {
    Map<String, Map<LocalDate, String>> status = statusByPersonNumber();
    int opened = 0;
    for (Map.Entry<String, Map<LocalDate, String>> e : status.entrySet()) {
      List<LocalDate> shown = monthEnds.stream().filter(e.getValue()::containsKey).toList();
      assertThat(shown).as(e.getKey()).contains(december());
      assertThat(shown).as(e.getKey()).isEqualTo(monthEnds.subList(12 - shown.size(), 12));
      opened += shown.size() < 12 ? 1 : 0;
    }
    assertThat(opened).as("pension records opened during 2022").isPositive();
  }

  @Test
  void decemberIsTheSingleFolderExportWithoutWhatHappensAfterTheYear() throws IOException {
    for (Source source :
        List.of(Source.CIVIL_AFFAIRS, Source.RURAL_REVITALIZATION, Source.TAX_PAYMENTS)) {
      Map<String, Integer> dec = counts(rows(december(), source), r -> r.values().toString());
      Map<String, Integer> yearEnd = counts(rows(single, source), r -> r.values().toString());
      int missing = 0;
      for (GeneratedInputs.Row r : rows(single, source)) {
        String key = r.values().toString();
        if (dec.getOrDefault(key, 0) > 0) {
          dec.merge(key, -1, Integer::sum);
          continue;
        }
        missing++;
        String date = source == Source.TAX_PAYMENTS ? r.get("paid_date") : r.get("start_date");
        assertThat(date(date)).as("%s row left out of December", source).isAfter(december());
      }
      assertThat(dec.values()).as("%s rows only in December", source).containsOnly(0);
      assertThat(missing).isLessThan(yearEnd.size() / 10);
    }
    List<GeneratedInputs.Row> pension = rows(december(), Source.PENSION_ENROLLMENT);
    assertThat(pension).hasSameSizeAs(rows(single, Source.PENSION_ENROLLMENT));
  }

  @Test
  void theSameOptionsWriteByteIdenticalMonths() throws IOException {
    Path a = dir.resolve("a");
    Path b = dir.resolve("b");
    SampleGenerator.generateMonthly(new GeneratorOptions(120, 9L, a), 50);
    SampleGenerator.generateMonthly(new GeneratorOptions(120, 9L, b), 50);
    List<Path> files;
    try (Stream<Path> s = Files.walk(a)) {
      files = s.filter(Files::isRegularFile).map(a::relativize).sorted().toList();
    }
    assertThat(files).hasSize(12 * 9 * 3);
    for (Path f : files) {
      assertThat(Files.readAllBytes(b.resolve(f)))
          .as("%s", f)
          .isEqualTo(Files.readAllBytes(a.resolve(f)));
    }
  }

  /** Per roster row (name, category, start), the values of {@code column} month by month. */
  private static Map<String, List<String>> history(Source source, String column)
      throws IOException {
    Map<String, List<String>> history = new LinkedHashMap<>();
    Map<String, Integer> inDecember =
        counts(rows(december(), source), MonthlySnapshotsTest::rosterKey);
    for (LocalDate day : monthEnds) {
      for (GeneratedInputs.Row r : rows(day, source)) {
        if (inDecember.get(rosterKey(r)) == 1) {
          history.computeIfAbsent(rosterKey(r), k -> new ArrayList<>()).add(r.get(column));
        }
      }
    }
    return history;
  }

  /** Per county resident record (person number and clean ID), its status word month by month. */
  private static Map<String, Map<LocalDate, String>> statusByPersonNumber() throws IOException {
    Map<String, Map<LocalDate, String>> status = new LinkedHashMap<>();
    for (LocalDate day : monthEnds) {
      for (GeneratedInputs.Row r : rows(day, Source.PENSION_ENROLLMENT)) {
        IdNumber.Verdict id = IdNumber.parse(r.get("id_number"), null, null);
        if (!"500243".equals(r.get("region_code")) || !id.valid()) {
          continue;
        }
        status
            .computeIfAbsent(r.get("person_number") + "|" + id.id(), k -> new HashMap<>())
            .put(day, r.get("status"));
      }
    }
    return status;
  }

  private static String rosterKey(GeneratedInputs.Row r) {
    return r.get("name") + "|" + r.get("category") + "|" + r.get("start_date");
  }

  private static Map<String, Integer> counts(
      List<GeneratedInputs.Row> rows,
      java.util.function.Function<GeneratedInputs.Row, String> key) {
    Map<String, Integer> counts = new HashMap<>();
    rows.forEach(r -> counts.merge(key.apply(r), 1, Integer::sum));
    return counts;
  }

  private static boolean has(LocalDate day, Source source, GeneratedInputs.Row row)
      throws IOException {
    return rows(day, source).stream().anyMatch(r -> r.values().equals(row.values()));
  }

  private static List<GeneratedInputs.Row> rows(LocalDate day, Source source) throws IOException {
    return rows(month(day), source);
  }

  private static List<GeneratedInputs.Row> rows(Path folder, Source source) throws IOException {
    return GeneratedInputs.rows(folder, source);
  }

  private static Path month(LocalDate day) {
    return months.resolve(day.toString());
  }

  private static LocalDate date(String cell) {
    try {
      return DateParser.parse(cell);
    } catch (RuntimeException e) {
      return null;
    }
  }

  private static LocalDate january() {
    return monthEnds.get(0);
  }

  private static LocalDate december() {
    return monthEnds.get(11);
  }
}
