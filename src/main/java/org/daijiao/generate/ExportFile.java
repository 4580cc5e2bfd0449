package org.daijiao.generate;

import java.util.ArrayList;
import java.util.List;
import org.daijiao.ingest.Source;

/**
 * One file of a department export: its name, header row and data rows. A cell is a {@link String},
 * or in an XLSX file also a {@link java.time.LocalDate} (a real date cell) or a {@link Double} (a
 * numeric cell, as Excel stores a number typed into a General cell).
 */
record ExportFile(
    Source source, String fileName, Format format, List<String> header, List<List<Object>> rows) {
  /**
   * How the file is written: the encodings and the spreadsheet format of docs/inputs.md#formats.
   */
  enum Format {
    CSV_UTF8,
    CSV_UTF8_BOM,
    CSV_GBK,
    XLSX
  }

  ExportFile {
    header = List.copyOf(header);
    rows = List.copyOf(rows);
  }

  /**
   * This file as set {@code number} of {@code sets} (one county's export of a larger population):
   * {@code name.csv} becomes {@code name_01.csv}.
   */
  ExportFile numbered(int number, int sets) {
    String digits = String.valueOf(Math.max(2, String.valueOf(sets).length()));
    int dot = fileName.lastIndexOf('.');
    String name =
        fileName.substring(0, dot)
            + String.format(java.util.Locale.ROOT, "_%0" + digits + "d", number)
            + fileName.substring(dot);
    return new ExportFile(source, name, format, header, rows);
  }

  /**
   * The header a department writes: for each canonical column the alias at {@code aliasIndex} (the
   * last alias when there are fewer), or the canonical name when {@code aliasIndex < 0}.
   */
  static List<String> header(Source source, List<String> columns, int aliasIndex) {
    List<String> header = new ArrayList<>();
    for (String column : columns) {
      Source.Column c =
          source.columns().stream()
              .filter(col -> col.name().equals(column))
              .findFirst()
              .orElseThrow(() -> new IllegalArgumentException(source + " has no column " + column));
      if (aliasIndex < 0 || c.aliases().isEmpty()) {
        header.add(c.name());
      } else {
        header.add(c.aliases().get(Math.min(aliasIndex, c.aliases().size() - 1)));
      }
    }
    return header;
  }
}
