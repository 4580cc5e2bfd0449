package org.daijiao.gold;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A readable difference between expected and actual rows of a gold table: rows missing or
 * unexpected (named by their key columns), and for a row present on both sides every column that
 * differs.
 */
final class GoldenDiff {
  private GoldenDiff() {}

  /** Empty when the two are the same, header and rows, duplicates included. */
  static List<String> of(GoldTables.Csv expected, GoldTables.Csv actual, List<String> keyColumns) {
    List<String> out = new ArrayList<>();
    if (!expected.header().equals(actual.header())) {
      out.add("columns: expected " + expected.header() + " but were " + actual.header());
      return out;
    }
    List<String> header = expected.header();
    Map<String, List<List<String>>> want = byKey(expected, keyColumns);
    Map<String, List<List<String>>> got = byKey(actual, keyColumns);
    for (Map.Entry<String, List<List<String>>> e : want.entrySet()) {
      List<List<String>> other = got.getOrDefault(e.getKey(), List.of());
      if (e.getValue().size() == 1 && other.size() == 1) {
        List<String> w = e.getValue().get(0);
        List<String> g = other.get(0);
        for (int i = 0; i < header.size(); i++) {
          if (!w.get(i).equals(g.get(i))) {
            out.add(
                String.format(
                    "row %s: %s expected '%s' but was '%s'",
                    e.getKey(), header.get(i), w.get(i), g.get(i)));
          }
        }
      } else if (!e.getValue().equals(other)) {
        // Multisets: [A, A, B] against [A, B, B] misses one A and has one B too many.
        minus(e.getValue(), other).forEach(r -> out.add("missing row " + show(header, r)));
        minus(other, e.getValue()).forEach(r -> out.add("unexpected row " + show(header, r)));
        if (!other.isEmpty() && e.getValue().size() != other.size()) {
          out.add(
              "row "
                  + e.getKey()
                  + ": expected "
                  + e.getValue().size()
                  + " rows but found "
                  + other.size());
        }
      }
    }
    for (Map.Entry<String, List<List<String>>> e : got.entrySet()) {
      if (!want.containsKey(e.getKey())) {
        e.getValue().forEach(r -> out.add("unexpected row " + show(header, r)));
      }
    }
    return out;
  }

  /** The rows of {@code a} left after removing one occurrence per row of {@code b}. */
  private static List<List<String>> minus(List<List<String>> a, List<List<String>> b) {
    List<List<String>> left = new ArrayList<>(a);
    b.forEach(left::remove);
    return left;
  }

  private static Map<String, List<List<String>>> byKey(
      GoldTables.Csv csv, List<String> keyColumns) {
    List<Integer> idx = keyColumns.stream().map(csv.header()::indexOf).collect(Collectors.toList());
    Map<String, List<List<String>>> out = new LinkedHashMap<>();
    for (List<String> r : csv.rows()) {
      String key =
          idx.stream()
              .map(i -> i < 0 ? "?" : r.get(i))
              .map(v -> v.isEmpty() ? "∅" : v)
              .collect(Collectors.joining("/", "[", "]"));
      out.computeIfAbsent(key, k -> new ArrayList<>()).add(r);
    }
    return out;
  }

  private static String show(List<String> header, List<String> row) {
    StringBuilder sb = new StringBuilder("{");
    for (int i = 0; i < header.size(); i++) {
      sb.append(i == 0 ? "" : ", ").append(header.get(i)).append('=').append(row.get(i));
    }
    return sb.append('}').toString();
  }
}
