package org.daijiao.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Replays the committed fuzz corpus ({@code src/test/resources/fuzz-corpus}) through the Jazzer
 * targets without Jazzer: a regression check that every input once found still gives a value or an
 * allowed refusal. Tagged {@code slow} (the default build excludes it): run with {@code mvn test
 * -Pslow -Dtest=FuzzCorpusReplayTest}.
 */
@Tag("slow")
class FuzzCorpusReplayTest {
  @ParameterizedTest(name = "{0}")
  @CsvSource({"ExportReaderFuzz", "XlsxReaderFuzz", "ValueParsersFuzz"})
  void everyCorpusInputOfTheTargetRunsWithoutACrash(String target) throws IOException {
    Consumer<byte[]> run =
        switch (target) {
          case "ExportReaderFuzz" -> ExportReaderFuzz::fuzzerTestOneInput;
          case "XlsxReaderFuzz" -> XlsxReaderFuzz::fuzzerTestOneInput;
          default -> ValueParsersFuzz::fuzzerTestOneInput;
        };
    Path dir = Path.of("src/test/resources/fuzz-corpus", target);
    List<Path> inputs;
    try (Stream<Path> files = Files.list(dir)) {
      inputs = files.sorted().toList();
    }
    assertThat(inputs).as("corpus of %s (run jobs/fuzz.sh)", target).isNotEmpty();
    for (Path input : inputs) {
      byte[] data = Files.readAllBytes(input);
      try {
        run.accept(data);
      } catch (RuntimeException | Error e) {
        throw new AssertionError(target + " crashes on corpus input " + input.getFileName(), e);
      }
    }
  }
}
