package org.daijiao;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.daijiao.identity.IdNumber;
import org.daijiao.identity.PersonName;
import org.daijiao.ingest.Source;
import org.daijiao.ingest.read.ExportReader;
import org.daijiao.ingest.read.ParsedFile;
import org.daijiao.ingest.read.RawRecord;

/**
 * The personal data in an input folder, read with the production readers: every valid 18-character
 * ID number found in any cell (also inside a disability certificate number or an unknown column),
 * its 15-digit form, and every name. What must never appear in a log, on stdout/stderr or in an
 * export.
 */
public record SampleIdentities(Set<String> ids18, Set<String> ids15, Set<String> names) {
  private static final Pattern ID_LIKE = Pattern.compile("[0-9]{17}[0-9X]");
  private static final Pattern DIGIT_RUN = Pattern.compile("[0-9]{14,}[0-9Xx]");
  private static final Pattern HAN_RUN = Pattern.compile("[\\p{IsHan}\u00B7]{2,}");

  public static SampleIdentities of(Path input) {
    Set<String> ids = new TreeSet<>();
    Set<String> names = new TreeSet<>();
    Set<String> places = new TreeSet<>();
    try (Stream<Path> files = Files.walk(input)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        Source source = Source.ofFolder(f.getParent().getFileName().toString()).orElse(null);
        if (source == null) {
          continue;
        }
        ParsedFile parsed = ExportReader.read(f.toString(), Files.readAllBytes(f), source);
        for (RawRecord r : parsed.records()) {
          Stream.concat(r.values().values().stream(), r.extras().values().stream())
              .forEach(v -> addIds(v, ids));
          String name = PersonName.normalize(r.values().get("name"));
          if (name != null && name.length() >= 2) {
            names.add(name);
          }
          for (String place : List.of("township", "village")) {
            if (r.values().get(place) != null) {
              places.add(r.values().get(place));
            }
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    // A name that is part of a place name (罗兴 in 罗兴村) would be found in every table that names the
    // village: such names are left out of the search rather than make the check useless.
    names.removeIf(n -> places.stream().anyMatch(p -> p.contains(n)));
    Set<String> ids15 = new TreeSet<>();
    for (String id : ids) {
      if (id.startsWith("19", 6)) {
        ids15.add(id.substring(0, 6) + id.substring(8, 17));
      }
    }
    return new SampleIdentities(Set.copyOf(ids), Set.copyOf(ids15), Set.copyOf(names));
  }

  private static void addIds(String cell, Set<String> ids) {
    String cleaned = IdNumber.normalize(cell);
    if (cleaned == null) {
      return;
    }
    Matcher m = ID_LIKE.matcher(cleaned);
    while (m.find()) {
      String id = m.group();
      if (IdNumber.checkCharacter(id) == id.charAt(17)) {
        ids.add(id);
      }
    }
  }

  /**
   * {@code text} with every ID and name of the input replaced by a placeholder, cut to 400
   * characters.
   */
  public String redacted(String text) {
    String out = text;
    for (String id : ids18) {
      out = out.replace(id, "<ID>");
    }
    for (String id : ids15) {
      out = out.replace(id, "<ID15>");
    }
    for (String name : names) {
      out = out.replace(name, "<NAME>");
    }
    return out.length() > 400 ? out.substring(0, 400) + "…" : out;
  }

  /**
   * The first ID or name that occurs in {@code text}, or null: never printed whole by the tests.
   * Looks up every 15- and 18-character window of each digit run and every 2–12 character window of
   * each run of Chinese characters, so that thousands of log lines are checked against thousands of
   * people quickly.
   */
  public String firstLeakIn(String text) {
    Matcher digits = DIGIT_RUN.matcher(text);
    while (digits.find()) {
      String run = digits.group().toUpperCase(Locale.ROOT);
      for (int len : new int[] {18, 15}) {
        for (int i = 0; i + len <= run.length(); i++) {
          String w = run.substring(i, i + len);
          if (ids18.contains(w) || ids15.contains(w)) {
            return w;
          }
        }
      }
    }
    Matcher han = HAN_RUN.matcher(text);
    while (han.find()) {
      String run = han.group();
      for (int len = 2; len <= 12; len++) {
        for (int i = 0; i + len <= run.length(); i++) {
          String w = run.substring(i, i + len);
          if (names.contains(w)) {
            return w;
          }
        }
      }
    }
    return null;
  }
}
