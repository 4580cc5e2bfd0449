package org.daijiao.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import org.daijiao.UserFacingException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reports and work lists are written owner-only (README, Data protection), whole or not at all,
 * into a folder that is checked before anything is read.
 */
class OutputFilesTest {
  @TempDir Path dir;

  @Test
  void aNewFolderAndItsFilesAreTheOwnersOnly() throws IOException {
    OutputFiles out = OutputFiles.prepare(dir.resolve("reports/2022"));
    Path file = out.write("清单.xlsx", o -> o.write(new byte[] {1, 2, 3}));
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(out.folder())))
        .isEqualTo("rwx------");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    assertThat(Files.readAllBytes(file)).containsExactly(1, 2, 3);
  }

  @Test
  void aFailedWriteLeavesTheEarlierFileAndNoHalfFile() throws IOException {
    OutputFiles out = OutputFiles.prepare(dir);
    Path file = out.write("report.html", o -> o.write("v1".getBytes(StandardCharsets.UTF_8)));
    assertThatThrownBy(
            () ->
                out.write(
                    "report.html",
                    o -> {
                      o.write("half of v2".getBytes(StandardCharsets.UTF_8));
                      throw new IOException("disk full");
                    }))
        .isInstanceOf(UserFacingException.class)
        .hasMessageContaining(file.toString())
        .hasMessageContaining("disk full")
        .hasMessageContaining("the earlier file, if any, is unchanged");
    assertThat(Files.readString(file)).as("the earlier file").isEqualTo("v1");
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files).as("no temporary file left behind").containsExactly(file);
    }
    out.write("report.html", o -> o.write("v2".getBytes(StandardCharsets.UTF_8)));
    assertThat(Files.readString(file)).as("a later write replaces the file").isEqualTo("v2");
  }

  @Test
  void aFolderThatCannotBeWrittenIsNamed() throws IOException {
    Path notAFolder = Files.writeString(dir.resolve("a-file"), "x");
    assertThatThrownBy(() -> OutputFiles.prepare(notAFolder))
        .isInstanceOf(UserFacingException.class)
        .hasMessageContaining("Cannot write to the output folder " + notAFolder)
        .hasMessageContaining("--out");
    assertThatThrownBy(() -> OutputFiles.prepare(notAFolder.resolve("below")))
        .isInstanceOf(UserFacingException.class)
        .hasMessageContaining("Cannot write to the output folder " + notAFolder.resolve("below"));
  }
}
