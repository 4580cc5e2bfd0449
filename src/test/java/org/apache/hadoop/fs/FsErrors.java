package org.apache.hadoop.fs;

/** Hadoop's FSError, whose constructor is package-private: what its local file system throws. */
public final class FsErrors {
  private FsErrors() {}

  public static FSError of(Throwable cause) {
    return new FSError(cause);
  }
}
