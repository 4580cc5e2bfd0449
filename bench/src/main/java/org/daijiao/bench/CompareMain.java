package org.daijiao.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

/**
 * Compares daijiao's gold tables with the DuckDB implementation's results, both as CSV in one shape
 * (kind, k1, k2, k3, v1 … v12; bench/daijiao_gold.sql and rules.sql): per person eligibility (E),
 * ledger (L), and coverage at county and township level (C). Prints the differences by count and
 * kind — never an ID or a name: an ID is shown masked ({@code 500243********123X}) at most — and
 * ends with {@code results_equal=true|false}. Not timed.
 *
 * <p>Usage: {@code CompareMain --daijiao FILE --duckdb FILE [--examples N]}
 */
public final class CompareMain {
  private CompareMain() {}

  /** What v1 … v12 mean per kind. */
  static final Map<String, List<String>> COLUMNS =
      Map.of(
          "E",
          List.of(
              "eligible",
              "category",
              "reasons",
              "first_eligible_date",
              "in_coverage_target",
              "insured",
              "paid",
              "township",
              "held_categories"),
          "L",
          List.of(
              "tier",
              "subsidy_amount",
              "self_pay_amount",
              "mode",
              "batch",
              "status",
              "flags",
              "category",
              "self_paid_amount",
              "government_paid_amount",
              "deadline",
              "first_eligible_date"),
          "C",
          List.of(
              "target_persons",
              "insured_persons",
              "eligible_persons",
              "paid_persons",
              "subsidy_amount"));

  static final Map<String, String> KIND_NAMES =
      Map.of("E", "eligibility", "L", "ledger", "C", "coverage");

