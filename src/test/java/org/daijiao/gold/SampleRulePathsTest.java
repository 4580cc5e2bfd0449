package org.daijiao.gold;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.daijiao.PipelineFixture;
import org.daijiao.TestSpark;
import org.daijiao.eligibility.Reason;
import org.daijiao.identity.Divisions;
import org.daijiao.identity.IdNumber;
import org.daijiao.ingest.Source;
import org.daijiao.ingest.clean.CleanStages;
import org.daijiao.ledger.Batch;
import org.daijiao.ledger.LedgerFlag;
import org.daijiao.ledger.Mode;
import org.daijiao.ledger.Status;
import org.daijiao.person.Category;
import org.daijiao.policy.Policy;
import org.daijiao.resolve.Locations;
import org.daijiao.spark.TableName;
import org.daijiao.spark.Tables;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The bundled sample is an end-to-end test of the whole notice only if it walks every rule path of
 * docs/rules.md, the location rule (docs/rules.md#location) included. This test counts, on the
 * sample's gold and silver tables, the persons on each path — every reason code alone and combined,
 * every pair of categories, every resolved category (also below the highest held), every status,
 * mode × batch, flag and tier, the enrolment situations of §1, a partial government payment, each
 * location case — and fails when a path has nobody. The counts are the table of
 * docs/rules.md#rule-paths, which must match (rewrite it with {@code -Ddaijiao.updateDocs=true}).
 *
 * <p>The location cases are computed here from the roster records themselves, independently of the
 * pipeline's merged periods, and every person's township and village in {@code gold.eligibility}
 * must be the one this record-level reading of docs/rules.md#location gives.
 */
class SampleRulePathsTest {
  private static final Path SAMPLE = Path.of("data/sample");
  private static final Path RULES_DOC = Path.of("docs/rules.md");
  private static final String BEGIN = "<!-- rule-paths:begin -->";
  private static final String END = "<!-- rule-paths:end -->";
  private static final List<String> EXCLUSION_REASONS = List.of("STUDENT", "MILITARY", "PRISONER");

  private static PipelineFixture.Run run;
  private static List<Row> eligibility;
  private static List<Row> ledger;
  private static Map<String, Place> expectedPlaces;
  private static Map<String, List<RosterRecord>> recordsByPerson;
  private static final Map<String, Long> paths = new LinkedHashMap<>();

  /** Per eligibility or ledger path, the person with the smallest ID on it. */
  private static final Map<String, String> firstOnPath = new LinkedHashMap<>();

  private static final Path EXPECTED = Path.of("src/test/resources/sample-expected-decisions.csv");

  /** Where §3 places a person, and by which case. */
  private record Place(String township, String village, String locationCase, boolean tie) {}

  /** A roster record existing at as_of, with its place written the official way. */
  private record RosterRecord(
      String id,
      String source,
      String category,
      boolean target,
      LocalDate start,
      String file,
      long line,
      String township,
      String village,
      String villageCode) {}

  @BeforeAll
  static void countPaths() {
    run = PipelineFixture.of(SAMPLE);
    int year = run.policy().policyYear();
    eligibility = ofYear(Tables.ELIGIBILITY, year).collectAsList();
    ledger = ofYear(Tables.SUBSIDY_LEDGER, year).collectAsList();
    expectedPlaces = expectedPlaces(rosterRecords(), run.policy());
    countEligibilityPaths(run.policy());
    countLedgerPaths(run.policy());
    countEnrollmentPaths();
    countLocationPaths();
    paths.put("reaches pension age (达龄)", ofYear(Tables.REACHING_PENSION_AGE, year).count());
    Dataset<Row> worklist = ofYear(Tables.WORKLIST, year);
    for (String action :
        List.of(
            "ENROL",
            "PAY_SELF_PART",
            "REFUND",
            "TRANSFER_FOLLOW_UP",
            "REACHES_PENSION_AGE",
            "FIX_ID")) {
      paths.put(
          "work-list action " + action, worklist.filter(col("action").equalTo(action)).count());
    }
  }

  @Test
  void everyRulePathHasAPersonInTheSample() {
    List<String> empty =
        paths.entrySet().stream()
            .filter(e -> e.getValue() == 0)
            .map(Map.Entry::getKey)
            .collect(Collectors.toList());
    assertThat(empty)
        .as(
            "rule paths no person of data/sample walks: make the generator produce them and"
                + " regenerate the sample (docs/development.md#golden-files)")
        .isEmpty();
  }

  @Test
  void everyPersonLivesWhereTheRecordsOfTheCertifyingDepartmentSay() {
    Map<String, String> wrong = new TreeMap<>();
    for (Row r : eligibility) {
      String id = r.getAs("id_number");
      Place expected = expectedPlaces.get(id);
      String actual = r.getAs("township") + " " + r.getAs("village");
      String wanted =
          expected == null ? "null null" : expected.township() + " " + expected.village();
      if (!actual.equals(wanted)) {
        wrong.put(
            IdNumber.mask(id),
            (expected == null ? "no record" : expected.locationCase())
                + ": gold "
                + actual
                + ", docs/rules.md#location "
                + wanted);
      }
    }
    assertThat(wrong).as("persons placed against docs/rules.md#location").isEmpty();
  }

  @Test
  void theRulesDocListsTheRulePathsOfTheSampleWithTheirCounts() throws IOException {
    String readme = Files.readString(RULES_DOC);
    String table = table();
    int begin = readme.indexOf(BEGIN);
    int end = readme.indexOf(END);
    assertThat(begin).as("docs/rules.md section markers %s … %s", BEGIN, END).isNotNegative();
    assertThat(end).isGreaterThan(begin);
    String current = readme.substring(begin + BEGIN.length(), end).strip();
    if (Boolean.getBoolean("daijiao.updateDocs")) {
      Files.writeString(
          RULES_DOC,
          readme.substring(0, begin + BEGIN.length())
              + "\n"
              + table
              + "\n"
              + readme.substring(end));
      return;
    }
    assertThat(current)
        .as(
            "docs/rules.md rule-path table is out of date; rewrite it with"
                + " mvn -o test -Dtest=SampleRulePathsTest -Ddaijiao.updateDocs=true")
        .isEqualTo(table);
  }

  /**
   * The sample proves correctness, not only that the paths are walked: for every eligibility and
   * ledger path, its first person's decision (eligibility, reasons, category, tier, amounts, mode,
   * batch, status, place) equals the hand-checked row of {@code sample-expected-decisions.csv} (the
   * file's header says how each row was checked). A path whose first person changes after the
   * sample is regenerated needs a new checked row: {@code -Ddaijiao.writeSamplePathPersons=true}
   * writes the candidates to {@code target/sample-path-persons.csv} to check by hand.
   */
  @Test
  void theFirstPersonOfEachPathHasTheHandCheckedDecision() throws IOException {
    Map<String, Row> eligibilityById = new HashMap<>();
    eligibility.forEach(r -> eligibilityById.put(r.getAs("id_number"), r));
    Map<String, Row> ledgerById = new HashMap<>();
    ledger.forEach(r -> ledgerById.put(r.getAs("id_number"), r));
    if (Boolean.getBoolean("daijiao.writeSamplePathPersons")) {
      List<String> lines = new ArrayList<>();
      firstOnPath.forEach(
          (path, id) -> lines.add(decisionLine(path, eligibilityById.get(id), ledgerById.get(id))));
      Files.write(Path.of("target/sample-path-persons.csv"), lines);
    }
    Map<String, String> expected = new LinkedHashMap<>();
    for (String line : Files.readAllLines(EXPECTED)) {
      if (!line.isBlank() && !line.startsWith("#")) {
        expected.put(line.substring(0, line.indexOf('|')), line);
      }
    }
    Map<String, String> wrong = new TreeMap<>();
    for (Map.Entry<String, String> e : expected.entrySet()) {
      String id = e.getValue().split("\\|", -1)[1];
      String actual = decisionLine(e.getKey(), eligibilityById.get(id), ledgerById.get(id));
      if (!actual.equals(e.getValue())) {
        wrong.put(e.getKey(), "expected " + masked(e.getValue()) + " but was " + masked(actual));
      }
    }
    assertThat(wrong).as("persons whose decision is not the hand-checked one").isEmpty();
    assertThat(expected.keySet())
        .as("every eligibility and ledger path has a hand-checked person")
        .containsAll(firstOnPath.keySet());
  }

  /**
   * path, id, eligible, reasons, category, tier, subsidy, self_pay, mode, batch, status, flags,
   * place.
   */
  private static String decisionLine(String path, Row e, Row l) {
    if (e == null) {
      return path + "|(not in gold.eligibility)";
    }
    List<String> fields = new ArrayList<>();
    fields.add(path);
    fields.add(e.getAs("id_number"));
    fields.add(String.valueOf(e.<Boolean>getAs("eligible")));
    fields.add(String.join(" ", reasons(e)));
    fields.add(String.valueOf(e.<String>getAs("category")));
    fields.add(l == null ? "" : l.<BigDecimal>getAs("tier").toPlainString());
    fields.add(l == null ? "" : l.<BigDecimal>getAs("subsidy_amount").toPlainString());
    fields.add(l == null ? "" : l.<BigDecimal>getAs("self_pay_amount").toPlainString());
    fields.add(l == null ? "" : l.<String>getAs("mode"));
    fields.add(l == null ? "" : l.<String>getAs("batch"));
    fields.add(l == null ? "" : l.<String>getAs("status"));
    fields.add(l == null ? "" : String.join(" ", l.<String>getList(l.fieldIndex("flags"))));
    fields.add(e.getAs("township") + " " + e.getAs("village"));
    return String.join("|", fields);
  }

  private static String masked(String line) {
    String[] f = line.split("\\|", -1);
    if (f.length > 1 && f[1].length() == 18) {
      f[1] = IdNumber.mask(f[1]);
    }
    return String.join("|", f);
  }

  private static String table() {
    StringBuilder out = new StringBuilder("| rule path | persons |\n|---|---:|\n");
    paths.forEach((k, v) -> out.append("| ").append(k).append(" | ").append(v).append(" |\n"));
    return out.toString().strip();
  }

  private static Dataset<Row> ofYear(TableName table, int year) {
    return run.table(table).filter(col("policy_year").equalTo(year));
  }

  // --- docs/rules.md R2, R3, R5 on gold.eligibility -----------------------------------------

  private static void countEligibilityPaths(Policy policy) {
    for (Reason reason : Reason.values()) {
      count("reason alone: " + reason, r -> reasons(r).equals(List.of(reason.name())));
    }
    for (Reason reason : Reason.values()) {
      if (reason == Reason.AGE_UNDER_16) {
        // Nobody under 16 all year has an enrolment or an exclusion that could be a second reason.
        continue;
      }
      count(
          "reason combined with another: " + reason,
          r -> reasons(r).size() > 1 && reasons(r).contains(reason.name()));
    }
    count(
        "two exclusion reasons (§1) on one person",
        r -> reasons(r).stream().filter(EXCLUSION_REASONS::contains).count() >= 2);
    List<Category> priority = policy.categoryPriority();
    for (int i = 0; i < priority.size(); i++) {
      for (int j = i + 1; j < priority.size(); j++) {
        String a = priority.get(i).name();
        String b = priority.get(j).name();
        count("categories held in W: " + a + " + " + b, r -> held(r).containsAll(List.of(a, b)));
      }
    }
    for (Category c : priority) {
      count(
          "eligible, resolved " + c,
          r -> r.<Boolean>getAs("eligible") && c.name().equals(r.getAs("category")));
    }
    count(
        "eligible, resolved below the highest category held (the higher one only on non-qualifying days)",
        r -> r.<Boolean>getAs("eligible") && !held(r).get(0).equals(r.getAs("category")));
    count(
        "not eligible, with a category held in W",
        r -> !r.<Boolean>getAs("eligible") && r.getAs("category") != null);
    count(
        "coverage target, insured",
        r -> r.<Boolean>getAs("in_coverage_target") && r.<Boolean>getAs("insured"));
    count(
        "coverage target, not insured",
        r -> r.<Boolean>getAs("in_coverage_target") && !r.<Boolean>getAs("insured"));
    count(
        "coverage target, not eligible (insurance-based exclusion)",
        r -> r.<Boolean>getAs("in_coverage_target") && !r.<Boolean>getAs("eligible"));
    count("eligible and paid (§2.6)", r -> r.<Boolean>getAs("paid"));
  }

  // --- docs/rules.md#money on gold.subsidy_ledger --------------------------------------------

  private static void countLedgerPaths(Policy policy) {
    for (Status s : Status.values()) {
      countLedger("status " + s, r -> s.name().equals(r.getAs("status")));
    }
    for (Mode m : Mode.values()) {
      for (Batch b : Batch.values()) {
        countLedger(
            "mode × batch: " + m + " / " + b,
            r -> m.name().equals(r.getAs("mode")) && b.name().equals(r.getAs("batch")));
      }
    }
    for (LedgerFlag f : LedgerFlag.values()) {
      if (f == LedgerFlag.ID_REPAIRED) {
        // Only a run with --accept-repairs sets it: IdRepairRoundTripTest walks that path.
        continue;
      }
      countLedger("flag " + f, r -> r.getList(r.fieldIndex("flags")).contains(f.name()));
    }
    for (BigDecimal tier : policy.amounts().validTiers()) {
      countLedger(
          "tier " + tier.toPlainString(), r -> r.<BigDecimal>getAs("tier").compareTo(tier) == 0);
    }
    countLedger(
        "partial government payment (0 < paid < subsidy)",
        r -> {
          BigDecimal paid = r.getAs("government_paid_amount");
          return paid.signum() > 0 && paid.compareTo(r.getAs("subsidy_amount")) < 0;
        });
  }

  // --- §1's enrolment situations, in silver.enrollments of roster persons --------------------

  private static void countEnrollmentPaths() {
    Dataset<Row> roster = run.table(Tables.ELIGIBILITY).select("id_number").distinct();
    Dataset<Row> enrolled = run.table(Tables.ENROLLMENTS).join(roster, "id_number");
    String county = run.policy().countyCode();
    paths.put(
        "employee pension record not ACTIVE",
        enrolled.filter("scheme = 'EMPLOYEE' AND status <> 'ACTIVE'").count());
    for (String status : List.of("ACTIVE", "SUSPENDED", "RECEIVING")) {
      paths.put(
          "resident record " + status + " in another county of the municipality",
          enrolled
              .filter(col("scheme").equalTo("RESIDENT"))
              .filter(col("status").equalTo(status))
              .filter(col("region_code").startsWith(run.policy().municipalityPrefix()))
              .filter(col("region_code").notEqual(county))
              .count());
      paths.put(
          "resident record " + status + " outside the municipality",
          enrolled
              .filter(col("scheme").equalTo("RESIDENT"))
              .filter(col("status").equalTo(status))
              .filter(
                  col("region_code").startsWith(run.policy().municipalityPrefix()).unary_$bang())
              .count());
    }
    Set<String> terminatedOnly =
        run
            .table(Tables.ENROLLMENTS)
            .filter(col("scheme").equalTo("RESIDENT").and(col("region_code").equalTo(county)))
            .groupBy("id_number")
            .agg(
                org.apache
                    .spark
                    .sql
                    .functions
                    .expr("bool_and(status IN ('TERMINATED', 'RECEIVING'))")
                    .as("closed"))
            .filter(col("closed"))
            .select("id_number")
            .collectAsList()
            .stream()
            .map(r -> r.getString(0))
            .collect(Collectors.toSet());
    countLedger(
        "eligible with only a TERMINATED/RECEIVING county record (§2.4: T = L)",
        r -> terminatedOnly.contains(r.<String>getAs("id_number")));
  }

  // --- docs/rules.md#location, from the roster records ---------------------------------------

  private static void countLocationPaths() {
    for (String c :
        List.of(
            "resolved category",
            "highest category held in W",
            "highest category ever held",
            "any roster source")) {
      paths.put(
          "location by " + c,
          expectedPlaces.values().stream().filter(p -> p.locationCase().equals(c)).count());
    }
    paths.put(
        "location: the person's records name different villages",
        recordsByPerson.values().stream()
            .filter(
                rs -> rs.stream().map(x -> x.township() + " " + x.village()).distinct().count() > 1)
            .count());
    paths.put(
        "location: a tie on the start date, broken by file and line",
        expectedPlaces.values().stream().filter(Place::tie).count());
  }

  private static List<RosterRecord> rosterRecords() {
    LocalDate asOf = run.asOf();
    Dataset<Row> records = null;
    for (Source s : Source.values()) {
      if (!s.isRoster()) {
        continue;
      }
      Dataset<Row> accepted =
          CleanStages.accepted(
                  CleanStages.parse(run.table(TableName.bronze(s.folder())), s, run.policy(), asOf))
              .filter(col("start_date").leq(asOf))
              .select(
                  "id_number",
                  "source",
                  "category",
                  "target",
                  "start_date",
                  "source_file",
                  "line",
                  "township",
                  "village");
      records = records == null ? accepted : records.unionByName(accepted);
    }
    Dataset<Row> located =
        Locations.withDivisionCodes(
            records,
            Divisions.townships(TestSpark.session()),
            Divisions.villages(TestSpark.session()));
    List<RosterRecord> out = new ArrayList<>();
    for (Row r : located.collectAsList()) {
      out.add(
          new RosterRecord(
              r.getAs("id_number"),
              r.getAs("source"),
              r.getAs("category"),
              Boolean.TRUE.equals(r.getAs("target")),
              r.getAs("start_date"),
              r.getAs("source_file"),
              ((Number) r.getAs("line")).longValue(),
              r.getAs("township"),
              r.getAs("village"),
              r.getAs("village_code")));
    }
    return out;
  }

  /**
   * docs/rules.md#location, record by record: the latest-starting record (ties: last in file, line
   * order) of the department certifying the resolved category, else the highest held in W, else the
   * highest ever held; else of any roster source.
   */
  private static Map<String, Place> expectedPlaces(List<RosterRecord> records, Policy policy) {
    Map<String, List<RosterRecord>> byPerson =
        records.stream().collect(Collectors.groupingBy(RosterRecord::id));
    recordsByPerson = byPerson;
    Map<String, Place> places = new HashMap<>();
    Comparator<RosterRecord> latest =
        Comparator.comparing(RosterRecord::start)
            .thenComparing(RosterRecord::file)
            .thenComparingLong(RosterRecord::line);
    for (Row r : eligibility) {
      String id = r.getAs("id_number");
      List<RosterRecord> own = byPerson.getOrDefault(id, List.of());
      String category = r.getAs("category");
      String locationCase;
      if (r.<Boolean>getAs("eligible")) {
        locationCase = "resolved category";
      } else if (category != null) {
        locationCase = "highest category held in W";
      } else {
        category =
            own.stream()
                .filter(RosterRecord::target)
                .map(RosterRecord::category)
                .min(Comparator.comparingInt(c -> policy.priorityRank(Category.valueOf(c))))
                .orElse(null);
        locationCase = category == null ? "any roster source" : "highest category ever held";
      }
      String source = category == null ? null : sourceOf(Category.valueOf(category));
      List<RosterRecord> candidates =
          own.stream().filter(x -> source == null || source.equals(x.source())).toList();
      RosterRecord winner = candidates.stream().max(latest).orElse(null);
      if (winner == null) {
        continue;
      }
      boolean tie = candidates.stream().filter(x -> x.start().equals(winner.start())).count() > 1;
      places.put(id, new Place(winner.township(), winner.village(), locationCase, tie));
    }
    return places;
  }

  private static String sourceOf(Category c) {
    return switch (c) {
      case TEKUN, DIBAO -> Source.CIVIL_AFFAIRS.folder();
      case FANPIN -> Source.RURAL_REVITALIZATION.folder();
      case SEVERE_DISABILITY -> Source.DISABILITY.folder();
    };
  }

  // --- helpers --------------------------------------------------------------------------------

  private static void count(String path, Predicate<Row> p) {
    paths.put(path, eligibility.stream().filter(p).count());
    first(path, eligibility, p);
  }

  private static void countLedger(String path, Predicate<Row> p) {
    paths.put(path, ledger.stream().filter(p).count());
    first(path, ledger, p);
  }

  private static void first(String path, List<Row> rows, Predicate<Row> p) {
    rows.stream()
        .filter(p)
        .map(r -> r.<String>getAs("id_number"))
        .min(Comparator.naturalOrder())
        .ifPresent(id -> firstOnPath.put(path, id));
  }

  private static List<String> reasons(Row r) {
    return r.getList(r.fieldIndex("reasons"));
  }

  private static List<String> held(Row r) {
    return r.getList(r.fieldIndex("held_categories"));
  }
}
