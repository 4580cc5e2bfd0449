package org.daijiao.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The DuckDB contender: an independent implementation of daijiao's rules in SQL (bench rules.sql).
 *
 * <p>DuckDB reads neither GBK nor XLSX here (its extensions would need the network), so a Java
 * pre-pass decodes each export (UTF-8/BOM/GBK per line; XLSX with POI: title rows, merged header
 * cells, date cells) and writes one plain UTF-8 CSV per source under canonical column names, every
 * value the raw text of its cell plus {@code _file} and {@code _line}. Everything else — value
 * cleaning, identities, eligibility, ledger, location, coverage — is SQL. The results are written
 * as one CSV in the comparison's shape (kind, k1, k2, k3, v1 … v12), which holds ID numbers: the
 * output folder must be the data team's (bench/run makes it owner-only and deletes it).
 *
 * <p>Usage: {@code DuckMain --input DIR --out DIR --year Y --as-of DATE [--db FILE] [--tier-rule
 * amended|readme-decision-5]}. {@code --db} keeps DuckDB's tables in a file, to investigate a
 * difference (otherwise all is in memory); {@code --tier-rule readme-decision-5} applies the tier
 * rule as it was before SPEC §2.4 was amended (a TERMINATED or RECEIVING record's tier counts when
 * there is no ACTIVE or SUSPENDED one), to show what a difference is due to. The bench uses the
 * default, the amended rule.
 */
public final class DuckMain {
  private DuckMain() {}

