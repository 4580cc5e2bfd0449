package org.daijiao.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.daijiao.generate.GeneratedInputs.Row;
import org.daijiao.identity.IdNeighbours;
import org.daijiao.identity.IdNumber;
import org.daijiao.ingest.Source;
import org.daijiao.policy.Policy;
import org.daijiao.policy.PolicyLoader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generated county for 2,000 roster persons, read back from its files, has the shares, ages,
 * insurance situations, payments and dirt the brief asks for.
 */
class SampleGeneratorContentTest {
  private static final int PERSONS = 2000;

  enum Group {
    DIBAO,
    TEKUN,
    FANPIN,
    MONITORING,
    DISABILITY,
    SEVERE
  }

  @TempDir static Path dir;
  private static Policy policy;
  private static GeneratorSummary summary;
  private static Map<Source, List<Row>> rows;
  private static Map<String, EnumSet<Group>> roster;

  @BeforeAll
  static void generate() throws IOException {
    policy = PolicyLoader.bundled();
    summary = SampleGenerator.generate(new GeneratorOptions(PERSONS, 99L, dir));
    rows = new HashMap<>();
    for (Source s : Source.values()) {
      rows.put(s, GeneratedInputs.rows(dir, s));
    }
    roster = new HashMap<>();
    Policy.Vocabularies v = policy.vocabularies();
    for (Row r : rows.get(Source.CIVIL_AFFAIRS)) {
      String code = v.civilAffairsCategory().target().get(r.get("category"));
      if (code != null) {
        groups(r.get("id_number")).add(Group.valueOf(code));
      }
    }
    for (Row r : rows.get(Source.RURAL_REVITALIZATION)) {
      if (v.ruralRevitalizationCategory().target().containsKey(r.get("category"))) {
        groups(r.get("id_number")).add(Group.FANPIN);
      } else if (v.ruralRevitalizationCategory().notTarget().containsKey(r.get("category"))) {
        groups(r.get("id_number")).add(Group.MONITORING);
      }
    }
    for (Row r : rows.get(Source.DISABILITY)) {
      String raw =
          r.get("id_number").isEmpty()
              ? r.get("certificate_number").substring(0, 18)
              : r.get("id_number");
      Set<Group> g = groups(raw);
      if (v.disabilityGrade().target().containsKey(r.get("disability_grade"))) {
        g.add(Group.DISABILITY);
        g.add(Group.SEVERE);
      } else if (v.disabilityGrade().notTarget().containsKey(r.get("disability_grade"))) {
        g.add(Group.DISABILITY);
      }
    }
    roster.values().removeIf(Set::isEmpty);
    roster.remove(null);
  }

  @Test
  void rosterSharesMatchPengshuisGroups() {
    assertThat(roster.size())
        .as("roster persons with at least one readable record (some IDs are dirty on purpose)")
        .isBetween(PERSONS * 95 / 100, PERSONS);
    assertThat(share(g -> g.contains(Group.DIBAO))).as("低保 share").isCloseTo(0.45, within(0.04));
    assertThat(share(g -> g.contains(Group.TEKUN))).as("特困 share").isCloseTo(0.105, within(0.03));
    assertThat(share(g -> g.contains(Group.FANPIN))).as("返贫致贫 share").isCloseTo(0.16, within(0.03));
    assertThat(share(g -> g.contains(Group.MONITORING)))
        .as("other monitoring types share")
        .isCloseTo(0.12, within(0.03));
    assertThat(share(g -> g.contains(Group.DISABILITY)))
        .as("disability share")
        .isCloseTo(0.24, within(0.04));
    assertThat(share(g -> g.contains(Group.SEVERE)) / share(g -> g.contains(Group.DISABILITY)))
        .as("severe (一级/二级) share of the disabled")
        .isCloseTo(0.5, within(0.08));
    assertThat(
            share(g -> g.contains(Group.DIBAO) && g.contains(Group.DISABILITY))
                / share(g -> g.contains(Group.DIBAO)))
        .as("share of 低保 also disabled")
        .isCloseTo(0.08, within(0.03));
    assertThat(share(g -> g.contains(Group.DIBAO) && g.contains(Group.TEKUN)))
        .as("低保+特困 share")
        .isCloseTo(0.03, within(0.015));
    assertThat(share(g -> g.contains(Group.DIBAO) && g.contains(Group.FANPIN)))
        .as("低保+返贫致贫")
        .isPositive();
  }

