package org.daijiao.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.daijiao.identity.IdNumber;
import org.daijiao.ingest.parse.DateParser;
import org.daijiao.ingest.read.ExportReader;
import org.daijiao.ingest.read.InputFileException;
import org.daijiao.ingest.read.ParsedFile;
import org.daijiao.ingest.read.RawRecord;
import org.daijiao.quality.RejectReason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every file of {@code src/test/resources/bad-inputs/} gets the outcome its row of {@code INDEX.md}
 * states (issue 4): read with so many records (and the detected format), or refused at once with an
 * {@link InputFileException} that names the file, the line and the column. The index is the single
 * table of cases: this test reads its rows. Pure reader code, no Spark.
 */
class BadInputCorpusTest {
  static final Path DIR = Path.of("src/test/resources/bad-inputs");
  private static final Pattern READ = Pattern.compile("read: (\\d+) records?(?:, format (\\S+))?");
  private static final Pattern REFUSED =
      Pattern.compile("refused: line (\\d+)(?:, column (\\w+))?: (.+)");

  /** One row of INDEX.md that names a corpus file. */
  record Case(String name, String file, Source source, String expected) {
    @Override
    public String toString() {
      return name + " (" + file + ")";
    }
  }

  static List<Case> cases() {
    List<Case> cases = new ArrayList<>();
    try {
      for (String line : Files.readAllLines(DIR.resolve("INDEX.md"), StandardCharsets.UTF_8)) {
        String[] cells = line.split("\\|");
        if (cells.length < 6 || !cells[2].strip().startsWith("`")) {
          continue;
        }
        String file = cells[2].strip().replace("`", "");
        String folder = cells[3].strip();
        String expected = cells[4].strip();
        if (expected.startsWith("read:") || expected.startsWith("refused:")) {
          cases.add(
              new Case(cells[1].strip(), file, Source.ofFolder(folder).orElseThrow(), expected));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return cases;
  }

  @Test
  void theIndexListsEveryCorpusFileAndOnlyThose() throws IOException {
    List<String> listed = cases().stream().map(Case::file).sorted().toList();
    List<String> present;
    try (var files = Files.list(DIR)) {
      present =
          files
              .map(p -> p.getFileName().toString())
              .filter(n -> !n.equals("INDEX.md"))
              .sorted()
              .toList();
    }
    assertThat(listed).as("files named in INDEX.md vs files in bad-inputs/").isEqualTo(present);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void eachCorpusFileGetsTheOutcomeItsIndexRowStates(Case c) throws IOException {
    byte[] content = Files.readAllBytes(DIR.resolve(c.file()));
    Matcher read = READ.matcher(c.expected());
    Matcher refused = REFUSED.matcher(c.expected());
    if (read.matches()) {
      ParsedFile f = ExportReader.read(c.file(), content, c.source());
      assertThat(f.records())
          .as("records of %s", c.file())
          .hasSize(Integer.parseInt(read.group(1)));
      if (read.group(2) != null) {
        assertThat(f.format()).as("format detected in %s", c.file()).isEqualTo(read.group(2));
      }
    } else {
      assertThat(refused.matches())
          .as("expected outcome of %s: %s", c.file(), c.expected())
          .isTrue();
      InputFileException e =
          catchThrowableOfType(
              InputFileException.class,
              () -> ExportReader.read(c.file(), content, c.source()).records());
      assertThat(e).as("%s must be refused with an InputFileException", c.file()).isNotNull();
      assertThat(e.file()).isEqualTo(c.file());
      assertThat(e.line())
          .as("line named for %s", c.file())
          .isEqualTo(Long.parseLong(refused.group(1)));
      if (refused.group(2) != null) {
        assertThat(e.column()).as("column named for %s", c.file()).isEqualTo(refused.group(2));
      }
      assertThat(e.getMessage()).startsWith(c.file() + ": ").contains(refused.group(3));
      assertThat(e.getMessage())
          .as("the message must not quote an ID number")
          .doesNotContainPattern("[0-9]{17}[0-9X]");
    }
  }

  @Test
  void extraColumnsAreKeptWithTheirHeadersAndEmbeddedCommas() throws IOException {
    RawRecord r = read("extra_unknown_columns.csv", Source.CIVIL_AFFAIRS).records().get(0);
    assertThat(r.extras()).containsEntry("联系电话", "13800000000").containsEntry("备注", "备注,含逗号");
  }

  @Test
  void recordWithAnEmbeddedLineBreakKeepsTheLineNumbersOfTheNextOnes() throws IOException {
    ParsedFile f = read("embedded_newline_comma.csv", Source.CIVIL_AFFAIRS);
    assertThat(f.records().get(0).values())
        .containsEntry("name", "张\n三")
        .containsEntry("township", "汉葭街道,东");
    assertThat(f.records()).extracting(RawRecord::line).containsExactly(2L, 4L);
  }

  @Test
  void truncatedLastRecordIsKeptWithItsMissingCellsEmpty() throws IOException {
    RawRecord cut = read("truncated_mid_record.csv", Source.CIVIL_AFFAIRS).records().get(1);
    assertThat(cut.line()).isEqualTo(3);
    assertThat(cut.values())
        .as("the cut row reaches the cleaner, which rejects it (DATE_MISSING), never dropped")
        .containsEntry("category", "特")
        .containsEntry("start_date", null);
  }

  @Test
  void mergedTwoRowHeaderUnderATitleIsReadFromItsSubHeaders() throws IOException {
    ParsedFile f = read("title_and_merged_two_row_header.xlsx", Source.CIVIL_AFFAIRS);
    assertThat(f.records()).extracting(RawRecord::line).containsExactly(4L, 5L);
    assertThat(f.records().get(1).values())
        .containsEntry("start_date", "2022-03-05")
        .containsEntry("end_date", "2022-10-31");
  }

  @Test
  void formulaCellsGiveTheirValueAndBlankRowsAreSkipped() throws IOException {
    ParsedFile f = read("blank_rows_and_formulas.xlsx", Source.CIVIL_AFFAIRS);
    assertThat(f.records()).extracting(RawRecord::line).containsExactly(3L, 6L);
    assertThat(f.records().get(1).values())
        .containsEntry("id_number", "50024319900202002X")
        .containsEntry("start_date", "2022-03-05");
  }

  @Test
  void typedCellsReadAsAClerkSeesThemAndSerialDatesParse() throws IOException {
    List<RawRecord> records = read("typed_cells.xlsx", Source.CIVIL_AFFAIRS).records();
    RawRecord zhang = records.get(0);
    assertThat(zhang.values())
        .as(
            "an 18-digit ID stored as a number (Excel kept 15 digits) reads as Excel shows it,"
                + " never as a wrong ID")
        .containsEntry("id_number", "5.00243E+17")
        .containsEntry("start_date", "2022-01-05")
        .containsEntry("end_date", "44562")
        .containsEntry("household_id", "200100057");
    assertThat(DateParser.parse(zhang.values().get("end_date")))
        .as("Excel serial 44562 is 2022-01-01")
        .isEqualTo(LocalDate.of(2022, 1, 1));
    assertThat(IdNumber.parse(zhang.values().get("id_number"), null, null).problem())
        .as("the mangled ID is rejected, not silently kept")
        .isEqualTo(RejectReason.ID_INVALID_FORMAT);
    assertThat(records.get(1).values())
        .as("a 15-digit ID stored as a number keeps its digits")
        .containsEntry("id_number", "500243800101001")
        .containsEntry("start_date", "44562");
  }

  private static ParsedFile read(String file, Source source) throws IOException {
    return ExportReader.read(file, Files.readAllBytes(DIR.resolve(file)), source);
  }
}
