package org.daijiao.spark;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.ChecksumFs;
import org.apache.hadoop.fs.DelegateToFileSystem;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FsServerDefaults;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.apache.hadoop.fs.local.LocalConfigKeys;
import org.apache.hadoop.fs.permission.FsPermission;

/**
 * Hadoop's local file system ({@code file:}), with two of its calls made through Java's own file
 * API instead of a new process. Without Hadoop's native library (which daijiao does not ship),
 * {@link RawLocalFileSystem} runs {@code chmod} for every file and directory it creates and {@code
 * readlink} twice for every rename; Delta renames each commit into place. Measured with a Java
 * Flight Recorder profile (docs/performance.md#local-file-system): a sample run started 794
 * processes, a test case (the fixture county's run, then a decide on a copy of its warehouse)
 * 1,408. The results are the same: the same permission bits (the owner-only umask already applied
 * by the caller), and the status of a path that is not a symbolic link is its file status; a
 * symbolic link, or a permission with the sticky bit, goes through Hadoop's own code.
 *
 * <p>{@link SparkSessions} names it for {@code fs.file.impl}, and {@link Fs} for {@code
 * fs.AbstractFileSystem.file.impl} (the {@code FileContext} that Delta's log store writes commits
 * with), in a session on one machine (local mode, the tests). Under spark-submit the cluster's file
 * systems stand; other schemes (HDFS, object stores) are never touched.
 */
public final class PosixLocalFileSystem extends LocalFileSystem {
  public PosixLocalFileSystem() {
    super(new Raw());
  }

  /** The raw (checksum-less) local file system with the two calls replaced. */
  static final class Raw extends RawLocalFileSystem {
    @Override
    public void setPermission(Path p, FsPermission permission) throws IOException {
      if (permission.getStickyBit()) {
        super.setPermission(p, permission);
        return;
      }
      String bits =
          permission.getUserAction().SYMBOL
              + permission.getGroupAction().SYMBOL
              + permission.getOtherAction().SYMBOL;
      try {
        Files.setPosixFilePermissions(
            pathToFile(p).toPath(), PosixFilePermissions.fromString(bits));
      } catch (UnsupportedOperationException e) {
        // Not a POSIX file system: Hadoop's way.
        super.setPermission(p, permission);
      }
    }

    @Override
    public FileStatus getFileLinkStatus(Path f) throws IOException {
      if (Files.isSymbolicLink(pathToFile(f).toPath())) {
        return super.getFileLinkStatus(f);
      }
      // Hadoop's answer for a path that is not a link (it learns that from readlink): the file's
      // status, or FileNotFoundException.
      return getFileStatus(f);
    }
  }

  /**
   * The same file system for Hadoop's {@code FileContext} ({@code
   * fs.AbstractFileSystem.file.impl}), with checksums as Hadoop's {@code LocalFs} keeps them.
   */
  public static final class Fs extends ChecksumFs {
    public Fs(URI uri, Configuration conf) throws IOException, URISyntaxException {
      super(new RawFs(uri, conf));
    }
  }

  /** {@link Raw} as an {@code AbstractFileSystem}, as Hadoop's {@code RawLocalFs} does it. */
  static final class RawFs extends DelegateToFileSystem {
    RawFs(URI uri, Configuration conf) throws IOException, URISyntaxException {
      super(uri, new Raw(), conf, "file", false);
    }

    @Override
    public int getUriDefaultPort() {
      return -1; // file:/// has no port
    }

    @Override
    public FsServerDefaults getServerDefaults() throws IOException {
      return LocalConfigKeys.getServerDefaults();
    }

    @Override
    public boolean isValidName(String src) {
      // As Hadoop's RawLocalFs: each local file system has its own rules; the OS applies them.
      return true;
    }
  }
}
