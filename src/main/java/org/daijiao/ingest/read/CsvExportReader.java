package org.daijiao.ingest.read;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.daijiao.ingest.Source;

/**
 * Reads a CSV export (SPEC §4): encoding and delimiter detected, RFC 4180 quoting (a quoted field
 * may hold commas and line breaks), each record tagged with the physical line it starts on so that
 * a rejected record can be found in the file.
 */
final class CsvExportReader {
  private CsvExportReader() {}

  static ParsedFile read(String file, byte[] content, Source source) {
    CsvText decoded = CsvText.decode(file, content);
    String text = decoded.text();
    if (text.isBlank()) {
      throw ExportReader.emptyFile(file);
    }
    char delimiter = CsvScan.detectDelimiter(text);
    // RFC 4180 keeps empty lines as records, so each record's character position is its own
    // first character (with skipped empty lines it would point at the blank lines before it).
    CSVFormat format = CSVFormat.RFC4180.builder().setDelimiter(delimiter).build();
    CsvScan.LineTracker lines = new CsvScan.LineTracker(text);
    List<RawRecord> records = new ArrayList<>();
    HeaderLayout layout = null;
    long headerLine = 0;
    List<String> firstRow = null;
    long firstRowLine = 0;
    int rowsBeforeHeader = 0;
    try (CSVParser parser = CSVParser.parse(text, format)) {
      Iterator<CSVRecord> it = parser.iterator();
      while (hasNext(it, file, text, delimiter, lines)) {
        CSVRecord r = it.next();
        List<String> cells = r.toList();
        if (HeaderLayout.isBlank(cells)) {
          continue;
        }
        long line = lines.lineAt(r.getCharacterPosition());
        if (layout != null) {
          records.add(layout.toRecord(line, cells));
          continue;
        }
        // The header is the first row that names every required column; title rows above it
        // (an Excel sheet saved as CSV) are skipped, but only within the first few rows.
        if (HeaderLayout.missingRequired(source, cells).isEmpty()) {
          layout = HeaderLayout.of(file, line, source, cells);
          headerLine = line;
          continue;
        }
        if (firstRow == null) {
          firstRow = cells;
          firstRowLine = line;
        }
        if (++rowsBeforeHeader >= HeaderLayout.HEADER_SEARCH_ROWS) {
          break;
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (firstRow == null && layout == null) {
      throw ExportReader.emptyFile(file);
    }
    if (layout == null) {
      throw HeaderLayout.missingColumns(
          file, firstRowLine, HeaderLayout.missingRequired(source, firstRow), firstRow);
    }
    return new ParsedFile(file, decoded.format(), headerLine, layout.headers(), records);
  }

  /**
   * The parser's {@code hasNext} reads the next record, so this is where malformed quoting shows
   * up; it is turned into a message that names the line where the problem starts.
   */
  private static boolean hasNext(
      Iterator<CSVRecord> it, String file, String text, char delimiter, CsvScan.LineTracker lines) {
    try {
      return it.hasNext();
    } catch (UncheckedIOException | IllegalStateException e) {
      CsvScan.SyntaxError error = CsvScan.findSyntaxError(text, delimiter);
      if (error == null) {
        throw new InputFileException(
            file,
            0,
            null,
            "the CSV text is malformed (quotes do not pair up); open it in Excel or WPS and save it"
                + " again as \"CSV UTF-8\"",
            e);
      }
      throw new InputFileException(file, lines.lineAt(error.position()), null, error.problem(), e);
    }
  }
}
