package org.daijiao.generate;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * Generates a synthetic Pengshui county: the six department exports of SPEC §4 for the bundled
 * policy year, with realistic group shares, ages around the 16–60 window and the dirt real exports
 * have. The same options always give the same files (one seeded {@link SplittableRandom}, split in
 * a fixed order; no clock, no hash order). Every person is invented.
 */
public final class SampleGenerator {
  /** Persons on no roster (only insured or excluded), per 100 roster persons. */
  private static final int OTHERS_PER_100 = 35;

  private static final Charset GBK = Charset.forName("GBK");

  private SampleGenerator() {}

  /**
   * Writes {@code <out>/<source>/…} and tells what was written. Refuses to write into a source
   * folder that holds files it would not overwrite: they would be read together with the new ones.
   */
  public static GeneratorSummary generate(GeneratorOptions options) throws IOException {
    Policy policy = PolicyLoader.bundled();
    SplittableRandom master = new SplittableRandom(options.seed());
    SplittableRandom population = master.split();
    Dirt dirt = new Dirt(master.split());
    RosterDates dates =
        new RosterDates(master.split(), policy.policyYear(), policy.regularCutoff());

    PopulationBuilder builder =
        new PopulationBuilder(
            population,
            Divisions.bundled(),
            policy.policyYear(),
            policy.countyCode(),
            policy.historicalAreaCodes());
    List<SyntheticPerson> roster = builder.roster(options.persons());
    List<SyntheticPerson> others =
        builder.others(Math.max(1, options.persons() * OTHERS_PER_100 / 100));

    List<ExportFile> files = new ArrayList<>();
    files.addAll(new CivilAffairsExport(master.split(), dates, dirt).files(roster));
    files.addAll(new RuralRevitalizationExport(master.split(), dates, dirt).files(roster));
    files.addAll(new DisabilityExport(master.split(), dates, dirt).files(roster));
    PensionExport pension = new PensionExport(master.split(), dirt, policy);
    files.addAll(pension.files(roster, others));
    files.addAll(new TaxExport(master.split(), dirt, policy, dates).files(pension.enrollments()));
    files.addAll(new ExclusionExport(master.split(), dirt, dates).files(roster, others));

    checkNoStrangers(options.out(), files);
    Map<String, Integer> rows = new LinkedHashMap<>();
    Map<String, Integer> fileCounts = new LinkedHashMap<>();
    for (Source s : Source.values()) {
      rows.put(s.folder(), 0);
      fileCounts.put(s.folder(), 0);
    }
    for (ExportFile f : files) {
      write(options.out(), f);
      rows.merge(f.source().folder(), f.rows().size(), Integer::sum);
      fileCounts.merge(f.source().folder(), 1, Integer::sum);
    }
    return new GeneratorSummary(rows, fileCounts, roster.size(), dirt.counts());
  }

  private static void write(Path out, ExportFile f) throws IOException {
    switch (f.format()) {
      case CSV_UTF8 -> ExportWriter.csv(out, f, StandardCharsets.UTF_8, false);
      case CSV_UTF8_BOM -> ExportWriter.csv(out, f, StandardCharsets.UTF_8, true);
      case CSV_GBK -> ExportWriter.csv(out, f, GBK, false);
      case XLSX -> ExportWriter.xlsx(out, f, "残疾人信息");
    }
  }

  private static void checkNoStrangers(Path out, List<ExportFile> files) throws IOException {
    for (Source s : Source.values()) {
      Path dir = out.resolve(s.folder());
      if (!Files.isDirectory(dir)) {
        continue;
      }
      TreeSet<String> ours = new TreeSet<>();
      files.stream().filter(f -> f.source() == s).forEach(f -> ours.add(f.fileName()));
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
