package org.daijiao.generate;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Writes an {@link ExportFile} as CSV in a given charset, or as an XLSX workbook. */
final class ExportWriter {
  /** Core properties of every workbook: fixed, so the same seed gives the same bytes. */
  private static final LocalDateTime FIXED_LOCAL_TIME = LocalDateTime.of(2022, 9, 1, 8, 0);

  private static final Date FIXED_TIME = Date.from(FIXED_LOCAL_TIME.toInstant(ZoneOffset.UTC));

  private ExportWriter() {}

  /** The folder of the file's source under {@code out}, created if needed. */
  static Path target(Path out, ExportFile file) throws IOException {
    Path dir = out.resolve(file.source().folder());
    Files.createDirectories(dir);
    return dir.resolve(file.fileName());
  }

  /**
   * CSV with CRLF line ends as spreadsheet programs write it; {@code bom} prefixes U+FEFF (Excel's
   * "CSV UTF-8"). A value the charset cannot hold is an error, never a silent {@code ?}.
   */
  static void csv(Path out, ExportFile file, Charset charset, boolean bom) throws IOException {
    Path path = target(out, file);
    try (OutputStream os = Files.newOutputStream(path);
        Writer w =
            new OutputStreamWriter(
                os,
                charset
                    .newEncoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT));
        CSVPrinter printer = new CSVPrinter(w, CSVFormat.DEFAULT)) {
      if (bom) {
        w.write('\uFEFF');
      }
      printer.printRecord(file.header());
      for (List<Object> row : file.rows()) {
        printer.printRecord(row.stream().map(v -> v == null ? "" : v.toString()).toList());
      }
    }
  }

  /**
   * XLSX as a department's spreadsheet has it: text cells (ID and certificate numbers kept as text
   * with the {@code @} format), real date cells, and numeric cells where a number was typed.
   */
  static void xlsx(Path out, ExportFile file, String sheetName) throws IOException {
    Path path = target(out, file);
    ByteArrayOutputStream workbook = new ByteArrayOutputStream();
    try (XSSFWorkbook wb = new XSSFWorkbook()) {
      wb.getProperties().getCoreProperties().setCreated(Optional.of(FIXED_TIME));
      wb.getProperties().getCoreProperties().setModified(Optional.of(FIXED_TIME));
      wb.getProperties().getCoreProperties().setCreator("daijiao generator");
      CellStyle text = wb.createCellStyle();
      text.setDataFormat(wb.createDataFormat().getFormat("@"));
      CellStyle date = wb.createCellStyle();
      date.setDataFormat(wb.createDataFormat().getFormat("yyyy-mm-dd"));
      Sheet sheet = wb.createSheet(sheetName);
      Row head = sheet.createRow(0);
      for (int c = 0; c < file.header().size(); c++) {
        head.createCell(c).setCellValue(file.header().get(c));
      }
      for (int r = 0; r < file.rows().size(); r++) {
        Row row = sheet.createRow(r + 1);
        List<Object> values = file.rows().get(r);
        for (int c = 0; c < values.size(); c++) {
          Object v = values.get(c);
          if (v == null || "".equals(v)) {
            continue;
          }
          Cell cell = row.createCell(c);
          if (v instanceof LocalDate d) {
            cell.setCellValue(d);
            cell.setCellStyle(date);
          } else if (v instanceof Double n) {
            cell.setCellValue(n);
          } else {
            cell.setCellValue(v.toString());
            cell.setCellStyle(text);
          }
        }
      }
      wb.write(workbook);
    }
    Files.write(path, withFixedEntryTimes(workbook.toByteArray()));
  }

  /**
   * The same zip with every entry's time set to one fixed instant: POI stamps entries with the
   * clock, which would make two runs with the same seed differ in bytes.
   */
  private static byte[] withFixedEntryTimes(byte[] zip) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream(zip.length);
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip));
        ZipOutputStream z = new ZipOutputStream(out)) {
      for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        ZipEntry copy = new ZipEntry(e.getName());
        // Local date-time, not an instant: the bytes must not depend on the machine's time zone.
        copy.setTimeLocal(FIXED_LOCAL_TIME);
        z.putNextEntry(copy);
        in.transferTo(z);
        z.closeEntry();
      }
    }
    return out.toByteArray();
  }
}
