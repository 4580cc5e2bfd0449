package org.daijiao.generate;

import java.nio.file.Path;
import java.util.Objects;

/**
 * What to generate: how many roster persons, the seed that makes the output reproducible, and the
 * input directory to write ({@code <out>/<source>/…}, SPEC §4).
 */
public record GeneratorOptions(int persons, long seed, Path out) {
  public GeneratorOptions {
    if (persons < 1) {
      throw new IllegalArgumentException("persons must be at least 1, got " + persons);
    }
    Objects.requireNonNull(out, "out");
  }
}