  @Test
  void agesExerciseTheSixteenToSixtyWindow() {
    int y = policy.policyYear();
    List<LocalDate> births = roster.keySet().stream().map(IdNumber::birthDate).toList();
    double under16 =
        births.stream().filter(b -> b.isAfter(LocalDate.of(y - 16, 12, 31))).count()
            / (double) births.size();
    double over60 =
        births.stream().filter(b -> !b.isAfter(LocalDate.of(y - 60, 12, 31))).count()
            / (double) births.size();
    assertThat(under16).as("under 16 all year").isCloseTo(0.05, within(0.025));
    assertThat(over60).as("60 or older at some day of the year").isCloseTo(0.26, within(0.05));
    assertThat(births)
        .as("turn 16 after the regular cut-off")
        .anyMatch(b -> b.getYear() == y - 16 && b.getMonthValue() >= 9);
    assertThat(births)
        .as("turn 60 after the regular cut-off")
        .anyMatch(b -> b.getYear() == y - 60 && b.getMonthValue() >= 9);
    assertThat(births)
        .as("born on 29 February")
        .anyMatch(b -> b.getMonthValue() == 2 && b.getDayOfMonth() == 29);
  }

  @Test
  void rostersNameRealTownshipsAndTheirOwnVillages() {
    Divisions divisions = Divisions.bundled();
    assertThat(divisions.villages()).as("villages in the reference list").hasSize(296);
    assertThat(divisions.villages().stream().map(Divisions.Village::township).distinct())
        .as("townships with villages")
        .hasSize(39);
    Set<String> pairs = new HashSet<>();
    divisions.villages().forEach(v -> pairs.add(v.township() + "/" + v.name()));
    for (Source s : List.of(Source.CIVIL_AFFAIRS, Source.RURAL_REVITALIZATION, Source.DISABILITY)) {
      assertThat(rows.get(s))
          .as("%s rows name a village of their own township", s.folder())
          .allMatch(r -> pairs.contains(r.get("township") + "/" + r.get("village")));
    }
    assertThat(
            rows.get(Source.CIVIL_AFFAIRS).stream()
                .map(r -> r.get("household_id"))
                .distinct()
                .count())
        .as("households are shared by some persons")
        .isLessThan(rows.get(Source.CIVIL_AFFAIRS).size() * 9L / 10);
  }

  @Test
  void idsCarryTheCountysCurrentOrHistoricalAreaCodes() {
    Set<String> areas = new HashSet<>(policy.historicalAreaCodes());
    areas.add(policy.countyCode());
    assertThat(roster.keySet()).allMatch(id -> areas.contains(id.substring(0, 6)));
    long county = roster.keySet().stream().filter(id -> id.startsWith(policy.countyCode())).count();
    assertThat(county).as("IDs with 500243").isGreaterThan(roster.size() * 9L / 10);
    assertThat(roster.keySet())
        .as("some historical codes")
        .anyMatch(id -> !id.startsWith(policy.countyCode()));
  }

