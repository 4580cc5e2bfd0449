package org.daijiao;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * config/jvm-options is the one list of the JVM options Spark needs on Java 17
 * (docs/development.md#jvm-options): bin/daijiao, jobs/lib/common.sh and pom.xml read it; the jar
 * manifest and the Airflow DAG hold copies, checked here. No Spark.
 */
class JvmOptionsTest {
  private static final Path SOURCE = Path.of("config", "jvm-options");
  private static final Pattern ADD_OPENS = Pattern.compile("--add-opens=(\\S+)=ALL-UNNAMED");

  /** The options of config/jvm-options, in order. */
  static List<String> options() throws IOException {
    List<String> out = new ArrayList<>();
    for (String line : Files.readAllLines(SOURCE)) {
      String option = line.strip();
      if (!option.isEmpty() && !option.startsWith("#")) {
        out.add(option);
      }
    }
    return out;
  }

  /** The module/package pairs the list opens. */
  private static List<String> opened() throws IOException {
    List<String> out = new ArrayList<>();
    for (String option : options()) {
      Matcher m = ADD_OPENS.matcher(option);
      if (m.matches()) {
        out.add(m.group(1));
      }
    }
    return out;
  }

  @Test
  void theListHoldsWhatSparkNeedsOnePerLine() throws IOException {
    assertThat(options())
        .as("config/jvm-options")
        .contains(
            "-XX:+IgnoreUnrecognizedVMOptions",
            "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
            "-Djdk.reflect.useDirectMethodHandle=false")
        .allSatisfy(o -> assertThat(o).as("one option a line").doesNotContainAnyWhitespaces());
  }

  @Test
  void theTestJvmWasStartedWithTheList() throws IOException {
    // Surefire's argLine is the pom's spark.jvm.opens, read from config/jvm-options.
    assertThat(ManagementFactory.getRuntimeMXBean().getInputArguments()).containsAll(options());
  }

  @Test
  void theLaunchersReadTheListInsteadOfCopyingIt() throws IOException {
    for (Path script : List.of(Path.of("bin", "daijiao"), Path.of("jobs", "lib", "common.sh"))) {
      assertThat(Files.readString(script))
          .as("%s reads config/jvm-options", script)
          .contains("config/jvm-options")
          .doesNotContain("--add-opens");
    }
  }

  @Test
  void theJarManifestOpensTheSamePackages() throws IOException {
    Path jar = Path.of("target", "daijiao.jar");
    assumeTrue(
        Files.exists(jar)
            && Files.getLastModifiedTime(jar).compareTo(Files.getLastModifiedTime(SOURCE)) >= 0,
        "no jar built since config/jvm-options changed");
    try (JarFile file = new JarFile(jar.toFile())) {
      String addOpens = file.getManifest().getMainAttributes().getValue("Add-Opens");
      assertThat(List.of(addOpens.strip().split("\\s+")))
          .as("Add-Opens of target/daijiao.jar")
          .containsExactlyElementsOf(opened());
    }
  }

  @Test
  void theAirflowDagReadsTheListInsteadOfCopyingIt() throws IOException {
    // jobs/check-scheduler-files.sh runs the DAG file and checks every task's options against it.
    String dag = Files.readString(Path.of("jobs", "airflow", "daijiao_dag.py"));
    assertThat(dag)
        .as("jobs/airflow/daijiao_dag.py reads config/jvm-options")
        .contains("os.path.join(DAIJIAO_HOME, \"config\", \"jvm-options\")")
        .doesNotContain("java.base/");
  }
}
