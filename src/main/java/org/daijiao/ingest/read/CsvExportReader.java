package org.daijiao.ingest.read;

import java.util.List;
import org.daijiao.ingest.Source;

/**
 * Reads a CSV export (docs/inputs.md#formats): encoding and delimiter detected, RFC 4180 quoting (a
 * quoted field may hold commas and line breaks), each record tagged with the physical line it
 * starts on so that a rejected record can be found in the file.
 */
final class CsvExportReader {
  private CsvExportReader() {}

  static RecordStream open(String file, byte[] content, Source source) {
    CsvText decoded = CsvText.decode(file, content);
    String text = decoded.text();
    if (text.isBlank()) {
      throw ExportReader.emptyFile(file);
    }
    CsvTokenizer rows = new CsvTokenizer(file, text, CsvTokenizer.detectDelimiter(text));
    List<String> firstRow = null;
    long firstRowLine = 0;
    int rowsBeforeHeader = 0;
    for (List<String> cells = rows.next(); cells != null; cells = rows.next()) {
      if (HeaderLayout.isBlank(cells)) {
        continue;
      }
      long line = rows.recordLine();
      // The header is the first row that names every required column; title rows above it (an
      // Excel sheet saved as CSV) are skipped, but only within the first few rows.
      if (HeaderLayout.missingRequired(source, cells).isEmpty()) {
        HeaderLayout layout = HeaderLayout.of(file, line, source, cells);
        return new RecordStream(
            file, decoded.format(), line, layout.headers(), () -> nextRecord(rows, layout));
      }
      if (firstRow == null) {
        firstRow = cells;
        firstRowLine = line;
      }
      if (++rowsBeforeHeader >= HeaderLayout.HEADER_SEARCH_ROWS) {
        break;
      }
    }
    if (firstRow == null) {
      throw ExportReader.emptyFile(file);
    }
    throw HeaderLayout.missingColumns(
        file, firstRowLine, HeaderLayout.missingRequired(source, firstRow), firstRow);
  }

  private static RawRecord nextRecord(CsvTokenizer rows, HeaderLayout layout) {
    for (List<String> cells = rows.next(); cells != null; cells = rows.next()) {
      if (!HeaderLayout.isBlank(cells)) {
        return layout.toRecord(rows.recordLine(), cells);
      }
    }
    return null;
  }
}
