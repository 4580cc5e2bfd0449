package org.daijiao.ingest.read;

import java.util.List;

/**
 * A department export read into raw records.
 *
 * @param file the file name as given to the reader (for an XLSX workbook, the sheet that was read
 *     is not added: line numbers are row numbers of the first sheet that has a valid header)
 * @param format how the bytes were read: {@code csv-utf8}, {@code csv-utf8-bom}, {@code csv-gbk},
 *     {@code csv-mixed} (some lines UTF-8, others GBK) or {@code xlsx}
 * @param headerLine 1-based line (CSV) or row (XLSX) of the header
 * @param headers the header texts as found in the file, in column order ("" for an empty header)
 * @param records the data rows in file order, blank rows left out
 */
public record ParsedFile(
    String file, String format, long headerLine, List<String> headers, List<RawRecord> records) {
  public ParsedFile {
    headers = List.copyOf(headers);
    records = List.copyOf(records);
  }
}
