package org.daijiao.report;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import org.daijiao.UserFacingException;
import org.daijiao.UserFacingException.Code;

/**
 * The folder reports and work lists are written to. Files are readable by their owner only (the
 * work lists hold names; docs/privacy.md#where-data-is), and each is written whole or not at all:
 * into a hidden temporary file in the same folder, then renamed over the final name in one step, so
 * that a reader never opens half a workbook and a failed write leaves the earlier file as it was.
 */
public final class OutputFiles {
  /** Writes a file's bytes. */
  @FunctionalInterface
  public interface Content {
    void writeTo(OutputStream out) throws IOException;
  }

  private final Path folder;

  private OutputFiles(Path folder) {
    this.folder = folder;
  }

  /**
   * The folder, created owner-only when missing, once it is known to take files: checked before any
   * table is read, so that a wrong {@code --out} costs nothing.
   */
  public static OutputFiles prepare(Path folder) {
    Path dir = folder.toAbsolutePath().normalize();
    try {
      if (Files.notExists(dir)) {
        if (posix()) {
          Files.createDirectories(dir, ownerOnly("rwx------"));
        } else {
          Files.createDirectories(dir);
        }
      }
      if (!Files.isDirectory(dir)) {
        throw cannotWrite(folder, "it is not a folder");
      }
      Files.delete(Files.createTempFile(dir, ".daijiao-probe", ".tmp"));
    } catch (IOException | SecurityException e) {
      throw cannotWrite(folder, describe(e));
    }
    return new OutputFiles(dir);
  }

  public Path folder() {
    return folder;
  }

  /** Writes {@code fileName} in the folder whole, owner-only, replacing an earlier file. */
  public Path write(String fileName, Content content) {
    Path target = folder.resolve(fileName);
    Path tmp = null;
    try {
      tmp =
          posix()
              ? Files.createTempFile(folder, "." + fileName + ".", ".tmp", ownerOnly("rw-------"))
              : Files.createTempFile(folder, "." + fileName + ".", ".tmp");
      try (OutputStream out = Files.newOutputStream(tmp)) {
        content.writeTo(out);
      }
      try {
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
      }
      tmp = null;
      return target;
    } catch (IOException e) {
      throw new UserFacingException(
          Code.OPTION,
          "Cannot write "
              + target
              + " ("
              + describe(e)
              + "): free space in the output folder or choose another --out; the earlier file, if"
              + " any, is unchanged.",
          e);
    } finally {
      if (tmp != null) {
        try {
          Files.deleteIfExists(tmp);
        } catch (IOException e) {
          // The write already failed and says so; a temporary file that cannot be removed is
          // hidden (its name starts with a dot) and is replaced by the next attempt's own.
        }
      }
    }
  }

  private static UserFacingException cannotWrite(Path folder, String why) {
    return new UserFacingException(
        Code.OPTION,
        "Cannot write to the output folder "
            + folder
            + " ("
            + why
            + "): pass a folder you may write to with --out.");
  }

  /** The reason of a file-system error without the stack: its type and the path it names. */
  private static String describe(Exception e) {
    String type = e.getClass().getSimpleName().replace("Exception", "");
    return e.getMessage() == null ? type : type + ": " + e.getMessage();
  }

  private static boolean posix() {
    return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
  }

  private static FileAttribute<?> ownerOnly(String permissions) {
    return PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(permissions));
  }
}
