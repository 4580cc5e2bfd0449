package org.daijiao.generate;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.daijiao.ingest.Source;
import org.daijiao.policy.Policy;
import org.daijiao.policy.PolicyLoader;

/**
 * Generates a synthetic Pengshui county: the six department exports of docs/inputs.md#sources for
 * the bundled policy year, with realistic group shares, ages around the 16–60 window and the dirt
 * real exports have. The same options always give the same files (one seeded {@link
 * SplittableRandom}, split in a fixed order; no clock, no hash order). Every person is invented.
 */
public final class SampleGenerator {
  /** Persons on no roster (only insured or excluded), per 100 roster persons. */
  private static final int OTHERS_PER_100 = 35;

  /**
   * With {@link GeneratorOptions#countyWide}: every enrolled person of the county is in the
   * insurance exports — in Pengshui a few hundred thousand against some fifty thousand roster
   * persons.
   */
  private static final int COUNTY_WIDE_OTHERS_PER_100 = 500;

  /**
   * Roster persons per set of export files: one county's worth. A larger population is written as
   * one set of files per county ({@code …_01.csv}, {@code …_02.csv}, as a municipality collects its
   * counties' exports), so memory stays bounded and no file is larger than a county's export.
   */
  static final int PERSONS_PER_FILE_SET = 50_000;

  private static final Charset GBK = Charset.forName("GBK");

  private SampleGenerator() {}

  /**
   * Writes {@code <out>/<source>/…} and tells what was written. Refuses to write into a source
   * folder that holds files it would not overwrite: they would be read together with the new ones.
   */
  public static GeneratorSummary generate(GeneratorOptions options) throws IOException {
    return generate(options, PERSONS_PER_FILE_SET);
  }

  /** As {@link #generate(GeneratorOptions)}, with another size of a set of files (for tests). */
  static GeneratorSummary generate(GeneratorOptions options, int personsPerFileSet)
      throws IOException {
    County county = new County(options);
    int sets = county.sets(personsPerFileSet);
    Map<String, Integer> rows = perSource();
    Map<String, Integer> fileCounts = perSource();
    for (int set = 1; set <= sets; set++) {
      List<ExportFile> files = county.files(set, personsPerFileSet);
      if (set == 1) {
        checkNoStrangers(options.out(), files, sets);
      }
      for (ExportFile f : numbered(files, set, sets)) {
        write(options.out(), f);
        rows.merge(f.source().folder(), f.rows().size(), Integer::sum);
        fileCounts.merge(f.source().folder(), 1, Integer::sum);
      }
    }
    return new GeneratorSummary(rows, fileCounts, options.persons(), county.dirt.counts());
  }

  /**
   * Writes the county as each month's export would have shown it: {@code <out>/<month
   * end>/<source>/…} for every month end of the policy year, each a complete input folder
   * (docs/inputs.md#monthly-snapshots). The December folder is the single-folder export without
   * what only happened after the year, and with the pensions drawn since a 60th birthday.
   */
  public static MonthlySummary generateMonthly(GeneratorOptions options) throws IOException {
    return generateMonthly(options, PERSONS_PER_FILE_SET);
  }

  /** As {@link #generateMonthly(GeneratorOptions)}, with another size of a set of files. */
  static MonthlySummary generateMonthly(GeneratorOptions options, int personsPerFileSet)
      throws IOException {
    County county = new County(options);
    YearEvents events = new YearEvents(county.eventsRng, county.divisions, county.policy);
    List<LocalDate> monthEnds = new ArrayList<>();
    for (int m = 1; m <= 12; m++) {
      monthEnds.add(YearMonth.of(county.policy.policyYear(), m).atEndOfMonth());
    }
    int sets = county.sets(personsPerFileSet);
    Map<LocalDate, Map<String, Integer>> rows = new LinkedHashMap<>();
    Map<String, Integer> fileCounts = perSource();
    for (LocalDate day : monthEnds) {
      rows.put(day, perSource());
    }
    for (int set = 1; set <= sets; set++) {
      List<ExportFile> files = county.files(set, personsPerFileSet);
      if (set == 1) {
        for (LocalDate day : monthEnds) {
          checkNoStrangers(options.out().resolve(day.toString()), files, sets);
        }
      }
      List<DatedExport> dated = events.date(files);
      for (LocalDate day : monthEnds) {
        List<ExportFile> snapshot = new ArrayList<>();
        for (DatedExport d : dated) {
          snapshot.add(d.on(day));
        }
        for (ExportFile f : numbered(snapshot, set, sets)) {
          write(options.out().resolve(day.toString()), f);
          rows.get(day).merge(f.source().folder(), f.rows().size(), Integer::sum);
        }
      }
      for (ExportFile f : files) {
        fileCounts.merge(f.source().folder(), 1, Integer::sum);
      }
    }
    List<MonthlySummary.Month> months = new ArrayList<>();
    for (LocalDate day : monthEnds) {
      months.add(new MonthlySummary.Month(day, rows.get(day), events.countsUntil(day)));
    }
    return new MonthlySummary(options.persons(), fileCounts, months, county.dirt.counts());
  }

