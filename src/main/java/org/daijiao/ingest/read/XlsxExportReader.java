package org.daijiao.ingest.read;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.daijiao.ingest.Source;

/**
 * Reads an Excel workbook export (docs/inputs.md#formats). Departments put a title row or two above
 * the header and sometimes a cover sheet before the data, so the data sheet is the first sheet that
 * has a header row — a row within the first ten naming every required column of the source. Line
 * numbers are Excel's row numbers in that sheet.
 *
 * <p>POI's default zip limits stay in force (they refuse zip bombs); they are global settings of
 * the library and are not changed here.
 */
final class XlsxExportReader {
  /** A header may span this many rows below its first one (two-level headers with merged cells). */
  private static final int MAX_EXTRA_HEADER_ROWS = 2;

  private XlsxExportReader() {}

  /** Where the header is: first and last row of the header band (0-based) and its texts. */
  private record HeaderAt(int firstRow, int lastRow, List<String> headers) {}

  static RecordStream open(String file, byte[] content, Source source) {
    if (BinaryCheck.isOle2(content)) {
      throw new InputFileException(
          file,
          0,
          null,
          "this is an old binary .xls workbook or a password-protected one, not an .xlsx; open it"
              + " in Excel or WPS, remove any password and save it as .xlsx or .csv");
    }
    if (!BinaryCheck.isZip(content)) {
      throw new InputFileException(
          file,
          0,
          null,
          "this is not an .xlsx workbook (it is not a zip archive — maybe a CSV or text file with"
              + " an .xlsx name); rename it to .csv, or open it in Excel and save it as .xlsx");
    }
    XSSFWorkbook workbook = openWorkbook(file, content);
    // Read from bytes, the workbook holds no file handle: on success it is left open for the
    // lazy record stream and goes with it to the garbage collector.
    try {
      List<SheetGrid> sheets = new ArrayList<>();
      for (int s = 0; s < workbook.getNumberOfSheets(); s++) {
        SheetGrid sheet = new SheetGrid(workbook.getSheetAt(s));
        HeaderAt header = findHeader(sheet, source);
        if (header != null) {
          return readSheet(file, sheet, header, source);
        }
        sheets.add(sheet);
      }
      throw noHeader(file, sheets, source);
    } catch (InputFileException e) {
      closeQuietly(workbook);
      throw e;
    } catch (RuntimeException e) {
      // POI opens some damaged workbooks and fails later, e.g. on a merged region like "Bg/B3"
      // (found by jobs/fuzz.sh): still the department's file to fix, not an internal error.
      closeQuietly(workbook);
      throw damaged(file, 0, e);
    }
  }

  private static InputFileException damaged(String file, long line, RuntimeException cause) {
    return new InputFileException(
        file,
        line,
        null,
        "the workbook is damaged and cannot be read; open it in Excel or WPS and save it again as"
            + " .xlsx",
        cause);
  }

  private static XSSFWorkbook openWorkbook(String file, byte[] content) {
    try {
      return new XSSFWorkbook(new ByteArrayInputStream(content));
    } catch (IOException | RuntimeException e) {
      throw new InputFileException(
          file,
          0,
          null,
          "the workbook cannot be opened (damaged or not really an .xlsx file); open it in Excel"
              + " or WPS and save it again as .xlsx",
          e);
    } catch (LinkageError e) {
      // A Deflate64 zip entry needs commons-lang3 3.14+ in commons-compress 1.26, and Spark 3.5
      // provides 3.12 (found by jobs/fuzz.sh): refuse the file instead of ending the whole run.
      throw new InputFileException(
          file,
          0,
          null,
          "the workbook cannot be opened (it uses a zip compression, such as Deflate64, that this"
              + " installation cannot read); open it in Excel or WPS and save it again as .xlsx",
          e);
    }
  }

  private static void closeQuietly(XSSFWorkbook workbook) {
    try {
      workbook.close();
    } catch (IOException e) {
      // Nothing to release for a workbook read from bytes; the original error is what matters.
    }
  }

  private static HeaderAt findHeader(SheetGrid sheet, Source source) {
    int last = Math.min(sheet.lastRow(), HeaderLayout.HEADER_SEARCH_ROWS - 1);
    for (int r = 0; r <= last; r++) {
      if (sheet.isBlank(r)) {
        continue;
      }
      int bandEnd = Math.min(sheet.mergedDownTo(r), r + MAX_EXTRA_HEADER_ROWS);
      List<String> headers = bandHeaders(sheet, r, bandEnd);
      if (HeaderLayout.missingRequired(source, headers).isEmpty()) {
        return new HeaderAt(r, bandEnd, headers);
      }
    }
    return null;
  }

  /**
   * The header of each column in rows {@code first..last}: the lowest non-empty text, so that a
   * group header merged across columns ("地址" over "乡镇" and "村") gives way to the headers under it.
   */
  private static List<String> bandHeaders(SheetGrid sheet, int first, int last) {
    int width = 0;
    for (int r = first; r <= last; r++) {
      width = Math.max(width, sheet.width(r));
    }
    List<String> headers = new ArrayList<>(width);
    for (int c = 0; c < width; c++) {
      String h = null;
      for (int r = first; r <= last; r++) {
        String t = sheet.text(r, c);
        h = t != null && !t.isBlank() ? t : h;
      }
      headers.add(h);
    }
    return headers;
  }

  private static RecordStream readSheet(
      String file, SheetGrid sheet, HeaderAt header, Source source) {
    HeaderLayout layout = HeaderLayout.of(file, header.firstRow() + 1, source, header.headers());
    int[] nextRow = {header.lastRow() + 1};
    return new RecordStream(
        file,
        "xlsx",
        header.firstRow() + 1L,
        layout.headers(),
        () -> {
          while (nextRow[0] <= sheet.lastRow()) {
            int r = nextRow[0]++;
            try {
              if (!sheet.isBlank(r)) {
                return layout.toRecord(r + 1L, sheet.row(r, 0));
              }
            } catch (InputFileException e) {
              throw e;
            } catch (RuntimeException e) {
              throw damaged(file, r + 1L, e);
            }
          }
          return null;
        });
  }

  /** No sheet has a header: report against the first non-empty row of the first non-empty sheet. */
  private static InputFileException noHeader(String file, List<SheetGrid> sheets, Source source) {
    for (SheetGrid sheet : sheets) {
      for (int r = 0; r <= sheet.lastRow(); r++) {
        if (!sheet.isBlank(r)) {
          List<String> first = sheet.row(r, 0);
          return HeaderLayout.missingColumns(
              file,
              r + 1L,
              HeaderLayout.missingRequired(source, first),
              first,
              "no sheet has a header row in its first "
                  + HeaderLayout.HEADER_SEARCH_ROWS
                  + " rows (first row of sheet `"
                  + sheet.name()
                  + "` shown): ");
        }
      }
    }
    return ExportReader.emptyFile(file);
  }
}
