package org.daijiao.ops;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.daijiao.UserFacingException;
import org.daijiao.UserFacingException.Code;
import org.daijiao.spark.TableName;

/**
 * What a backup holds, written last into its folder as {@value #NAME} (docs/operations.md, "Backup
 * and restore"): the finished run it is a copy of, each table with the version that run left, and
 * each file with its size and SHA-256, so that a restore finds a damaged or incomplete backup
 * before it changes anything. A folder without it is a backup that did not finish.
 *
 * @param format the warehouse format of the tables ({@link WarehouseFormat#CURRENT} when written)
 * @param writtenBy the daijiao version that wrote the backup
 * @param createdAt when the backup was taken (ISO-8601)
 * @param warehouse the warehouse it was taken from
 * @param runId the last finished run of that warehouse: the tables are as it left them
 * @param runVersions every table's version when that run finished (its record in {@code ops.runs})
 * @param auditHorizonYears the warehouse's audit horizon, which a restore keeps
 * @param tables the tables copied
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record BackupManifest(
    @JsonProperty("format") int format,
    @JsonProperty("written_by") String writtenBy,
    @JsonProperty("created_at") String createdAt,
    @JsonProperty("warehouse") String warehouse,
    @JsonProperty("run_id") String runId,
    @JsonProperty("run_versions") Map<String, Long> runVersions,
    @JsonProperty("audit_horizon_years") int auditHorizonYears,
    @JsonProperty("tables") List<Table> tables) {

  static final String NAME = "daijiao-backup.json";
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /**
   * One table of the backup: its folder {@code <layer>/<table>} in the backup as in a warehouse.
   *
   * @param table {@code layer.table}
   * @param version the Delta version copied: the latest of the copy
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record Table(
      @JsonProperty("table") String table,
      @JsonProperty("version") long version,
      @JsonProperty("bytes") long bytes,
      @JsonProperty("files") List<FileEntry> files) {

    TableName name() {
      int dot = table.indexOf('.');
      return new TableName(table.substring(0, dot), table.substring(dot + 1));
    }

    /** The table's folder in a backup or warehouse rooted at {@code root}. */
    Path folder(Path root) {
      return new Path(new Path(root, name().layer()), name().table());
    }
  }

  /**
   * One file of a table.
   *
   * @param path relative to the table's folder, with {@code /}
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record FileEntry(
      @JsonProperty("path") String path,
      @JsonProperty("bytes") long bytes,
      @JsonProperty("sha256") String sha256) {}

  /** Writes the manifest into the backup folder: a file of its own first, then renamed. */
  void write(FileSystem fs, Path backup) throws IOException {
    Path file = new Path(backup, NAME);
    Path tmp = new Path(backup, NAME + ".tmp");
    try (OutputStream out = fs.create(tmp, true)) {
      JSON.writeValue(out, this);
    }
    if (!fs.rename(tmp, file)) {
      throw new IOException("cannot rename " + tmp + " to " + file);
    }
  }

  /**
   * The manifest of the backup in {@code backup}.
   *
   * @throws UserFacingException when there is none (not a backup, or one that did not finish), it
   *     cannot be read, or a newer daijiao wrote it
   */
  static BackupManifest read(FileSystem fs, Path backup) {
    Path file = new Path(backup, NAME);
    BackupManifest m;
    try (InputStream in = fs.open(file)) {
      m = JSON.readValue(in, BackupManifest.class);
    } catch (FileNotFoundException e) {
      throw damaged(
          backup,
          "it has no "
              + NAME
              + " (not a daijiao backup, or a backup that did not finish: it is written last)");
    } catch (IOException e) {
      throw damaged(backup, NAME + " cannot be read (" + e.getClass().getSimpleName() + ")");
    }
    if (m.tables() == null || m.runId() == null || m.tables().isEmpty()) {
      throw damaged(backup, NAME + " names no run or no table");
    }
    if (m.format() > WarehouseFormat.CURRENT) {
      throw new UserFacingException(
          Code.WAREHOUSE,
          "Backup "
              + backup
              + " was written by daijiao "
              + m.writtenBy()
              + " (warehouse format "
              + m.format()
              + "); this daijiao "
              + WarehouseFormat.DAIJIAO_VERSION
              + " knows formats up to "
              + WarehouseFormat.CURRENT
              + ": restore it with daijiao "
              + m.writtenBy()
              + " or newer.");
    }
    return m;
  }

  /**
   * Checks every file of the backup against the manifest: present, of its size and SHA-256, and
   * each table's log reaching its version. Reads the whole backup once.
   *
   * @throws UserFacingException naming the first file that differs
   */
  void verify(FileSystem fs, Path backup) {
    for (Table t : tables) {
      String commit = BackupFiles.LOG + "/" + String.format("%020d", t.version()) + ".json";
      if (t.files().stream().noneMatch(f -> f.path().equals(commit))) {
        throw damaged(backup, t.table() + " lacks the commit of its version " + t.version());
      }
      for (FileEntry f : t.files()) {
        Path file = new Path(t.folder(backup), f.path());
        String where = t.name().layer() + "/" + t.name().table() + "/" + f.path();
        FileEntry found;
        try {
          found = BackupFiles.hash(fs, file, f.path());
        } catch (FileNotFoundException e) {
          throw damaged(backup, where + " is missing");
        } catch (org.apache.hadoop.fs.ChecksumException e) {
          // The file system's own checksum (a local disk's .crc beside the file) found it first.
          throw damaged(
              backup, where + " does not have the content the backup wrote (its checksum)");
        } catch (IOException e) {
          throw damaged(backup, where + " cannot be read (" + e.getClass().getSimpleName() + ")");
        }
        if (found.bytes() != f.bytes()) {
          throw damaged(
              backup,
              where + " has " + found.bytes() + " bytes where the backup wrote " + f.bytes());
        }
        if (!found.sha256().equals(f.sha256())) {
          throw damaged(backup, where + " does not have the content the backup wrote (SHA-256)");
        }
      }
    }
  }

  /** A backup that cannot be restored, in one line; nothing has been changed. */
  static UserFacingException damaged(Path backup, String what) {
    return new UserFacingException(
        Code.WAREHOUSE,
        "Backup "
            + backup
            + " is damaged: "
            + what
            + ". Nothing was changed; restore from another copy of the backup (docs/operations.md,"
            + " \"Backup and restore\").");
  }
}
