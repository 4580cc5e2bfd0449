package org.daijiao;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Row;
import org.daijiao.policy.PolicyLoader;
import org.daijiao.repair.AcceptedRepairs;
import org.daijiao.spark.TableName;
import org.daijiao.spark.Tables;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 12's round trip on the fixture county: P36's civil affairs row (line 18 of minzheng_b.csv,
 * two digits swapped) confirmed in {@code repairs/fixture-county-accept.csv} reaches the ledger
 * with its right ID and the flag ID_REPAIRED, and nothing else changes: every other row of every
 * gold table is the row of the run without the file. Its own pipeline run (the one such run of the
 * suite, ~20 s): the shared fixture run is the one without the file, which this test compares with.
 */
class IdRepairRoundTripTest {
  private static final Path FIXTURE = Path.of("src/test/resources/fixture-county");
  private static final Path ACCEPT =
      Path.of("src/test/resources/repairs/fixture-county-accept.csv");
  private static final String P36 = "500243198702153614";
  private static final String P36_TYPED = "500243198702156314";
  private static final String P36_MASKED = "500243********3614";

  private static PipelineFixture.Run without;
  private static PipelineFixture.Run with;
  private static CapturedOutputs said;

  /** What the run with the file logged and printed. */
  private record CapturedOutputs(List<String> logLines, String stdout, String stderr) {}

  @BeforeAll
  static void runTheFixtureCountyWithAndWithoutTheFile() {
    without = PipelineFixture.of(FIXTURE);
    try (CapturedOutput captured = CapturedOutput.start()) {
      with =
          PipelineFixture.run(
              FIXTURE,
              PolicyLoader.bundled(),
              LocalDate.of(2022, 12, 31),
              AcceptedRepairs.read(ACCEPT));
      said = new CapturedOutputs(captured.logLines(), captured.stdout(), captured.stderr());
    }
  }

  private static List<Row> rows(PipelineFixture.Run run, TableName table, Column filter) {
    return run.table(table).filter(filter).collectAsList();
  }

  private static final Map<String, List<String>> TEXT = new HashMap<>();

  /** A (tiny) table of a run as the text of its rows, read once. */
  private static synchronized List<String> text(PipelineFixture.Run run, TableName table) {
    return TEXT.computeIfAbsent(
        (run == with ? "with " : "without ") + table,
        k -> run.table(table).collectAsList().stream().map(Row::toString).sorted().toList());
  }

  /** Rows of {@code table} in one run and not in the other (duplicates counted). */
  private static List<String> onlyIn(
      PipelineFixture.Run a, PipelineFixture.Run b, TableName table) {
    List<String> rest = new ArrayList<>(text(a, table));
    text(b, table).forEach(rest::remove);
    return rest;
  }

  @Test
  void theConfirmedPersonReachesTheLedgerWithTheFlag() {
    assertThat(rows(without, Tables.SUBSIDY_LEDGER, col("id_number").equalTo(P36)))
        .as("P36 without the file: the row is rejected, so P36 is not decided")
        .isEmpty();
    List<Row> ledger = rows(with, Tables.SUBSIDY_LEDGER, col("id_number").equalTo(P36));
    assertThat(ledger).as("P36's ledger rows with the file").hasSize(1);
    Row p36 = ledger.get(0);
    assertThat(p36.<String>getAs("category")).as("P36's category").isEqualTo("DIBAO");
    assertThat(p36.<String>getAs("status")).isEqualTo("AWAITING_SELF_PAYMENT");
    assertThat(p36.getList(p36.fieldIndex("flags")))
        .as("P36's ledger flags: the ID was repaired")
        .containsExactly("ID_REPAIRED");
  }