  public static void main(String[] args) throws Exception {
    String input = null;
    String out = null;
    String year = null;
    String asOf = null;
    String db = null;
    String tierRule = "amended";
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--input" -> input = args[++i];
        case "--out" -> out = args[++i];
        case "--year" -> year = args[++i];
        case "--as-of" -> asOf = args[++i];
        case "--db" -> db = args[++i];
        case "--tier-rule" -> tierRule = args[++i];
        default -> throw new IllegalArgumentException("unknown argument " + args[i]);
      }
    }
    if (!tierRule.equals("amended") && !tierRule.equals("readme-decision-5")) {
      throw new IllegalArgumentException("--tier-rule amended|readme-decision-5");
    }
    if (input == null || out == null || year == null || asOf == null) {
      System.err.println("usage: DuckMain --input DIR --out DIR --year Y --as-of YYYY-MM-DD");
      System.exit(2);
    }
    long t0 = System.nanoTime();
    Path outDir = Path.of(out).toAbsolutePath();
    Path csvDir = outDir.resolve("csv");
    Files.createDirectories(csvDir);
    prepass(Path.of(input), csvDir);
    log(t0, "prepass", "exports decoded to plain UTF-8 CSV");

    Path divisions = outDir.resolve("pengshui_divisions.csv");
    try (InputStream in = resource("bench/pengshui_divisions.csv")) {
      Files.copy(in, divisions, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
    String sql;
    try (InputStream in = resource("bench/rules.sql")) {
      sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    sql =
        sql.replace("${YEAR}", year)
            .replace("${AS_OF}", asOf)
            .replace("${CSV}", csvDir.toString().replace("'", "''"))
            .replace("${DIVISIONS}", divisions.toString().replace("'", "''"))
            .replace("${SP}", SPACE_CLASS)
            .replace("${FW}", FULL_WIDTH.replace("'", "''"))
            .replace("${HW}", HALF_WIDTH.replace("'", "''"))
            .replace("${TIER_ANY_STATUS}", tierRule.equals("amended") ? "false" : "true");
    Class.forName("org.duckdb.DuckDBDriver");
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + (db == null ? "" : db));
        Statement st = c.createStatement()) {
      for (String stmt : statements(sql)) {
        try {
          long ts = System.nanoTime();
          st.execute(stmt);
          if (Boolean.getBoolean("bench.timing")) {
            System.err.printf(
                "  %6d ms  %s%n", (System.nanoTime() - ts) / 1_000_000, firstLine(stmt));
          }
        } catch (SQLException e) {
          throw new SQLException("in statement: " + firstLine(stmt) + "\n" + e.getMessage(), e);
        }
      }
      log(t0, "sql", "rules applied");
      Path results = outDir.resolve("duckdb_results.csv");
      st.execute(
          "COPY (SELECT * FROM results ORDER BY kind, k1, k2, k3) TO '"
              + results.toString().replace("'", "''")
              + "' (HEADER, DELIMITER ',')");
      try (var rs =
          st.executeQuery(
              "SELECT count(*), count_if(eligible), (SELECT count(*) FROM ledger) FROM eligibility")) {
        rs.next();
        log(
            t0,
            "done",
            String.format(
                "%,d persons decided, %,d eligible, %,d ledger rows",
                rs.getLong(1), rs.getLong(2), rs.getLong(3)));
      }
    }
  }

  /** One CSV per source, canonical columns + _file + _line; sources in parallel. */
  static void prepass(Path input, Path csvDir) throws Exception {
    Map<Exports.SourceDef, List<Exports.InputFile>> bySource =
        Exports.bySource(Exports.list(input));
    ExecutorService pool =
        Executors.newFixedThreadPool(Math.max(1, Runtime.getRuntime().availableProcessors()));
    try {
      List<Future<?>> jobs = new ArrayList<>();
      for (Exports.SourceDef s : Exports.SOURCES) {
        List<Exports.InputFile> files = bySource.getOrDefault(s, List.of());
        jobs.add(pool.submit(() -> writeSource(s, files, csvDir.resolve(s.folder() + ".csv"))));
      }
      for (Future<?> f : jobs) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }
  }

  private static Void writeSource(Exports.SourceDef s, List<Exports.InputFile> files, Path out)
      throws IOException {
    try (BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
      w.write(String.join(",", s.names()) + ",_file,_line\n");
      for (Exports.InputFile f : files) {
        String file = quote(f.displayName());
        Exports.read(
            f,
            (line, values) -> {
              try {
                StringBuilder sb = new StringBuilder(128);
                for (String v : values) {
                  if (v != null) {
                    sb.append(quote(v));
                  }
                  sb.append(',');
                }
                sb.append(file).append(',').append(line).append('\n');
                w.write(sb.toString());
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            });
      }
    }
    return null;
  }

  /** Every value quoted (so an empty cell, written as nothing, is NULL), quotes doubled. */
  private static String quote(String v) {
    return '"' + (v.indexOf('"') >= 0 ? v.replace("\"", "\"\"") : v) + '"';
  }

  /** Statements end with ';' at the end of a line; comment lines are dropped. */
  static List<String> statements(String sql) {
    List<String> out = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    for (String line : sql.split("\n", -1)) {
      if (line.strip().startsWith("--")) {
        continue;
      }
      cur.append(line).append('\n');
      if (line.stripTrailing().endsWith(";")) {
        out.add(cur.toString());
        cur.setLength(0);
      }
    }
    if (!cur.toString().isBlank()) {
      out.add(cur.toString());
    }
    return out;
  }

  private static String firstLine(String stmt) {
    String s = stmt.strip();
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }

  private static InputStream resource(String name) {
    InputStream in = DuckMain.class.getClassLoader().getResourceAsStream(name);
    if (in == null) {
      throw new IllegalStateException("resource " + name + " missing from the bench jar");
    }
    return in;
  }

  /**
   * Java's Character.isWhitespace ∪ isSpaceChar ∪ {U+200B, U+FEFF} (daijiao's "any kind of space")
   * as an RE2 character class.
   */
  static final String SPACE_CLASS =
      "[\\t\\n\\x0B\\f\\r\\x1C-\\x20\\x{A0}\\x{1680}\\x{2000}-\\x{200B}\\x{2028}\\x{2029}"
          + "\\x{202F}\\x{205F}\\x{3000}\\x{FEFF}]";

  /** U+FF01–U+FF5E and U+3000, and what they fold to. */
  static final String FULL_WIDTH;

  static final String HALF_WIDTH;

  static {
    StringBuilder fw = new StringBuilder();
    StringBuilder hw = new StringBuilder();
    for (char c = '\uFF01'; c <= '\uFF5E'; c++) {
      fw.append(c);
      hw.append((char) (c - 0xFEE0));
    }
    fw.append('\u3000');
    hw.append(' ');
    FULL_WIDTH = fw.toString();
    HALF_WIDTH = hw.toString();
  }

  private static void log(long t0, String stage, String msg) {
    System.err.printf("[%3ds] %-8s %s%n", (System.nanoTime() - t0) / 1_000_000_000L, stage, msg);
  }
}
