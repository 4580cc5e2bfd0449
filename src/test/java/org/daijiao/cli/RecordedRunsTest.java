package org.daijiao.cli;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.daijiao.DataFrames;
import org.daijiao.PipelineFixture;
import org.daijiao.SampleIdentities;
import org.daijiao.TestSpark;
import org.daijiao.ingest.BronzeColumns;
import org.daijiao.ops.LockHolder;
import org.daijiao.ops.RunColumns;
import org.daijiao.ops.RunHistory;
import org.daijiao.ops.RunRecord;
import org.daijiao.ops.WarehouseLock;
import org.daijiao.policy.PolicyLoader;
import org.daijiao.spark.ColumnNames;
import org.daijiao.spark.TableName;
import org.daijiao.spark.TableWriter;
import org.daijiao.spark.Tables;
import org.daijiao.spark.Warehouse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Issue 10, runs and history, through the command line on the fixture county: its warehouse (the
 * shared pipeline run) is copied and run again with the same inputs and as_of ({@code run}), then
 * resolved as of 30 June ({@code resolve}) and decided ({@code decide}, which goes on with the
 * parameters the silver tables recorded: June's). Each command records itself in {@code ops.runs};
 * the same inputs change no row; {@code sql --run} reads a run's versions, plain {@code sql} the
 * last finished run's; {@code diff} names who entered the ledger since June; unknown runs, another
 * policy file and a second writer get one clear line and exit code 1; nothing printed names a
 * person. One extra pipeline run (the re-run, which is what is tested) and two stages.
 *
 * <p>Slow (about 2 minutes: the re-run is a whole pipeline run through the command line): run by
 * {@code .ci/run} in its own step and by {@code mvn verify -Pslow}, not by the default build.
 */
@Tag("slow")
class RecordedRunsTest {
  private static final Path FIXTURE = Path.of("src/test/resources/fixture-county");

  /** P08 of fixture-county.md: DIBAO from 2022-09-15, so in the December ledger, not June's. */
  private static final String P08 = "500243199204120881";

  private static final List<String> RUN_ARGUMENTS = new ArrayList<>();
  private static PipelineFixture.Run fixture;
  private static Warehouse warehouse;
  private static String root;
  private static CliRun rerun;
  private static CliRun resolveJune;
  private static CliRun decideJune;
  private static RunRecord resolved;
  private static RunRecord december;
  private static RunRecord june;
  private static CliRun runsList;
  private static CliRun runsOne;
  private static CliRun diff;
  private static Path diffOut;

  @BeforeAll
  static void runTheFixtureCountyAgainThenAsOfJune() throws IOException {
    fixture = PipelineFixture.of(FIXTURE);
    Path copy = PipelineFixture.tempDir("recorded-runs");
    copyTree(Path.of(fixture.warehouse().root()), copy);
    // The shared run wrote its tables without the command line. Marked as a warehouse of this
    // version with the bundled horizon, so that the re-run need not first give its 20 tables the
    // audit horizon (20 commits; that upgrade is RetentionTest's).
    Files.createDirectories(copy.resolve("_daijiao"));
    Files.writeString(
        copy.resolve("_daijiao/warehouse.json"),
        "{\"format\":1,\"written_by\":\"0.1.0\",\"audit_horizon_years\":10}");
    root = copy.toString();
    warehouse = new Warehouse(root);

    RUN_ARGUMENTS.addAll(
        List.of(
            "--input",
            FIXTURE.toString(),
            "--warehouse",
            root,
            "--year",
            "2022",
            "--as-of",
            "2022-12-31"));
    List<String> run = new ArrayList<>(List.of("run"));
    run.addAll(RUN_ARGUMENTS);
    rerun = CliRun.of(run.toArray(String[]::new));
    resolveJune = CliRun.of("resolve", "--warehouse", root, "--as-of", "2022-06-30");
    decideJune = CliRun.of("decide", "--warehouse", root);

    List<RunRecord> runs = RunHistory.read(spark(), warehouse).newestFirst();
    assertThat(runs).as("three recorded runs, newest first").hasSize(3);
    june = runs.get(0);
    resolved = runs.get(1);
    december = runs.get(2);

    runsList = CliRun.of("runs", "--warehouse", root, "--format", "csv");
    runsOne = CliRun.of("runs", "--warehouse", root, "--run", december.runId());
    diffOut = PipelineFixture.tempDir("diff-out").resolve("follow-up");
    diff =
        CliRun.of(
            "diff",
            "--warehouse",
            root,
            "--from",
            june.runId(),
            "--to",
            december.runId(),
            "--out",
            diffOut.toString());
  }

  private static SparkSession spark() {
    return TestSpark.session();
  }

  @Test
  void everyCommandExitsCleanly() {
    assertThat(rerun.exitCode()).as("run; stderr: %s", rerun.err()).isZero();
    assertThat(resolveJune.exitCode()).as("resolve; stderr: %s", resolveJune.err()).isZero();
    assertThat(decideJune.exitCode()).as("decide; stderr: %s", decideJune.err()).isZero();
    assertThat(List.of(december.command(), resolved.command(), june.command()))
        .containsExactly("run", "resolve", "decide");
    assertThat(june.asOf())
        .as("decide went on with the silver tables' as_of")
        .hasToString("2022-06-30");
    assertThat(rerun.err()).contains(december.runId() + " recorded in ops.runs: SUCCEEDED");
  }

  @Test
  void theRunRecordsItsArgumentsPolicyInputsCountsAndVersions() throws Exception {
    RunRecord r = december;
    assertThat(r.arguments()).as("arguments as given").isEqualTo(RUN_ARGUMENTS);
    assertThat(r.outcome()).isEqualTo(RunRecord.Outcome.SUCCEEDED);
    assertThat(r.errorClass()).isNull();
    assertThat(r.endedAt()).isAfter(r.startedAt());
    assertThat(r.policyFile()).isEqualTo("bundled:policy/2022.yaml");
    assertThat(r.policySha256()).isEqualTo(PolicyLoader.origin(null, 2022).sha256());
    assertThat(r.policyYear()).isEqualTo(2022);
    assertThat(r.asOf()).isEqualTo(LocalDate.of(2022, 12, 31));
    assertThat(r.inputDir()).isEqualTo(FIXTURE.toAbsolutePath().toString());

    Map<String, String> expectedFiles = new LinkedHashMap<>();
    try (Stream<Path> files = Files.walk(FIXTURE)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        expectedFiles.put(FIXTURE.relativize(f).toString(), sha256(f) + " " + Files.size(f));
      }
    }
    Map<String, String> recorded = new LinkedHashMap<>();
    r.inputFiles().forEach(f -> recorded.put(f.file(), f.sha256() + " " + f.bytes()));
    assertThat(recorded).as("every input file with its SHA-256 and size").isEqualTo(expectedFiles);

    Map<String, List<Long>> reconciliation = new LinkedHashMap<>();
    for (Row row : warehouse.read(spark(), Tables.INGEST_RECONCILIATION).collectAsList()) {
      reconciliation.put(
          row.getAs(ColumnNames.SOURCE),
          List.of(
              row.<Long>getAs(ColumnNames.ROWS_READ),
              row.<Long>getAs(ColumnNames.ROWS_ACCEPTED),
              row.<Long>getAs(ColumnNames.ROWS_REJECTED)));
    }
    Map<String, List<Long>> sources = new LinkedHashMap<>();
    r.sources()
        .forEach(c -> sources.put(c.source(), List.of(c.read(), c.accepted(), c.rejected())));
    assertThat(sources)
        .as("rows read/accepted/rejected per source, as quality.ingest_reconciliation says")
        .isEqualTo(reconciliation);

    for (TableName t : warehouse.tables(spark())) {
      if (t.equals(Tables.RUNS)) {
        continue;
      }
      // Delta records no commit for an empty table overwritten with no rows (the fixture county
      // has no rejects and no identity conflicts).
      boolean empty = fixture.table(t).isEmpty();
      assertThat(r.tablesWritten().get(t.qualified()))
          .as("the version of %s the run wrote: the one after the shared run's", t)
          .isEqualTo(empty ? null : 1L);
      assertThat(r.tableVersions().get(t.qualified()))
          .as("the version of %s when the run ended", t)
          .isEqualTo(empty ? 0L : 1L);
    }
    assertThat(
            warehouse
                .read(spark(), Tables.bronze("civil_affairs"))
                .select(col(BronzeColumns.BATCH_ID))
                .distinct()
                .collectAsList())
        .as("bronze rows carry the run id as their batch")
        .containsExactly(org.apache.spark.sql.RowFactory.create(r.runId()));
    assertThat(june.tablesWritten().keySet())
        .containsExactly("gold.eligibility", "gold.reaching_pension_age", "gold.subsidy_ledger");
    assertThat(june.sources()).as("decide reads no input rows").isNull();
    assertThat(june.inputFiles()).as("decide reads no input files").isNull();
  }

  @Test
  void reRunningTheSameInputsWithTheSameAsOfChangesNoGoldRow() {
    for (TableName t : Tables.GOLD) {
      DataFrames.assertSameRows(fixture.table(t), at(t, december));
    }
  }

  private static org.apache.spark.sql.Dataset<Row> at(TableName t, RunRecord r) {
    return spark()
        .read()
        .format("delta")
        .option("versionAsOf", r.versionOf(t.qualified()))
        .load(warehouse.pathOf(t));
  }

  @Test
  void runsListsTheRunsNewestFirstAndOneRunInFull() {
    CliRun list = runsList;
    assertThat(list.exitCode()).as("stderr: %s", list.err()).isZero();
    List<String> lines = list.out().lines().toList();
    assertThat(lines.get(0)).startsWith(RunColumns.RUN_ID + "," + RunColumns.COMMAND + ",");
    assertThat(lines.subList(1, lines.size()))
        .extracting(l -> l.substring(0, l.indexOf(',')))
        .containsExactly(june.runId(), resolved.runId(), december.runId());

    CliRun one = runsOne;
    assertThat(one.exitCode()).as("stderr: %s", one.err()).isZero();
    assertThat(one.out())
        .contains("civil_affairs/minzheng_a.csv")
        .contains(december.inputFiles().get(0).sha256())
        .contains("bundled:policy/2022.yaml")
        .contains("gold.subsidy_ledger");
  }

  @Test
  void sqlReadsEveryTableAsTheChosenRunLeftItAndByDefaultTheLatestFinished() {
    String query =
        "SELECT l.as_of, count(*) AS n, max(s.as_of) AS stats_as_of FROM gold.subsidy_ledger l,"
            + " gold.coverage_stats s WHERE s.level = 'COUNTY' AND s.category = 'ALL' GROUP BY"
            + " l.as_of";
    long decemberLedger = fixture.table(Tables.SUBSIDY_LEDGER).count();
    CliRun atDecember =
        CliRun.of("sql", "--warehouse", root, "--format", "csv", "--run", december.runId(), query);
    assertThat(atDecember.exitCode()).as("stderr: %s", atDecember.err()).isZero();
    assertThat(atDecember.out())
        .isEqualTo("as_of,n,stats_as_of\n2022-12-31," + decemberLedger + ",2022-12-31\n");

    // decide ran as of June and stats did not run again: June's ledger, December's statistics.
    CliRun latest = CliRun.of("sql", "--warehouse", root, "--format", "csv", query);
    assertThat(latest.out())
        .startsWith("as_of,n,stats_as_of\n2022-06-30,")
        .endsWith(",2022-12-31\n");
    assertThat(latest.err()).as("no note: no unfinished run wrote after the last").isEmpty();
  }

  @Test
  void theLastFinishedRunLeavesItsVersionsForReadersAndAnUnreadableMarkerIsNone()
      throws IOException {
    Path file = Path.of(root, "_daijiao", "finished-run.json");
    Map<?, ?> marker =
        new com.fasterxml.jackson.databind.ObjectMapper().readValue(file.toFile(), Map.class);
    assertThat(marker.get("run_id")).isEqualTo(june.runId());
    Map<String, Long> versions = new LinkedHashMap<>();
    ((Map<?, ?>) marker.get("versions"))
        .forEach((t, v) -> versions.put((String) t, ((Number) v).longValue()));
    assertThat(versions).isEqualTo(june.tableVersions());

    // Only a shortcut past ops.runs: garbage in its place, and the reader finds June's ledger
    // there.
    Warehouse w = new Warehouse(PipelineFixture.tempDir("bad-marker").toString());
    copyTreeUnchecked(Path.of(root), Path.of(w.root()));
    Files.writeString(Path.of(w.root(), "_daijiao", "finished-run.json"), "{not json");
    CliRun reader =
        CliRun.of(
            "sql",
            "--warehouse",
            w.root(),
            "--format",
            "csv",
            "SELECT count(*) FROM gold.subsidy_ledger");
    assertThat(reader.exitCode()).as("stderr: %s", reader.err()).isZero();
    assertThat(reader.out())
        .isEqualTo("count(1)\n" + at(Tables.SUBSIDY_LEDGER, june).count() + "\n");
  }

  @Test
  void aReaderSeesTheLastFinishedRunWhileALaterRunHasWrittenOnlySomeTables() {
    // What a run killed between two gold tables leaves: a newer ledger, no record of the run.
    Warehouse w = new Warehouse(PipelineFixture.tempDir("half-written").toString());
    copyTreeUnchecked(Path.of(root), Path.of(w.root()));
    TableWriter writer = new TableWriter(spark(), w);
    writer.replaceYear(
        org.daijiao.decide.GoldColumns.SUBSIDY_LEDGER,
        w.read(spark(), Tables.SUBSIDY_LEDGER).limit(1),
        2022);
    String query = "SELECT count(*) FROM gold.subsidy_ledger";
    CliRun reader = CliRun.of("sql", "--warehouse", w.root(), "--format", "csv", query);
    assertThat(reader.out())
        .as("the ledger as the last finished run (decide, June) left it, not the half-written one")
        .isEqualTo("count(1)\n" + at(Tables.SUBSIDY_LEDGER, june).count() + "\n");
    assertThat(reader.err())
        .contains("gold.subsidy_ledger is read at version " + june.versionOf("gold.subsidy_ledger"))
        .contains("a later run that did not finish");
  }

  @Test
  void diffNamesWhoEnteredTheLedgerSinceJuneWithMaskedIdsAndWritesTheFullCsv() throws Exception {
    Path out = diffOut;
    assertThat(diff.exitCode()).as("stderr: %s", diff.err()).isZero();
    String masked = P08.substring(0, 6) + "********" + P08.substring(14);
    assertThat(diff.out())
        .contains("subsidy ledger: ")
        .containsPattern("ENTERED +\\| " + java.util.regex.Pattern.quote(masked))
        .doesNotContain(P08);
    String csv = Files.readString(out.resolve(DiffCommand.CHANGES_FILE));
    assertThat(csv).as("the data team's CSV holds the full ID").contains("ENTERED," + P08 + ",田八");
    assertThat(Files.readString(out.resolve(DiffCommand.COVERAGE_FILE)))
        .startsWith("level,township,target_from,target_to,")
        .contains("COUNTY,,");
    assertThat(
            PosixFilePermissions.toString(
                Files.getPosixFilePermissions(out.resolve(DiffCommand.CHANGES_FILE))))
        .as("owner-only: it holds IDs and names")
        .isEqualTo("rw-------");
  }

  @Test
  void anUnknownRunIdIsOneClearLineAndExitCodeOne() {
    for (String[] args :
        List.of(
            new String[] {"sql", "--warehouse", root, "--run", "20990101T000000-dead", "SELECT 1"},
            new String[] {"diff", "--warehouse", root, "--from", "nope", "--to", december.runId()},
            new String[] {"runs", "--warehouse", root, "--run", "nope"})) {
      CliRun r = CliRun.of(args);
      assertThat(r.exitCode()).as("%s", String.join(" ", args)).isEqualTo(1);
      assertThat(r.err())
          .as("%s", String.join(" ", args))
          .contains("no run with this id is recorded in " + root)
          .contains("bin/daijiao runs")
          .doesNotContain("Exception")
          .hasLineCount(1);
    }
  }

  @Test
  void diffRefusesRunsOfDifferentPolicyFilesUnlessAskedTo() {
    // Only the run records are needed: the policy files are compared before any table is read.
    Warehouse w = new Warehouse(PipelineFixture.tempDir("other-policy").toString());
    RunRecord edited =
        new RunRecord(
            "20221001T020000-beef",
            june.command(),
            june.arguments(),
            june.daijiaoVersion(),
            june.warehouseFormat(),
            "/etc/daijiao/policy/2022.yaml",
            "0".repeat(64),
            june.policyYear(),
            june.asOf(),
            june.inputDir(),
            june.inputFiles(),
            june.sources(),
            june.tablesWritten(),
            june.tableVersions(),
            Instant.now(),
            Instant.now(),
            RunRecord.Outcome.SUCCEEDED,
            null);
    new TableWriter(spark(), w)
        .append(
            RunColumns.RUNS,
            spark()
                .createDataFrame(
                    List.of(edited.toRow(), december.toRow()), RunColumns.RUNS.schema()));

    CliRun refused =
        CliRun.of(
            "diff", "--warehouse", w.root(), "--from", edited.runId(), "--to", december.runId());
    assertThat(refused.exitCode()).isEqualTo(1);
    assertThat(refused.err())
        .startsWith(
            "daijiao: Runs "
                + edited.runId()
                + " and "
                + december.runId()
                + " used different policy files (/etc/daijiao/policy/2022.yaml sha256 000000000000…,"
                + " bundled:policy/2022.yaml sha256 ")
        .contains("--allow-policy-change")
        .hasLineCount(1);
  }

  @Test
  void aSecondWriterStopsAtOnceWhileReadersGoOn() {
    LockHolder holder = LockHolder.of("20220905T020000-abcd", "run", List.of(), Instant.now());
    try (WarehouseLock held = WarehouseLock.acquire(spark(), warehouse, holder, Duration.ZERO)) {
      CliRun second = CliRun.of("stats", "--warehouse", root);
      assertThat(second.exitCode()).isEqualTo(1);
      assertThat(second.err())
          .startsWith("daijiao: another daijiao run (run id 20220905T020000-abcd, started ")
          .contains(") is writing to " + root)
          .hasLineCount(1);
      CliRun reader = CliRun.of("sql", "--warehouse", root, "--format", "csv", "SELECT 1 AS one");
      assertThat(reader.exitCode()).as("readers take no lock; stderr: %s", reader.err()).isZero();
    }
    assertThat(RunHistory.read(spark(), warehouse).newestFirst())
        .as("a run that never got the lock is not recorded")
        .hasSize(3);
  }

  @Test
  void nothingTheRecordedCommandsPrintNamesAPersonOrQuotesAnId() {
    SampleIdentities people = SampleIdentities.of(FIXTURE);
    assertThat(people.ids18()).as("IDs to look for").hasSizeGreaterThan(20);
    for (CliRun r : List.of(rerun, resolveJune, decideJune, runsList, runsOne, diff)) {
      assertThat(people.firstLeakIn(r.out())).as("stdout: %s", r.out()).isNull();
      assertThat(people.firstLeakIn(r.err())).as("stderr: %s", r.err()).isNull();
    }
  }

  private static String sha256(Path f) throws Exception {
    return HexFormat.of()
        .formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(f)));
  }

  private static void copyTreeUnchecked(Path from, Path to) {
    try {
      copyTree(from, to);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> tree = Files.walk(from)) {
      for (Path p : tree.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else if (!p.getFileName().toString().equals("lock")) {
          Files.copy(p, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
  }
}