  @Test
  void civilAffairsHasRestartedOverlappingFutureAndEndedPeriods() {
    int y = policy.policyYear();
    Map<String, List<Row>> byId = new HashMap<>();
    for (Row r : rows.get(Source.CIVIL_AFFAIRS)) {
      String id = validId(r.get("id_number"));
      if (id != null) {
        byId.computeIfAbsent(id, k -> new ArrayList<>()).add(r);
      }
    }
    boolean restarted = false;
    boolean overlapping = false;
    for (List<Row> records : byId.values()) {
      for (Row a : records) {
        for (Row b : records) {
          LocalDate aEnd = date(a.get("end_date"));
          LocalDate bStart = date(b.get("start_date"));
          if (a != b && aEnd != null && bStart.isAfter(aEnd) && b.get("end_date").isEmpty()) {
            restarted = true;
          }
          if (a != b
              && aEnd == null
              && bStart.isAfter(date(a.get("start_date")))
              && !a.values().equals(b.values())) {
            overlapping = true;
          }
        }
      }
    }
    assertThat(restarted).as("a person ended, then restarted").isTrue();
    assertThat(overlapping).as("a person with an overlapping second record").isTrue();
    List<LocalDate> starts =
        rows.get(Source.CIVIL_AFFAIRS).stream().map(r -> date(r.get("start_date"))).toList();
    assertThat(starts).as("start after the year").anyMatch(d -> d.getYear() > y);
    assertThat(starts)
        .as("start after the cut-off")
        .anyMatch(d -> d.getYear() == y && d.isAfter(policy.regularCutoff()));
    assertThat(starts.stream().filter(d -> d.getYear() < y).count())
        .isGreaterThan(starts.size() * 3L / 4);
    assertThat(rows.get(Source.CIVIL_AFFAIRS))
        .as("ended before the year")
        .anyMatch(r -> !r.get("end_date").isEmpty() && date(r.get("end_date")).getYear() == y - 1);
  }

  @Test
  void pensionRecordsShowTheInsuranceSituationsOfSectionOne() {
    Map<String, List<Row>> byId = new HashMap<>();
    for (Row r : rows.get(Source.PENSION_ENROLLMENT)) {
      String id = validId(r.get("id_number"));
      if (id != null) {
        byId.computeIfAbsent(id, k -> new ArrayList<>()).add(r);
      }
    }
    String county = policy.countyCode();
    assertThat(rosterShare(byId, r -> isResident(r) && county.equals(r.get("region_code"))))
        .as("roster persons with a county resident record")
        .isCloseTo(0.74, within(0.06));
    assertThat(
            rosterShare(
                byId,
                r ->
                    isResident(r)
                        && r.get("region_code").startsWith("50")
                        && !county.equals(r.get("region_code"))
                        && "参保缴费正常".contains(r.get("status"))))
        .as("active in another Chongqing county")
        .isCloseTo(0.03, within(0.02));
    assertThat(rosterShare(byId, r -> isResident(r) && !r.get("region_code").startsWith("50")))
        .as("outside the municipality")
        .isCloseTo(0.02, within(0.015));
    assertThat(rosterShare(byId, r -> !isResident(r) && "参保缴费正常".contains(r.get("status"))))
        .as("paying into an employee pension (§1: not subsidised)")
        .isCloseTo(0.025, within(0.015));
    assertThat(rosterShare(byId, r -> !isResident(r)))
        .as("any employee pension record: paying, interrupted, closed after a town job, retired")
        .isCloseTo(0.065, within(0.03));
    assertThat(
            rosterShare(
                byId,
                r ->
                    isResident(r)
                        && !county.equals(r.get("region_code"))
                        && "暂停缴费待遇领取".contains(r.get("status"))))
        .as("suspended or drawing a pension outside the county")
        .isGreaterThan(0.0);
    LocalDate yearStart = policy.yearStart();
    List<Row> olderCounty = new ArrayList<>();
    byId.forEach(
        (id, records) -> {
          if (roster.containsKey(id) && IdNumber.birthDate(id).plusYears(60).isBefore(yearStart)) {
            records.stream()
                .filter(r -> isResident(r) && county.equals(r.get("region_code")))
                .forEach(olderCounty::add);
          }
        });
    assertThat(olderCounty.stream().filter(r -> r.get("status").equals("待遇领取")).count())
        .as("county records of persons aged 60+ that draw a pension")
        .isGreaterThan(olderCounty.size() * 3L / 4);
    assertThat(byId.keySet()).as("non-roster persons").anyMatch(id -> !roster.containsKey(id));
    assertThat(rows.get(Source.PENSION_ENROLLMENT))
        .extracting(r -> r.get("status"))
        .contains("参保缴费", "正常", "暂停缴费", "终止", "待遇领取");
    assertThat(rows.get(Source.PENSION_ENROLLMENT))
        .extracting(r -> r.get("tier"))
        .contains("100", "200", "1000", "1500", "2000", "150", "");
  }

