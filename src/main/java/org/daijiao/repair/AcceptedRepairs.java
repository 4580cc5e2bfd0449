package org.daijiao.repair;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.daijiao.UserFacingException;
import org.daijiao.UserFacingException.Code;
import org.daijiao.identity.IdNumber;
import org.daijiao.ingest.Source;
import org.daijiao.spark.ColumnNames;

/**
 * The repairs the data team confirmed (docs/inputs.md#id-repair, {@code --accept-repairs FILE}): a
 * CSV with the columns {@code source, source_file, line, candidate_id_number} — rows of {@code
 * quality.id_repair_candidates} as that table shows them (other columns of the table may stay and
 * are ignored). Read and checked before anything runs; whether each row names a rejected record and
 * one of its candidates is checked against the run's data by {@link RepairCheck}.
 */
public record AcceptedRepairs(String file, List<Confirmation> confirmations) {
  /** One confirmed row of the file, and the file line it is on. */
  public record Confirmation(
      String source, String sourceFile, long line, String candidate, long fileLine) {}

  /** No file given: candidates are only proposed. */
  public static final AcceptedRepairs NONE = new AcceptedRepairs(null, List.of());

  static final List<String> COLUMNS =
      List.of(
          ColumnNames.SOURCE,
          ColumnNames.SOURCE_FILE,
          ColumnNames.LINE,
          ColumnNames.CANDIDATE_ID_NUMBER);

  public AcceptedRepairs {
    confirmations = List.copyOf(confirmations);
  }

  public boolean isEmpty() {
    return confirmations.isEmpty();
  }

  /** What {@code quality.id_repair_candidates.confirmed_in} says for a row this file confirms. */
  public String label() {
    return file;
  }

  /**
   * Reads and checks the file: UTF-8 (a BOM is allowed), a header with the four columns, a known
   * roster source, a line number, a valid 18-character candidate, at most one candidate per
   * rejected row. Blank lines are skipped; a row repeated exactly counts once.
   *
   * @throws UserFacingException naming the file, its line and the problem; never quoting an ID
   */
  public static AcceptedRepairs read(Path file) {
    String name = file.toString();
    if (!Files.isRegularFile(file)) {
      throw problem(name, 0, "the accept-repairs file does not exist or is not a file");
    }
    String text;
    try {
      text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file)))
              .toString();
    } catch (CharacterCodingException e) {
      throw problem(name, 0, "not UTF-8 text; save it as UTF-8 CSV");
    } catch (IOException e) {
      throw problem(name, 0, "cannot be read (" + e.getClass().getSimpleName() + ")");
    }
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    try (Reader in = new java.io.StringReader(text);
        CSVParser parser =
            CSVFormat.RFC4180.builder().setIgnoreEmptyLines(false).build().parse(in)) {
      return parse(name, parser.getRecords());
    } catch (IOException | java.io.UncheckedIOException e) {
      throw problem(name, 0, "is not a readable CSV file (a quote is never closed)");
    }
  }

  private static AcceptedRepairs parse(String name, List<CSVRecord> records) {
    int first = 0;
    while (first < records.size() && blank(records.get(first))) {
      first++;
    }
    if (first == records.size()) {
      throw problem(name, 0, "empty file: a header row with " + String.join(", ", COLUMNS));
    }
    Map<String, Integer> header = header(name, records.get(first), first + 1);
    Map<String, Confirmation> byRecord = new LinkedHashMap<>();
    for (int i = first + 1; i < records.size(); i++) {
      CSVRecord r = records.get(i);
      if (blank(r)) {
        continue;
      }
      long fileLine = i + 1L;
      Confirmation c = confirmation(name, r, header, fileLine);
      String key = c.source() + "\u0000" + c.sourceFile() + "\u0000" + c.line();
      Confirmation earlier = byRecord.get(key);
      if (earlier != null && !earlier.candidate().equals(c.candidate())) {
        throw problem(
            name,
            fileLine,
            "confirms a second candidate for "
                + c.sourceFile()
                + " line "
                + c.line()
                + " (line "
                + earlier.fileLine()
                + " confirms another); keep the one the ID card shows");
      }
      byRecord.putIfAbsent(key, c);
    }
    return new AcceptedRepairs(name, new ArrayList<>(byRecord.values()));
  }

  private static Map<String, Integer> header(String name, CSVRecord r, long fileLine) {
    Map<String, Integer> at = new TreeMap<>();
    for (int i = 0; i < r.size(); i++) {
      at.putIfAbsent(r.get(i).strip().toLowerCase(Locale.ROOT), i);
    }
    for (String column : COLUMNS) {
      if (!at.containsKey(column)) {
        throw problem(
            name,
            fileLine,
            "required column `"
                + column
                + "` is missing; the header must name "
                + String.join(", ", COLUMNS)
                + " (the columns of quality.id_repair_candidates)");
      }
    }
    return at;
  }

  private static Confirmation confirmation(
      String name, CSVRecord r, Map<String, Integer> header, long fileLine) {
    String source = cell(r, header, ColumnNames.SOURCE);
    Optional<Source> s = source == null ? Optional.empty() : Source.ofFolder(source);
    if (s.isEmpty() || !s.get().isRoster()) {
      throw problem(
          name,
          fileLine,
          "column `source` must be civil_affairs, rural_revitalization or disability (the roster"
              + " sources whose rows are repaired)");
    }
    String sourceFile = cell(r, header, ColumnNames.SOURCE_FILE);
    if (sourceFile == null) {
      throw problem(name, fileLine, "column `source_file` is empty");
    }
    String lineText = cell(r, header, ColumnNames.LINE);
    long line;
    try {
      line = Long.parseLong(lineText == null ? "" : lineText);
    } catch (NumberFormatException e) {
      line = 0;
    }
    if (line < 1) {
      throw problem(name, fileLine, "column `line` must be the line number of the rejected row");
    }
    String raw = cell(r, header, ColumnNames.CANDIDATE_ID_NUMBER);
    IdNumber.Verdict verdict = IdNumber.parse(raw, null, null);
    if (!verdict.valid() || IdNumber.clean(raw).length() != 18) {
      throw problem(
          name,
          fileLine,
          "column `candidate_id_number` is not a valid 18-character ID number ("
              + (verdict.valid() ? "not 18 characters" : verdict.problem())
              + "); copy it from quality.id_repair_candidates");
    }
    return new Confirmation(source, sourceFile, line, verdict.id(), fileLine);
  }

  private static String cell(CSVRecord r, Map<String, Integer> header, String column) {
    int i = header.get(column);
    if (i >= r.size()) {
      return null;
    }
    String v = r.get(i).strip();
    return v.isEmpty() ? null : v;
  }

  private static boolean blank(CSVRecord r) {
    for (String v : r) {
      if (!v.isBlank()) {
        return false;
      }
    }
    return true;
  }

  /** A problem of the file, where it is and what to do; the run stops before any table changes. */
  static UserFacingException problem(String file, long line, String what) {
    return new UserFacingException(
        Code.INPUT,
        file
            + (line > 0 ? ": line " + line : "")
            + ": "
            + what
            + " — the run stopped before any table changed.");
  }
}
