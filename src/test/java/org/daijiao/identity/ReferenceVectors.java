package org.daijiao.identity;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.daijiao.TestCsv;

/**
 * The reference test vectors under {@code src/test/resources/reference/}, read from the class path.
 *
 * <p>Read with the tests' own RFC 4180 reader ({@link TestCsv}), so that the vectors do not depend
 * on the code under test or on its dependencies.
 */
final class ReferenceVectors {
  private ReferenceVectors() {}

  /** One data row by column name; values keep their white space (the trailing-space vector). */
  record Row(Map<String, String> values) {
    String get(String column) {
      String v = values.get(column);
      if (v == null) {
        throw new IllegalArgumentException("no column " + column);
      }
      return v;
    }
  }

  static List<Row> load(String name) {
    String resource = "/reference/" + name;
    try (InputStream in = ReferenceVectors.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(resource + " is not on the test class path");
      }
      List<List<String>> records =
          TestCsv.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
      List<String> header = records.get(0);
      List<Row> rows = new ArrayList<>();
      for (List<String> record : records.subList(1, records.size())) {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
          values.put(header.get(i), i < record.size() ? record.get(i) : "");
        }
        rows.add(new Row(values));
      }
      return rows;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