  @Test
  void paymentsFollowTheSubsidyRuleWithLateEarlyAndFullPayments() {
    int y = policy.policyYear();
    List<Row> tax = rows.get(Source.TAX_PAYMENTS);
    Predicate<Row> self = r -> r.get("payer_type").equals("个人缴费");
    Predicate<Row> thisYear = r -> r.get("payment_year").equals(String.valueOf(y));
    assertThat(tax.stream().filter(self.and(thisYear)).map(r -> amount(r.get("amount"))))
        .as("own payments of tier − 70 % of the lowest tier")
        .contains(new BigDecimal("30.00"));
    assertThat(tax.stream().filter(self.negate()).map(r -> amount(r.get("amount"))))
        .as("government payments of 70 and 100")
        .contains(new BigDecimal("70.00"), new BigDecimal("100.00"));
    assertThat(tax)
        .as("own payment for the year dated after the year")
        .anyMatch(self.and(thisYear).and(r -> date(r.get("paid_date")).getYear() > y));
    assertThat(tax)
        .as("own payment after the cut-off")
        .anyMatch(
            self.and(thisYear)
                .and(
                    r ->
                        date(r.get("paid_date")).isAfter(policy.regularCutoff())
                            && date(r.get("paid_date")).getYear() == y));
    assertThat(tax)
        .as("payment for the year before")
        .anyMatch(r -> r.get("payment_year").equals(String.valueOf(y - 1)));
    assertThat(tax)
        .as("a 低保 person aged 16–59 who paid the whole lowest tier (→ refund)")
        .anyMatch(
            self.and(thisYear)
                .and(
                    r -> {
                      String id = validId(r.get("id_number"));
                      return id != null
                          && roster
                              .getOrDefault(id, EnumSet.noneOf(Group.class))
                              .equals(EnumSet.of(Group.DIBAO))
                          && IdNumber.birthDate(id).getYear() <= y - 20
                          && IdNumber.birthDate(id).getYear() >= y - 55
                          && amount(r.get("amount")).compareTo(new BigDecimal("100.00")) == 0;
                    }));
  }

  @Test
  void exclusionsHoldStudentsSoldiersAndPrisoners() {
    List<Row> ex = rows.get(Source.EXCLUSIONS);
    long students =
        ex.stream()
            .filter(
                r ->
                    r.get("reason").contains("学生")
                        && roster.containsKey(validId(r.get("id_number"))))
            .count();
    assertThat(students / (double) PERSONS).as("roster students").isCloseTo(0.03, within(0.015));
    assertThat(ex)
        .extracting(r -> r.get("reason"))
        .contains("现役军人")
        .anyMatch(s -> s.startsWith("服刑"));
    assertThat(ex.stream().filter(r -> r.get("reason").contains("学生")))
        .allMatch(
            r ->
                date(r.get("start_date")).getMonthValue() == 9
                    && date(r.get("end_date")).getMonthValue() == 6);
  }

  @Test
  void rosterTyposAreOfPersonsOtherRowsKnowAndSomeNobodyKnows() {
    Set<String> known = new HashSet<>();
    rows.values()
        .forEach(
            list ->
                list.forEach(
                    r -> {
                      String id = validId(r.get("id_number"));
                      if (id != null) {
                        known.add(id);
                      }
                    }));
    int repairable = 0;
    int unknown = 0;
    for (Source s : List.of(Source.CIVIL_AFFAIRS, Source.RURAL_REVITALIZATION)) {
      for (Row r : rows.get(s)) {
        String raw = r.get("id_number");
        if (validId(raw) != null || !IdNeighbours.searchable(raw)) {
          continue;
        }
        boolean found =
            IdNeighbours.of(raw, policy.minBirthDate(), policy.yearEnd()).stream()
                .anyMatch(n -> known.contains(n.id()));
        if (found) {
          repairable++;
        } else {
          unknown++;
        }
      }
    }
    assertThat(repairable)
        .as("roster rows whose mistyped ID is one error from an ID another row has (issue 12)")
        .isGreaterThan(10);
    assertThat(unknown)
        .as("roster rows whose mistyped ID no other row has (or not one error away)")
        .isGreaterThan(0);
  }

