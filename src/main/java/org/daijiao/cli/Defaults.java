package org.daijiao.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import org.daijiao.UserFacingException;
import org.daijiao.UserFacingException.Code;

/** Defaults that depend on where daijiao is installed (bin/daijiao passes -Ddaijiao.home). */
final class Defaults {
  private Defaults() {}

  /** The bundled sample county, {@code <home>/data/sample}. */
  static String sampleInput() {
    String home = System.getProperty("daijiao.home");
    Path sample = home == null ? Path.of("data", "sample") : Path.of(home, "data", "sample");
    if (!Files.isDirectory(sample)) {
      throw new UserFacingException(
          Code.OPTION,
          "No --input given and the bundled sample " + sample + " is not there: pass --input DIR.");
    }
    return sample.toString();
  }
}
