package org.daijiao;

import java.io.FileNotFoundException;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AccessDeniedException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FSError;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FsErrors;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.apache.hadoop.fs.permission.FsPermission;
import org.apache.spark.sql.SparkSession;

/**
 * The local file system as Hadoop sees it, with two faults a test switches on for one folder: a
 * disk that is full (every write there throws what Hadoop's local file system throws on ENOSPC: an
 * {@link FSError} around "No space left on device"), and a folder the user may not read (as {@code
 * chmod 000} does for a user who is not root: listing and opening refused, the files inside not
 * seen). Installed as the {@code file} scheme of the test session's Hadoop configuration, without
 * the file system cache, for the time of a test ({@link #install}, {@link #close}). Delta's commits
 * go through Hadoop's FileContext (its own local file system), the data files through this one.
 */
public final class FaultyFileSystem extends RawLocalFileSystem {
  private static volatile String fullUnder;
  private static volatile String deniedUnder;

  /** Switched on for a test; {@link #close} switches it off. */
  public static final class Installed implements AutoCloseable {
    private final Configuration conf;

    private Installed(Configuration conf) {
      this.conf = conf;
    }

    /** Every write under {@code dir} from now on meets a full disk (null: none). */
    public void fullUnder(String dir) {
      fullUnder = dir == null ? null : strip(dir);
    }

    /** {@code dir} cannot be listed or read from now on (null: none). */
    public void deniedUnder(String dir) {
      deniedUnder = dir == null ? null : strip(dir);
    }

    @Override
    public void close() {
      fullUnder = null;
      deniedUnder = null;
      conf.unset("fs.file.impl");
      conf.unset("fs.file.impl.disable.cache");
    }
  }

  public static Installed install(SparkSession spark) {
    Configuration conf = spark.sparkContext().hadoopConfiguration();
    conf.set("fs.file.impl", FaultyFileSystem.class.getName());
    conf.set("fs.file.impl.disable.cache", "true");
    return new Installed(conf);
  }

  private static String strip(String dir) {
    return Path.getPathWithoutSchemeAndAuthority(new Path(dir)).toString();
  }

  private static String of(Path p) {
    return Path.getPathWithoutSchemeAndAuthority(p).toString();
  }

  private static boolean under(String dir, Path p) {
    String path = of(p);
    return dir != null && (path.equals(dir) || path.startsWith(dir + "/"));
  }

  private static boolean strictlyUnder(String dir, Path p) {
    return dir != null && of(p).startsWith(dir + "/");
  }

  private static void refuse(Path p) throws AccessDeniedException {
    if (under(deniedUnder, p)) {
      throw new AccessDeniedException(of(p), null, "Permission denied");
    }
  }

  @Override
  public FileStatus getFileStatus(Path p) throws IOException {
    if (strictlyUnder(deniedUnder, p)) {
      // What java.io.File says inside a folder it may not search: nothing there.
      throw new FileNotFoundException("File " + p + " does not exist");
    }
    return super.getFileStatus(p);
  }

  @Override
  public FileStatus[] listStatus(Path p) throws IOException {
    refuse(p);
    return super.listStatus(p);
  }

  @Override
  public FSDataInputStream open(Path p, int bufferSize) throws IOException {
    refuse(p);
    return super.open(p, bufferSize);
  }

  @Override
  protected OutputStream createOutputStreamWithMode(Path p, boolean append, FsPermission mode)
      throws IOException {
    return full(p, super.createOutputStreamWithMode(p, append, mode));
  }

  @Override
  protected OutputStream createOutputStream(Path p, boolean append) throws IOException {
    return full(p, super.createOutputStream(p, append));
  }

  private static OutputStream full(Path p, OutputStream out) {
    if (!under(fullUnder, p)) {
      return out;
    }
    return new FilterOutputStream(out) {
      @Override
      public void write(int b) {
        throw noSpace();
      }

      @Override
      public void write(byte[] b, int off, int len) {
        throw noSpace();
      }
    };
  }

  private static FSError noSpace() {
    return FsErrors.of(new IOException("No space left on device"));
  }
}