  public static void main(String[] args) throws Exception {
    String daijiao = null;
    String duckdb = null;
    int examples = 3;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--daijiao" -> daijiao = args[++i];
        case "--duckdb" -> duckdb = args[++i];
        case "--examples" -> examples = Integer.parseInt(args[++i]);
        default -> throw new IllegalArgumentException("unknown argument " + args[i]);
      }
    }
    Class.forName("org.duckdb.DuckDBDriver");
    boolean equal = true;
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement st = c.createStatement()) {
      st.execute(load("a", daijiao));
      st.execute(load("b", duckdb));
      st.execute(
          "CREATE TABLE j AS SELECT coalesce(a.kind, b.kind) AS kind, coalesce(a.k1, b.k1) AS k1,"
              + " coalesce(a.k2, b.k2) AS k2, coalesce(a.k3, b.k3) AS k3, a.kind IS NOT NULL AS in_a,"
              + " b.kind IS NOT NULL AS in_b, "
              + String.join(
                  ", ",
                  java.util.stream.IntStream.rangeClosed(1, 12)
                      .mapToObj(i -> "a.v" + i + " AS a" + i + ", b.v" + i + " AS b" + i)
                      .toList())
              + " FROM a FULL OUTER JOIN b ON a.kind = b.kind AND a.k1 = b.k1 AND a.k2 = b.k2"
              + " AND a.k3 = b.k3");
      for (String kind : List.of("E", "L", "C")) {
        String name = KIND_NAMES.get(kind);
        boolean personal = !kind.equals("C");
        ResultSet r =
            st.executeQuery(
                "SELECT count_if(in_a), count_if(in_b), count_if(in_a AND NOT in_b),"
                    + " count_if(in_b AND NOT in_a) FROM j WHERE kind = '"
                    + kind
                    + "'");
        r.next();
        long na = r.getLong(1);
        long nb = r.getLong(2);
        long onlyA = r.getLong(3);
        long onlyB = r.getLong(4);
        System.out.printf(
            "%-11s daijiao %,d rows, duckdb %,d rows; only in daijiao %,d, only in duckdb %,d%n",
            name, na, nb, onlyA, onlyB);
        if (onlyA + onlyB > 0) {
          equal = false;
          showOnly(st, kind, personal, examples);
        }
        List<String> cols = COLUMNS.get(kind);
        for (int i = 0; i < cols.size(); i++) {
          int v = i + 1;
          String diff =
              "in_a AND in_b AND coalesce(a" + v + ", '') <> coalesce(b" + v + ", '')";
          r = st.executeQuery("SELECT count(*) FROM j WHERE kind = '" + kind + "' AND " + diff);
          r.next();
          long n = r.getLong(1);
          if (n == 0) {
            continue;
          }
          equal = false;
          System.out.printf("  %s.%s differs in %,d rows:%n", name, cols.get(i), n);
          ResultSet g =
              st.executeQuery(
                  "SELECT coalesce(a"
                      + v
                      + ", '∅'), coalesce(b"
                      + v
                      + ", '∅'), count(*), list(k1 ORDER BY k1)[1:"
                      + examples
                      + "], list(k2 ORDER BY k1)[1:"
                      + examples
                      + "], list(k3 ORDER BY k1)[1:"
                      + examples
                      + "] FROM j WHERE kind = '"
                      + kind
                      + "' AND "
                      + diff
                      + " GROUP BY ALL ORDER BY 3 DESC, 1, 2 LIMIT 12");
          while (g.next()) {
            System.out.printf(
                "    %,6d × daijiao %s | duckdb %s   e.g. %s%n",
                g.getLong(3),
                shown(g.getString(1), personal),
                shown(g.getString(2), personal),
                keys(g, personal));
          }
        }
      }
    }
    System.out.println("results_equal=" + equal);
  }

  private static void showOnly(Statement st, String kind, boolean personal, int examples)
      throws Exception {
    ResultSet g =
        st.executeQuery(
            "SELECT in_a, count(*), list(k1 ORDER BY k1)[1:"
                + examples
                + "], list(k2 ORDER BY k1)[1:"
                + examples
                + "], list(k3 ORDER BY k1)[1:"
                + examples
                + "] FROM j WHERE kind = '"
                + kind
                + "' AND in_a <> in_b GROUP BY in_a ORDER BY in_a DESC");
    while (g.next()) {
      System.out.printf(
          "    %,6d only in %s   e.g. %s%n",
          g.getLong(2), g.getBoolean(1) ? "daijiao" : "duckdb", keysAt(g, 3, personal));
    }
  }

  private static String keys(ResultSet g, boolean personal) throws Exception {
    return keysAt(g, 4, personal);
  }

  /** Example keys: masked IDs for personal rows, level/township/category for coverage rows. */
  private static String keysAt(ResultSet g, int first, boolean personal) throws Exception {
    Object[] k1 = (Object[]) g.getArray(first).getArray();
    Object[] k2 = (Object[]) g.getArray(first + 1).getArray();
    Object[] k3 = (Object[]) g.getArray(first + 2).getArray();
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < k1.length; i++) {
      sb.append(i > 0 ? ", " : "");
      if (personal) {
        sb.append(mask(String.valueOf(k1[i])));
      } else {
        sb.append(k1[i]).append('/').append(k2[i]).append('/').append(k3[i]);
      }
    }
    return sb.toString();
  }

  /** Values of personal rows are codes, amounts, dates, townships: never an ID (masked if one is). */
  private static String shown(String v, boolean personal) {
    return personal && v.matches(".*\\d{15,}.*") ? mask(v) : v;
  }

  /** {@code 500243********123X}. */
  static String mask(String id) {
    if (id == null || id.length() != 18) {
      return id == null ? "∅" : "*".repeat(id.length());
    }
    return id.substring(0, 6) + "********" + id.substring(14);
  }

  private static String load(String table, String file) {
    return "CREATE TABLE "
        + table
        + " AS SELECT kind, coalesce(k1, '') AS k1, coalesce(k2, '') AS k2, coalesce(k3, '') AS k3,"
        + " v1, v2, v3, v4, v5, v6, v7, v8, v9, v10, v11, v12 FROM read_csv('"
        + file.replace("'", "''")
        + "', header = true, all_varchar = true, delim = ',', quote = '\"', escape = '\"',"
        + " columns = {'kind': 'VARCHAR', 'k1': 'VARCHAR', 'k2': 'VARCHAR', 'k3': 'VARCHAR',"
        + " 'v1': 'VARCHAR', 'v2': 'VARCHAR', 'v3': 'VARCHAR', 'v4': 'VARCHAR', 'v5': 'VARCHAR',"
        + " 'v6': 'VARCHAR', 'v7': 'VARCHAR', 'v8': 'VARCHAR', 'v9': 'VARCHAR', 'v10': 'VARCHAR',"
        + " 'v11': 'VARCHAR', 'v12': 'VARCHAR'})";
  }
}
