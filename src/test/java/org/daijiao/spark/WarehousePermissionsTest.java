package org.daijiao.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.daijiao.SampleRun;
import org.junit.jupiter.api.Test;

/**
 * Issue 4: the warehouse holds ID numbers and names of the county's poorest people; every directory
 * and file daijiao writes into it is for its owner only, whatever the process umask (Hadoop's local
 * file system sets permissions itself from {@code fs.permissions.umask-mode}, see {@code
 * SparkSessions}).
 */
class WarehousePermissionsTest {
  private static final Set<PosixFilePermission> GROUP_OR_OTHER =
      EnumSet.of(
          PosixFilePermission.GROUP_READ,
          PosixFilePermission.GROUP_WRITE,
          PosixFilePermission.GROUP_EXECUTE,
          PosixFilePermission.OTHERS_READ,
          PosixFilePermission.OTHERS_WRITE,
          PosixFilePermission.OTHERS_EXECUTE);

  @Test
  void noFileOrFolderOfTheWarehouseIsOpenToGroupOrOthers() throws Exception {
    Path root = Path.of(SampleRun.get().warehouse().root());
    List<Path> all;
    try (Stream<Path> walk = Files.walk(root)) {
      all = walk.filter(p -> !p.equals(root)).toList();
    }
    assertThat(all).as("files of the warehouse").hasSizeGreaterThan(20);
    for (Path p : all) {
      Set<PosixFilePermission> open = EnumSet.copyOf(Files.getPosixFilePermissions(p));
      open.retainAll(GROUP_OR_OTHER);
      assertThat(open).as("group/other permissions of %s", root.relativize(p)).isEmpty();
    }
  }
}