  @Test
  void theRowKeepsItsLineageAndLeavesTheRejects() {
    Row person = rows(with, Tables.PERSONS, col("id_number").equalTo(P36)).get(0);
    assertThat(person.getList(person.fieldIndex("id_repairs")))
        .as("silver.persons.id_repairs of P36")
        .extracting(Object::toString)
        .containsExactly(
            "[civil_affairs,civil_affairs/minzheng_b.csv,18,500243********6314," + ACCEPT + "]");
    Column line18 =
        col("source_file").equalTo("civil_affairs/minzheng_b.csv").and(col("line").equalTo(18));
    assertThat(rows(without, Tables.REJECTED_RECORDS, line18)).hasSize(1);
    assertThat(rows(with, Tables.REJECTED_RECORDS, line18))
        .as("line 18 in quality.rejected_records once it is read")
        .isEmpty();
    assertThat(rows(with, Tables.ID_REPAIR_CANDIDATES, line18))
        .as("line 18's candidates: the one confirmed, and by which file")
        .singleElement()
        .satisfies(r -> assertThat(r.<String>getAs("confirmed_in")).isEqualTo(ACCEPT.toString()));
    assertThat(onlyIn(with, without, Tables.INGEST_RECONCILIATION))
        .as("reconciliation: civil affairs has one row more accepted and one less rejected")
        .containsExactly("[civil_affairs,34,33,1]");
  }

  @Test
  void nothingElseChangesInAnyGoldTable() {
    for (TableName t :
        List.of(Tables.ELIGIBILITY, Tables.SUBSIDY_LEDGER, Tables.REACHING_PENSION_AGE)) {
      assertThat(onlyIn(with, without, t))
          .as("%s rows added by the file: P36's only", t)
          .allSatisfy(r -> assertThat(r).contains(P36));
      assertThat(onlyIn(without, with, t)).as("%s rows removed by the file", t).isEmpty();
    }
    assertThat(onlyIn(without, with, Tables.WORKLIST))
        .as("work-list rows gone: P36's FIX_ID")
        .singleElement()
        .satisfies(r -> assertThat(r).contains("FIX_ID").contains("minzheng_b.csv,18"));
    assertThat(onlyIn(with, without, Tables.WORKLIST))
        .as("work-list rows new: P36 must pay the own part of 30")
        .singleElement()
        .satisfies(r -> assertThat(r).contains(P36_MASKED).contains("PAY_SELF_PART"));
    assertThat(onlyIn(without, with, Tables.DEPARTMENT_FUNDING))
        .singleElement()
        .satisfies(r -> assertThat(r).contains("CIVIL_AFFAIRS").contains("REGULAR,DIRECT"));
    assertThat(onlyIn(with, without, Tables.COVERAGE_STATS))
        .as(
            "coverage rows changed: county, 汉葭街道 and 鼓楼社区, ALL and DIBAO, each with P36 in"
                + " the target (+1), eligible, insured, unpaid, 70 yuan, and one unresolved row"
                + " less (P37's remains in the county)")
        .containsExactly(
            "[2022,COUNTY,null,null,ALL,26,24,0.9231,23,4,0.1538,1790.00,2022-12-31,1]",
            "[2022,COUNTY,null,null,DIBAO,19,18,0.9474,16,2,0.1053,1120.00,2022-12-31,1]",
            "[2022,TOWNSHIP,汉葭街道,null,ALL,12,11,0.9167,12,2,0.1667,960.00,2022-12-31,0]",
            "[2022,TOWNSHIP,汉葭街道,null,DIBAO,8,8,1.0000,8,2,0.2500,560.00,2022-12-31,0]",
            "[2022,VILLAGE,汉葭街道,鼓楼社区,ALL,7,6,0.8571,7,2,0.2857,580.00,2022-12-31,0]",
            "[2022,VILLAGE,汉葭街道,鼓楼社区,DIBAO,4,4,1.0000,4,2,0.5000,280.00,2022-12-31,0]");
    assertThat(onlyIn(without, with, Tables.COVERAGE_STATS)).as("the rows they replace").hasSize(6);
  }

  @Test
  void theRunWithTheFileLogsAndPrintsNoIdOfThePerson() {
    assertThat(said.logLines()).as("the capture heard the run").hasSizeGreaterThan(100);
    for (String id : List.of(P36, P36_TYPED, "512728197503030032")) {
      assertThat(said.logLines())
          .as("log lines of the run with the file")
          .noneMatch(l -> l.contains(id));
      assertThat(said.stdout() + said.stderr()).doesNotContain(id);
    }
  }
}
