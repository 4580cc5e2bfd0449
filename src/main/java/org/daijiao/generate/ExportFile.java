package org.daijiao.generate;

import java.util.ArrayList;
import java.util.List;
import org.daijiao.ingest.Source;

/**
 * One file of a department export: its name, header row and data rows. A cell is a {@link String},
 * or in an XLSX file also a {@link java.time.LocalDate} (a real date cell) or a {@link Double} (a
 * numeric cell, as Excel stores a number typed into a General cell).
 *
 * @param lives one per row, in row order (for the monthly snapshots), or none
 */
record ExportFile(
    Source source,
    String fileName,
    Format format,
    List<String> header,
    List<List<Object>> rows,
    List<RowLife> lives) {
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
    lives = List.copyOf(lives);
    if (!lives.isEmpty() && lives.size() != rows.size()) {
      throw new IllegalArgumentException(
          fileName + ": " + lives.size() + " row lives for " + rows.size() + " rows");
    }
  }

  /** A file whose rows do not change during the year. */
  ExportFile(
      Source source, String fileName, Format format, List<String> header, List<List<Object>> rows) {
    this(source, fileName, format, header, rows, List.of());
  }

  /** The index of a canonical column in this file's header, or -1 when the file has none. */
  int column(String canonical) {
    for (int i = 0; i < header.size(); i++) {
      boolean matches =
          source.columnForHeader(header.get(i)).map(c -> c.name().equals(canonical)).orElse(false);
      if (matches) {
        return i;
      }
    }
    return -1;
  }

  /** This file with other rows and their lives (a snapshot of it). */
  ExportFile withRows(List<List<Object>> newRows, List<RowLife> newLives) {
    return new ExportFile(source, fileName, format, header, newRows, newLives);
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
    return new ExportFile(source, name, format, header, rows, lives);
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