  @Test
  void everyKindOfDirtIsPresentAtARealisticRate() {
    int total = summary.rowsPerSource().values().stream().mapToInt(Integer::intValue).sum();
    for (DirtKind kind : DirtKind.values()) {
      assertThat(summary.dirtyRows()).as("rows with %s", kind.key()).containsKey(kind.key());
      assertThat(summary.dirtyRows().get(kind.key()) / (double) total)
          .as("share of rows with %s", kind.key())
          .isLessThan(0.035);
    }
    List<String> ids = new ArrayList<>();
    rows.values().forEach(list -> list.forEach(r -> ids.add(r.get("id_number"))));
    assertThat(ids)
        .anyMatch(s -> s.matches("\\d\\.\\d{5}E\\+17"))
        .anyMatch(s -> s.matches("\\d{15}"))
        .anyMatch(s -> s.matches("\\d{17}x"))
        .anyMatch(s -> s.contains(" "))
        .anyMatch(s -> s.matches("[０-９]{17}[０-９Ｘ]"))
        .anyMatch(s -> s.matches("\\d{15}000"));
    List<String> amounts =
        rows.get(Source.TAX_PAYMENTS).stream().map(r -> r.get("amount")).toList();
    assertThat(amounts)
        .anyMatch(a -> a.startsWith("¥") || a.startsWith("￥"))
        .anyMatch(a -> a.contains(","));
    List<String> dates =
        rows.get(Source.RURAL_REVITALIZATION).stream().map(r -> r.get("start_date")).toList();
    assertThat(dates)
        .as("one file, four date formats")
        .anyMatch(d -> d.matches("\\d{4}-\\d{2}-\\d{2}"))
        .anyMatch(d -> d.matches("\\d{4}/\\d{1,2}/\\d{1,2}"))
        .anyMatch(d -> d.matches("\\d{8}"))
        .anyMatch(d -> d.matches("\\d{4}年\\d{1,2}月\\d{1,2}日"));
    Map<String, Set<String>> names = new HashMap<>();
    rows.values()
        .forEach(
            list ->
                list.forEach(
                    r -> {
                      String id = validId(r.get("id_number"));
                      if (id != null) {
                        names.computeIfAbsent(id, k -> new HashSet<>()).add(r.get("name"));
                      }
                    }));
    assertThat(names.values()).as("one ID written with two names").anyMatch(n -> n.size() > 1);
  }

  private static boolean isResident(Row r) {
    return policy.vocabularies().scheme().getOrDefault(r.get("scheme"), "").equals("RESIDENT");
  }

  private static double rosterShare(Map<String, List<Row>> byId, Predicate<Row> record) {
    return byId.entrySet().stream()
            .filter(e -> roster.containsKey(e.getKey()) && e.getValue().stream().anyMatch(record))
            .count()
        / (double) roster.size();
  }

  private static double share(Predicate<Set<Group>> p) {
    return roster.values().stream().filter(p).count() / (double) PERSONS;
  }

  private static Set<Group> groups(String rawId) {
    String id = validId(rawId);
    return id == null
        ? EnumSet.noneOf(Group.class)
        : roster.computeIfAbsent(id, k -> EnumSet.noneOf(Group.class));
  }

  private static String validId(String raw) {
    IdNumber.Verdict v = IdNumber.parse(raw, LocalDate.of(1900, 1, 1), LocalDate.of(2030, 12, 31));
    return v.valid() ? v.id() : null;
  }

  private static BigDecimal amount(String s) {
    return new BigDecimal(s.replace("¥", "").replace("￥", "").replace(",", "")).setScale(2);
  }

  /** The four formats of SPEC §4; null for empty. */
  static LocalDate date(String s) {
    if (s == null || s.isEmpty()) {
      return null;
    }
    if (s.matches("\\d{8}")) {
      return LocalDate.of(
          Integer.parseInt(s.substring(0, 4)),
          Integer.parseInt(s.substring(4, 6)),
          Integer.parseInt(s.substring(6)));
    }
    String[] p = s.split("[-/年月日]");
    return LocalDate.of(Integer.parseInt(p[0]), Integer.parseInt(p[1]), Integer.parseInt(p[2]));
  }
}
