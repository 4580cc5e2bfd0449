package org.daijiao.ingest.read;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.daijiao.ingest.Source;
import org.daijiao.ingest.Source.Column;

/**
 * What each column of an export means: a canonical column of the source, an unknown column kept
 * under its own header, or a column without header. Built from the header row after checking it
 * (docs/inputs.md#required-columns): every required column present, no canonical column given
 * twice.
 */
final class HeaderLayout {
  /**
   * How many rows a title may push the header down (docs/inputs.md#messy-exports: title rows in
   * exports).
   */
  static final int HEADER_SEARCH_ROWS = 10;

  private final List<String> headers;

  /** Canonical column names of the source, shared by every record's values. */
  private final String[] canonicalNames;

  /** Unknown headers in header order, shared by every record's extras. */
  private final String[] extraNames;

  /** Per column position: index into canonicalNames, or -1. */
  private final int[] canonicalAt;

  /** Per column position: index into extraNames, or -1. */
  private final int[] extraAt;

  private HeaderLayout(
      List<String> headers,
      String[] canonicalNames,
      String[] extraNames,
      int[] canonicalAt,
      int[] extraAt) {
    this.headers = headers;
    this.canonicalNames = canonicalNames;
    this.extraNames = extraNames;
    this.canonicalAt = canonicalAt;
    this.extraAt = extraAt;
  }

  /** The header texts, trailing empty headers dropped, {@code ""} for an empty header. */
  List<String> headers() {
    return headers;
  }

  /** The required columns of the source that none of these headers means. */
  static List<Column> missingRequired(Source source, List<String> headers) {
    List<Column> missing = new ArrayList<>();
    for (Column c : source.columns()) {
      if (c.required()
          && headers.stream()
              .noneMatch(h -> source.columnForHeader(h).filter(c::equals).isPresent())) {
        missing.add(c);
      }
    }
    return missing;
  }

  /**
   * Checks a header row and returns its layout.
   *
   * @throws InputFileException when a required column is missing or two headers mean the same
   *     canonical column
   */
  static HeaderLayout of(String file, long line, Source source, List<String> rawHeaders) {
    List<String> headers = new ArrayList<>();
    rawHeaders.forEach(h -> headers.add(h == null ? "" : h));
    while (!headers.isEmpty() && headers.get(headers.size() - 1).isBlank()) {
      headers.remove(headers.size() - 1);
    }
    List<Column> missing = missingRequired(source, headers);
    if (!missing.isEmpty()) {
      throw missingColumns(file, line, missing, headers, "");
    }
    List<String> names = source.columnNames();
    List<String> extras = new ArrayList<>();
    int[] canonicalAt = new int[headers.size()];
    int[] extraAt = new int[headers.size()];
    Map<String, Integer> seen = new LinkedHashMap<>();
    for (int i = 0; i < headers.size(); i++) {
      canonicalAt[i] = -1;
      extraAt[i] = -1;
      String h = headers.get(i);
      if (h.isBlank()) {
        continue;
      }
      Optional<Column> col = source.columnForHeader(h);
      if (col.isPresent()) {
        String name = col.get().name();
        Integer first = seen.putIfAbsent(name, i);
        if (first != null) {
          throw new InputFileException(
              file,
              line,
              name,
              String.format(
                  "columns %d (`%s`) and %d (`%s`) both mean `%s`; delete or rename one of them so"
                      + " that the column is given once",
                  first + 1, headers.get(first), i + 1, h, name));
        }
        canonicalAt[i] = names.indexOf(name);
      } else {
        String key = seen.containsKey(h) ? h + "_col" + (i + 1) : h;
        seen.put(key, i);
        extraAt[i] = extras.size();
        extras.add(key);
      }
    }
    return new HeaderLayout(
        List.copyOf(headers),
        names.toArray(String[]::new),
        extras.toArray(String[]::new),
        canonicalAt,
        extraAt);
  }

  /**
   * One data row as a record. {@code cells} are the raw texts by column position; {@code null} or
   * {@code ""} means empty.
   */
  RawRecord toRecord(long line, List<String> cells) {
    String[] values = new String[canonicalNames.length];
    String[] extras = new String[extraNames.length];
    Map<String, String> surplus = null;
    for (int i = 0; i < cells.size(); i++) {
      String v = cells.get(i);
      if (v == null || v.isEmpty()) {
        continue;
      }
      if (i < canonicalAt.length && canonicalAt[i] >= 0) {
        values[canonicalAt[i]] = v;
      } else if (i < extraAt.length && extraAt[i] >= 0) {
        extras[extraAt[i]] = v;
      } else {
        surplus = surplus == null ? new LinkedHashMap<>() : surplus;
        surplus.put("_col" + (i + 1), v);
      }
    }
    Map<String, String> extraMap = new ColumnMap(extraNames, extras);
    if (surplus != null) {
      Map<String, String> all = new LinkedHashMap<>(extraMap);
      all.putAll(surplus);
      extraMap = all;
    }
    return new RawRecord(line, new ColumnMap(canonicalNames, values), extraMap);
  }

  /**
   * A row whose every cell is empty or white space is not a record (docs/inputs.md#messy-exports).
   */
  static boolean isBlank(List<String> cells) {
    for (String c : cells) {
      if (c != null && !c.isBlank()) {
        return false;
      }
    }
    return true;
  }

  static InputFileException missingColumns(
      String file, long line, List<Column> missing, List<String> headers) {
    return missingColumns(file, line, missing, headers, "");
  }

  /**
   * @param where said before the problem, e.g. the sheet of a workbook
   */
  static InputFileException missingColumns(
      String file, long line, List<Column> missing, List<String> headers, String where) {
    String what =
        missing.stream()
            .map(c -> "`" + c.name() + "` (" + String.join("/", c.aliases()) + ")")
            .collect(Collectors.joining(", "));
    String verb =
        missing.size() == 1
            ? "required column " + what + " is"
            : "required columns " + what + " are";
    return new InputFileException(
        file,
        line,
        missing.get(0).name(),
        where
            + verb
            + " missing; "
            + describeFound(headers)
            + "; add the column with one of these headers (the English name works too)");
  }

  /**
   * The headers found, for the message. When none of them is a known header the row is probably
   * data (a file exported without its header row), so its cells are not quoted: they may hold names
   * and ID numbers (docs/privacy.md#privacy-rule).
   */
  private static String describeFound(List<String> headers) {
    List<String> nonBlank = headers.stream().filter(h -> h != null && !h.isBlank()).toList();
    boolean anyKnown = false;
    for (Source s : Source.values()) {
      for (String h : nonBlank) {
        anyKnown |= s.columnForHeader(h).isPresent();
      }
    }
    if (nonBlank.isEmpty()) {
      return "the header row is empty";
    }
    if (!anyKnown) {
      return "none of the "
          + nonBlank.size()
          + " cells of this row is a known header (not quoted here: the row looks like data — is"
          + " the header row missing?)";
    }
    return "found headers: "
        + nonBlank.stream().map(HeaderLayout::shown).collect(Collectors.joining(", "));
  }

  /** A header as shown in a message: long digit runs masked, long texts cut. */
  private static String shown(String header) {
    String s = header.strip().replaceAll("\\d{6,}", "******");
    return s.length() > 30 ? s.substring(0, 30) + "…" : s;
  }
}
