package org.daijiao.generate;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The county's real townships and villages ({@code reference/pengshui_divisions.csv}), in file
 * order: rosters write the township {@code name} and the village {@code short_name}
 * (docs/rules.md#location).
 */
record Divisions(List<Village> villages) {
  /** A village with its parent township's name; {@code urban} for a 街道 (sub-district). */
  record Village(String code, String township, String name) {
    boolean urban() {
      return township.endsWith("街道");
    }
  }

  private static final String RESOURCE = "reference/pengshui_divisions.csv";

  Divisions {
    villages = List.copyOf(villages);
  }

  static Divisions bundled() {
    try (InputStream in = Divisions.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("Missing resource " + RESOURCE);
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      Map<String, String> townships = new LinkedHashMap<>();
      List<String[]> villageRows = new ArrayList<>();
      reader.readLine();
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        String[] f = line.split(",", -1);
        if (f.length < 5) {
          continue;
        }
        if ("township".equals(f[3])) {
          townships.put(f[0], f[1]);
        } else if ("village".equals(f[3])) {
          villageRows.add(f);
        }
      }
      List<Village> villages = new ArrayList<>();
      for (String[] f : villageRows) {
        String township = townships.get(f[4]);
        if (township != null) {
          villages.add(new Village(f[0], township, f[2]));
        }
      }
      return new Divisions(villages);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + RESOURCE, e);
    }
  }
}
