package org.daijiao.ingest.read;

import java.util.Locale;
import java.util.Objects;
import org.daijiao.ingest.Source;

/**
 * Turns one department export file into raw records with exact line numbers, or fails fast with a
 * message that names the file, the line, the column and the fix (docs/inputs.md#refused-files).
 *
 * <p>Pure static code without state: the Spark job calls it inside executors, once per file, with
 * the bytes of Spark's {@code binaryFile} source, from several threads at once.
 *
 * <p>The format comes from the file name: {@code .csv}, {@code .txt} and {@code .tsv} are CSV
 * (encoding and delimiter detected), {@code .xlsx} is an Excel workbook; an old binary {@code .xls}
 * and anything else are refused with the way to fix them.
 */
public final class ExportReader {
  private ExportReader() {}

  /**
   * Reads one export.
   *
   * @param fileName the file's name (a path is fine: only the extension is looked at), used in
   *     messages
   * @param content the whole file
   * @param source the department dataset the file belongs to (its folder)
   * @throws InputFileException when the file cannot be read as an export of {@code source}
   */
  public static ParsedFile read(String fileName, byte[] content, Source source) {
    return stream(fileName, content, source).toParsedFile();
  }

  /**
   * Checks the file's format and header now and reads its records as they are asked for: the same
   * records as {@link #read}, without holding them all (for a Spark {@code flatMap} over large
   * exports). An error further down the file is thrown while iterating.
   *
   * @throws InputFileException when the file's format or header is wrong (at once), or a record
   *     cannot be read (while iterating)
   */
  public static RecordStream stream(String fileName, byte[] content, Source source) {
    Objects.requireNonNull(fileName, "fileName");
    Objects.requireNonNull(source, "source");
    if (content == null || content.length == 0) {
      throw emptyFile(fileName);
    }
    String name = fileName.toLowerCase(Locale.ROOT);
    if (name.endsWith(".csv") || name.endsWith(".txt") || name.endsWith(".tsv")) {
      return CsvExportReader.open(fileName, content, source);
    }
    if (name.endsWith(".xlsx")) {
      return XlsxExportReader.open(fileName, content, source);
    }
    if (name.endsWith(".xls")) {
      throw new InputFileException(
          fileName,
          0,
          null,
          "old Excel .xls workbooks are not read; open the file in Excel or WPS and save as .xlsx"
              + " or .csv (\"CSV UTF-8\")");
    }
    throw new InputFileException(
        fileName,
        0,
        null,
        "unknown file type; an export must be .csv (or .txt/.tsv) or .xlsx — save it as .xlsx or"
            + " .csv, or move it out of the input folder");
  }

  static InputFileException emptyFile(String file) {
    return new InputFileException(
        file,
        0,
        null,
        "empty file, no header row; export the data again, or remove the file from the input"
            + " folder");
  }
}
