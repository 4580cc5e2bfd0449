package org.daijiao.ingest;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;
import org.daijiao.UserFacingException;
import org.daijiao.UserFacingException.Code;
import org.daijiao.spark.SparkSessions;

/**
 * The export files of an input directory, {@code <input>/<source>/*}, listed on the driver (names
 * only; the bytes are read by the executors). Hidden files ({@code .x}, {@code _x}) are skipped, as
 * Spark does, and so are Office lock files ({@code ~$x}).
 */
public final class InputFiles {
  /** One export file: its source and its path. */
  public record InputFile(Source source, String path, String displayName) {}

  private InputFiles() {}

  public static List<InputFile> list(SparkSession spark, String inputDir) {
    List<InputFile> files = new ArrayList<>();
    try {
      Path root = new Path(inputDir);
      FileSystem fs = SparkSessions.fileSystem(spark, root);
      if (!fs.exists(root) || !fs.getFileStatus(root).isDirectory()) {
        throw new UserFacingException(
            Code.INPUT,
            "Input directory "
                + inputDir
                + " does not exist: pass --input DIR with one folder per source ("
                + folders()
                + ").");
      }
      int foldersFound = 0;
      for (Source source : Source.values()) {
        Path folder = new Path(root, source.folder());
        if (!fs.exists(folder)) {
          continue;
        }
        foldersFound++;
        FileStatus[] statuses = fs.listStatus(folder);
        java.util.Arrays.sort(statuses, Comparator.comparing(s -> s.getPath().getName()));
        for (FileStatus s : statuses) {
          String name = s.getPath().getName();
          if (s.isFile() && !isHiddenOrLock(name)) {
            files.add(new InputFile(source, s.getPath().toString(), source.folder() + "/" + name));
          }
        }
      }
      if (foldersFound == 0) {
        throw new UserFacingException(
            Code.INPUT,
            "Input directory "
                + inputDir
                + " has none of the source folders "
                + folders()
                + ": see docs/inputs.md#sources for the layout <input>/<source>/*.csv|*.xlsx.");
      }
    } catch (IOException e) {
      throw new UserFacingException(
          Code.INPUT, "Cannot list input directory " + inputDir + ": " + e.getMessage(), e);
    }
    return files;
  }

  /**
   * Hidden files ({@code .x}, {@code _x}, as Spark skips them) and the owner files Excel and WPS
   * leave next to a workbook that is open ({@code ~$名册.xlsx}): a lock file is not an export and
   * would otherwise stop every run while a clerk has the roster open.
   */
  static boolean isHiddenOrLock(String name) {
    return name.startsWith(".") || name.startsWith("_") || name.startsWith("~$");
  }

  private static String folders() {
    List<String> names = new ArrayList<>();
    for (Source s : Source.values()) {
      names.add(s.folder() + "/");
    }
    return String.join(", ", names);
  }
}
