package org.daijiao.cli;

import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.daijiao.DataFrames.frame;
import static org.daijiao.DataFrames.row;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import org.daijiao.FaultyFileSystem;
import org.daijiao.PipelineFixture;
import org.daijiao.TestSpark;
import org.daijiao.ops.RecordedRun;
import org.daijiao.ops.WarehouseCheck;
import org.daijiao.spark.ColumnNames;
import org.daijiao.spark.ColumnSpec;
import org.daijiao.spark.Progress;
import org.daijiao.spark.TableCheck;
import org.daijiao.spark.TableContract;
import org.daijiao.spark.TableName;
import org.daijiao.spark.TableWriter;
import org.daijiao.spark.Warehouse;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every kind of damage a table's folder can have (docs/operations.md, "A damaged table, a full
 * disk") stops {@code sql}, {@code maintain --check} and a run before it writes, with one line on
 * stderr naming the table, what is wrong and the way out — not "internal error" — and nothing is
 * written. The run is checked through {@link WarehouseCheck#checkBeforeWriting}, the entry point
 * the run's pipeline calls before its first write, and the exit code and line {@link Main} makes of
 * what it throws. A warehouse of one finished run with two tiny tables, no pipeline.
 *
 * <p>A folder without read permission: the tests run as root, whom {@code chmod 000} does not stop,
 * so {@link FaultyFileSystem} refuses the folder as the kernel does for another user (listing and
 * opening refused, the files inside not seen).
 */
class DamagedTableTest {
  private static final TableName GOLD = new TableName("gold", "tiny");
  private static final TableName SILVER = new TableName("silver", "tiny");

  /** The damage a test does, and the start of what the one line then says after the table. */
  enum Damage {
    LOG_CUT_MID_LINE("its Delta log is damaged — its log file 00000000000000000000.json cannot be"),
    LOG_CUT_AT_A_LINE("its Delta log fails its checksum — its log lists 1 data file of "),
    MISSING_DATA_FILE("a data file is missing — 1 of the 2 data files its log lists is not there"),
    DATA_FILE_OF_ANOTHER_SIZE("a data file has another size than its log records — 1 of the 2"),
    MISSING_DELTA_LOG("its Delta log is missing — its folder has no _delta_log"),
    FOLDER_WITHOUT_READ_PERMISSION("it cannot be read (permission denied)");

    final String says;

    Damage(String says) {
      this.says = says;
    }
  }

  private static SparkSession spark() {
    return TestSpark.session();
  }

  private static TableContract contract(TableName table) {
    return TableContract.of(
        table,
        "小表",
        "a tiny table of the damage test",
        ColumnSpec.required(ColumnNames.POLICY_YEAR, IntegerType, "政策年度", "the year"),
        ColumnSpec.required("word", StringType, "词", "a word"));
  }

  /** A warehouse of one finished run that wrote two tables of ten rows in two data files each. */
  private static Warehouse finishedRun() {
    Warehouse w = new Warehouse(PipelineFixture.tempDir("damaged").toString());
    RecordedRun.record(
        spark(),
        w,
        Progress.silent(),
        "run",
        List.of(),
        Duration.ZERO,
        run -> {
          TableWriter writer = new TableWriter(spark(), w);
          for (TableName t : List.of(SILVER, GOLD)) {
            writer.replace(
                contract(t),
                frame(
                        contract(t).schema(),
                        java.util.stream.IntStream.range(0, 10)
                            .mapToObj(i -> row(2022, "word " + i))
                            .toArray(org.apache.spark.sql.Row[]::new))
                    .repartition(2));
          }
          return null;
        });
    return w;
  }

  @ParameterizedTest
  @EnumSource(Damage.class)
  void aDamagedTableStopsSqlMaintainCheckAndARunWithOneLineAndNothingIsWritten(Damage damage)
      throws IOException {
    Warehouse w = finishedRun();
    Path gold = Path.of(w.pathOf(GOLD));
    try (FaultyFileSystem.Installed fs = FaultyFileSystem.install(spark())) {
      damage(damage, gold, fs);
      Map<String, Long> before = files(w);
      String expected = "daijiao: Table gold.tiny is damaged: " + damage.says;
      String wayOut =
          damage == Damage.FOLDER_WITHOUT_READ_PERMISSION
              ? "give the user that runs daijiao read access to " + w.root() + "/gold/tiny"
              : "restore it from the last backup (bin/daijiao restore --from DIR --warehouse "
                  + w.root()
                  + "); a rerun cannot bring it back";

      CliRun sql = CliRun.of("sql", "--warehouse", w.root(), "SELECT count(*) FROM gold.tiny");
      assertThat(sql.exitCode()).as(sql.err()).isEqualTo(1);
      assertThat(sql.err()).startsWith(expected).contains(wayOut).hasLineCount(1);
      assertThat(sql.err()).doesNotContain("internal error").doesNotContain("ERROR");

      CliRun check = CliRun.of("maintain", "--check", "--warehouse", w.root());
      assertThat(check.exitCode()).as(check.err()).isEqualTo(1);
      assertThat(check.err()).startsWith(expected).contains(wayOut).hasLineCount(1);
      assertThat(check.out())
          .contains("OK      silver.tiny  version 0, as the last finished run left it")
          .contains("DAMAGED gold.tiny    Table gold.tiny is damaged: " + damage.says)
          .contains("OK      ops.runs     latest version");

      // A run: every table is checked before the lock is taken and anything is written.
      CliRun run =
          CliRun.of("run", "--input", "src/test/resources/fixture-county", "--warehouse", w.root());
      assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
      assertThat(run.err()).startsWith(expected).contains(wayOut).hasLineCount(1);
      assertThat(run.err()).doesNotContain("internal error").doesNotContain("ERROR");

      // The same check, as the pipeline's entry point, and Main's line of it.
      TableCheck.DamagedTableException stopped =
          catchThrowableOfType(
              TableCheck.DamagedTableException.class,
              () -> WarehouseCheck.checkBeforeWriting(spark(), w, List.of(SILVER, GOLD)));
      assertThat(stopped).as("the run is stopped").isNotNull();
      assertThat(stopped.damage()).extracting(d -> d.table()).containsExactly(GOLD);
      assertThat(lineOf(stopped)).startsWith(expected).contains(wayOut).hasLineCount(1);

      assertThat(files(w)).as("nothing written, not even a run record").isEqualTo(before);
    }
  }

  /** What {@link Main} prints for an exception, and its exit code. */
  private static String lineOf(RuntimeException e) {
    PrintStream stderr = System.err;
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    try {
      assertThat(Main.reportFailure(e, false)).isEqualTo(1);
    } finally {
      System.setErr(stderr);
    }
    return err.toString(StandardCharsets.UTF_8);
  }

  private static void damage(Damage damage, Path table, FaultyFileSystem.Installed fs)
      throws IOException {
    Path commit = table.resolve("_delta_log/00000000000000000000.json");
    List<Path> dataFiles = dataFiles(table);
    assertThat(dataFiles).as("two data files").hasSize(2);
    switch (damage) {
      case LOG_CUT_MID_LINE -> {
        byte[] bytes = Files.readAllBytes(commit);
        Files.write(commit, java.util.Arrays.copyOf(bytes, bytes.length / 2));
      }
      case LOG_CUT_AT_A_LINE -> {
        // The last line is the second file's add action: every line left parses.
        List<String> lines = new ArrayList<>(Files.readAllLines(commit));
        assertThat(lines.get(lines.size() - 1)).startsWith("{\"add\"");
        Files.writeString(commit, String.join("\n", lines.subList(0, lines.size() - 1)));
      }
      case MISSING_DATA_FILE -> Files.delete(dataFiles.get(0));
      case DATA_FILE_OF_ANOTHER_SIZE ->
          Files.write(
              dataFiles.get(1), new byte[] {0, 0, 0}, java.nio.file.StandardOpenOption.APPEND);
      case MISSING_DELTA_LOG -> {
        try (Stream<Path> log = Files.walk(table.resolve("_delta_log"))) {
          for (Path p : log.sorted(java.util.Comparator.reverseOrder()).toList()) {
            Files.delete(p);
          }
        }
      }
      case FOLDER_WITHOUT_READ_PERMISSION -> fs.deniedUnder(table.toString());
    }
  }

  /** The data files the table's first commit adds (a folder may hold others, empty ones). */
  private static List<Path> dataFiles(Path table) throws IOException {
    java.util.regex.Matcher add =
        java.util.regex.Pattern.compile("\\{\"add\":\\{\"path\":\"([^\"]+)\"")
            .matcher(Files.readString(table.resolve("_delta_log/00000000000000000000.json")));
    List<Path> files = new ArrayList<>();
    while (add.find()) {
      files.add(table.resolve(add.group(1)));
    }
    return files;
  }

  /** Every file of the warehouse and its size: what a write would change. */
  private static Map<String, Long> files(Warehouse w) {
    Map<String, Long> out = new TreeMap<>();
    try (Stream<Path> all = Files.walk(Path.of(w.root()))) {
      for (Path p : all.filter(Files::isRegularFile).toList()) {
        out.put(p.toString(), Files.size(p));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }
}
