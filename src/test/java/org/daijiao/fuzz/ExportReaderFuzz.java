package org.daijiao.fuzz;

import java.util.Arrays;
import org.daijiao.ingest.Source;
import org.daijiao.ingest.read.ExportReader;
import org.daijiao.ingest.read.InputFileException;
import org.daijiao.ingest.read.ParsedFile;
import org.daijiao.ingest.read.RawRecord;

/**
 * Jazzer target (run by {@code jobs/fuzz.sh}): any bytes given to {@link ExportReader#read} as a
 * CSV export either read or are refused with an {@link InputFileException}; any other exception or
 * error is a crash. The first byte chooses the source (its header vocabulary), the rest is the
 * file. No Jazzer API is used (the plain {@code byte[]} entry point), so the test code compiles
 * without Jazzer on the class path.
 */
public final class ExportReaderFuzz {
  private ExportReaderFuzz() {}

  public static void fuzzerTestOneInput(byte[] data) {
    read(data, ".csv");
  }

  static void read(byte[] data, String extension) {
    if (data.length == 0) {
      return;
    }
    Source source = Source.values()[(data[0] & 0xFF) % Source.values().length];
    byte[] content = Arrays.copyOfRange(data, 1, data.length);
    try {
      ParsedFile f = ExportReader.read("fuzz" + extension, content, source);
      for (RawRecord r : f.records()) {
        if (r.line() < 1 || !r.values().keySet().containsAll(source.columnNames())) {
          throw new IllegalStateException("record without a line or a canonical column");
        }
      }
    } catch (InputFileException expected) {
      if (expected.getMessage() == null || !expected.getMessage().startsWith("fuzz" + extension)) {
        throw new IllegalStateException("refusal that does not name the file", expected);
      }
    }
  }
}