  /**
   * The generators of one county, each with its own random numbers split from the seed in a fixed
   * order (a new generator splits after the others, so the files they write stay the same).
   */
  private static final class County {
    final Policy policy = PolicyLoader.bundled();
    final Divisions divisions = Divisions.bundled();
    final Dirt dirt;
    final SplittableRandom eventsRng;
    private final GeneratorOptions options;
    private final PopulationBuilder builder;
    private final CivilAffairsExport civil;
    private final RuralRevitalizationExport rural;
    private final DisabilityExport disability;
    private final PensionExport pension;
    private final TaxExport tax;
    private final ExclusionExport exclusions;

    County(GeneratorOptions options) {
      this.options = options;
      SplittableRandom master = new SplittableRandom(options.seed());
      SplittableRandom population = master.split();
      dirt = new Dirt(master.split());
      RosterDates dates =
          new RosterDates(master.split(), policy.policyYear(), policy.regularCutoff());
      builder =
          new PopulationBuilder(
              population,
              divisions,
              policy.policyYear(),
              policy.countyCode(),
              policy.historicalAreaCodes());
      civil = new CivilAffairsExport(master.split(), dates, dirt);
      rural = new RuralRevitalizationExport(master.split(), dates, dirt);
      disability = new DisabilityExport(master.split(), dates, dirt);
      pension = new PensionExport(master.split(), dirt, policy);
      tax = new TaxExport(master.split(), dirt, policy, dates);
      exclusions = new ExclusionExport(master.split(), dirt, dates);
      eventsRng = master.split();
    }

    int sets(int personsPerFileSet) {
      return (options.persons() + personsPerFileSet - 1) / personsPerFileSet;
    }

    /** The files of set {@code set} (1-based), before numbering; sets are drawn in order. */
    List<ExportFile> files(int set, int personsPerFileSet) {
      int othersPer100 = options.countyWide() ? COUNTY_WIDE_OTHERS_PER_100 : OTHERS_PER_100;
      int persons = Math.min(personsPerFileSet, options.persons() - (set - 1) * personsPerFileSet);
      List<SyntheticPerson> roster = builder.roster(persons);
      List<SyntheticPerson> others = builder.others(Math.max(1, persons * othersPer100 / 100));
      List<ExportFile> files = new ArrayList<>();
      files.addAll(civil.files(roster));
      files.addAll(rural.files(roster));
      files.addAll(disability.files(roster));
      files.addAll(pension.files(roster, others));
      files.addAll(tax.files(pension.enrollments()));
      files.addAll(exclusions.files(roster, others));
      return files;
    }
  }

  private static Map<String, Integer> perSource() {
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (Source s : Source.values()) {
      counts.put(s.folder(), 0);
    }
    return counts;
  }

  private static List<ExportFile> numbered(List<ExportFile> files, int set, int sets) {
    return sets == 1 ? files : files.stream().map(f -> f.numbered(set, sets)).toList();
  }

  private static void write(Path out, ExportFile f) throws IOException {
    switch (f.format()) {
      case CSV_UTF8 -> ExportWriter.csv(out, f, StandardCharsets.UTF_8, false);
      case CSV_UTF8_BOM -> ExportWriter.csv(out, f, StandardCharsets.UTF_8, true);
      case CSV_GBK -> ExportWriter.csv(out, f, GBK, false);
      case XLSX -> ExportWriter.xlsx(out, f, "残疾人信息");
    }
  }

  /**
   * @param firstSet the files of the first set, before numbering; every set has the same names,
   *     each with its own number when there are several
   */
  private static void checkNoStrangers(Path out, List<ExportFile> firstSet, int sets)
      throws IOException {
    for (Source s : Source.values()) {
      Path dir = out.resolve(s.folder());
      if (!Files.isDirectory(dir)) {
        continue;
      }
      TreeSet<String> ours = new TreeSet<>();
      for (ExportFile f : firstSet) {
        if (f.source() == s) {
          for (int set = 1; set <= sets; set++) {
            ours.add(sets == 1 ? f.fileName() : f.numbered(set, sets).fileName());
          }
        }
      }
      try (Stream<Path> entries = Files.list(dir)) {
        List<String> strangers =
            entries
                .map(p -> p.getFileName().toString())
                .filter(n -> !ours.contains(n))
                .sorted()
                .toList();
        if (!strangers.isEmpty()) {
          throw new IOException(
              "Cannot generate into "
                  + dir
                  + ": it already holds "
                  + strangers
                  + ", which the pipeline would read with the generated files. Choose an empty"
                  + " --out directory or remove them.");
        }
      }
    }
  }
}
