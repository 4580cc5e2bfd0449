package org.daijiao.generate;

import java.nio.file.Path;
import java.util.Objects;

/**
 * What to generate: how many roster persons, the seed that makes the output reproducible, the input
 * directory to write ({@code <out>/<source>/…}, docs/inputs.md#sources), and whether the insurance
 * exports cover the whole county.
 *
 * @param countyWide the social insurance bureau's and the tax bureau's exports hold every person
 *     enrolled in the county (about six per roster person, as in Pengshui), not only the roster
 *     persons and a few others
 */
public record GeneratorOptions(int persons, long seed, Path out, boolean countyWide) {
  public GeneratorOptions {
    if (persons < 1) {
      throw new IllegalArgumentException("persons must be at least 1, got " + persons);
    }
    Objects.requireNonNull(out, "out");
  }

  /** The bundled sample's shape: insurance exports of the roster persons and a few others. */
  public GeneratorOptions(int persons, long seed, Path out) {
    this(persons, seed, out, false);
  }
}
