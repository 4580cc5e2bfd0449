package org.daijiao;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.Architectures.LayeredArchitecture;
import java.util.ArrayList;
import java.util.List;

/**
 * The packages in the order the data flows through them (README, Development): a package imports
 * only packages of the layers below its own — never one above, never another of its own layer — and
 * no packages import each other in a circle. A new package takes its place in {@link #LAYERS}; a
 * package that is not there fails {@link #everyPackageHasItsPlace}.
 */
@AnalyzeClasses(packages = "org.daijiao", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
  private static final String BASE = "org.daijiao";

  /**
   * Top first. The packages of one layer stand side by side and know nothing of each other: {@code
   * generate}, {@code privacy} and {@code report} are tools the command line runs beside the
   * pipeline; {@code identity}, {@code eligibility} and {@code ledger} are libraries of rules that
   * receive values. Below everything is the base package itself ({@link UserFacingException}).
   */
  static final List<List<String>> LAYERS =
      List.of(
          List.of("cli"),
          List.of("generate", "privacy", "report", "sql", "ops"),
          List.of("pipeline"),
          List.of("coverage"),
          List.of("decide"),
          List.of("resolve"),
          List.of("repair"),
          List.of("ingest"),
          List.of("identity", "eligibility", "ledger"),
          List.of("quality"),
          List.of("spark"),
          List.of("policy"),
          List.of("person", "text"));

  /** The name of the base package's layer. */
  private static final String BASE_LAYER = "(base package)";

  @ArchTest static final ArchRule noPackageImportsAPackageAboveItOrBesideIt = layers();

  @ArchTest
  static final ArchRule noPackagesImportEachOtherInACircle =
      slices().matching(BASE + ".(*)..").should().beFreeOfCycles();

  @ArchTest
  static final ArchRule everyPackageHasItsPlace =
      classes()
          .should()
          .resideInAnyPackage(packagePatterns())
          .because(
              "every package takes its place in ArchitectureTest.LAYERS (README, Development)");

  private static ArchRule layers() {
    LayeredArchitecture architecture = layeredArchitecture().consideringOnlyDependenciesInLayers();
    List<String> above = new ArrayList<>();
    for (List<String> layer : LAYERS) {
      for (String pkg : layer) {
        architecture = architecture.layer(pkg).definedBy(BASE + "." + pkg + "..");
      }
    }
    architecture = architecture.layer(BASE_LAYER).definedBy(BASE);
    for (List<String> layer : LAYERS) {
      for (String pkg : layer) {
        architecture =
            above.isEmpty()
                ? architecture.whereLayer(pkg).mayNotBeAccessedByAnyLayer()
                : architecture
                    .whereLayer(pkg)
                    .mayOnlyBeAccessedByLayers(above.toArray(String[]::new));
      }
      above.addAll(layer);
    }
    return architecture;
  }

  private static String[] packagePatterns() {
    List<String> patterns = new ArrayList<>();
    patterns.add(BASE);
    LAYERS.forEach(layer -> layer.forEach(pkg -> patterns.add(BASE + "." + pkg + "..")));
    return patterns.toArray(String[]::new);
  }
}
