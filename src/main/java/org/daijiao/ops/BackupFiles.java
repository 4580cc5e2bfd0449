package org.daijiao.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import org.daijiao.text.Sha256;

/**
 * The files of one Delta table folder that its version {@code v} needs, for a backup
 * (docs/operations.md, "Backup and restore"): the log up to {@code v} — commits, checksums and
 * checkpoints numbered {@code v} or lower, and {@code _last_checkpoint} unless it points past
 * {@code v} — and every data file in the folder except those that a later commit added. Data files
 * that version {@code v} no longer reads (removed by an earlier commit, not yet vacuumed) are kept:
 * they are the history of the earlier runs that {@code sql --run} and {@code diff} read. Left out:
 * the log of later versions (a later run that did not finish must not come back with a restore),
 * the files only they added, hidden files (the file system's own checksums, which the copy writes
 * anew) and {@code _symlink_format_manifest} (it describes the latest version and is written again
 * for the restored one).
 */
final class BackupFiles {
  static final String LOG = "_delta_log";
  private static final String LAST_CHECKPOINT = "_last_checkpoint";
  private static final String SYMLINK_MANIFEST = "_symlink_format_manifest";

  /** A log file's version: its first 20 digits; a compacted log names its last version second. */
  private static final Pattern LOG_VERSION =
      Pattern.compile("^(\\d{20})(?:\\.(\\d{20})\\.compacted)?\\..*");

  private static final ObjectMapper JSON = new ObjectMapper();

  private BackupFiles() {}

  /**
   * The paths (relative to {@code table}, with {@code /}) that version {@code version} of the table
   * needs, sorted.
   */
  static List<String> atVersion(FileSystem fs, Path table, long version) throws IOException {
    List<String> all = new ArrayList<>();
    RemoteIterator<LocatedFileStatus> files = fs.listFiles(table, true);
    String prefix = fs.makeQualified(table).toUri().getPath();
    while (files.hasNext()) {
      String path = fs.makeQualified(files.next().getPath()).toUri().getPath();
      all.add(path.substring(prefix.length() + 1));
    }
    Set<String> addedLater = addedAfter(fs, table, all, version);
    List<String> needed = new ArrayList<>();
    for (String rel : all) {
      if (needed(fs, table, rel, version) && !addedLater.contains(rel)) {
        needed.add(rel);
      }
    }
    needed.sort(String::compareTo);
    return needed;
  }

  private static boolean needed(FileSystem fs, Path table, String rel, long version)
      throws IOException {
    for (String part : rel.split("/")) {
      if (part.startsWith(".")) {
        return false;
      }
    }
    if (rel.startsWith(SYMLINK_MANIFEST + "/")) {
      return false;
    }
    if (!rel.startsWith(LOG + "/")) {
      return true;
    }
    String name = rel.substring(rel.lastIndexOf('/') + 1);
    if (name.equals(LAST_CHECKPOINT)) {
      return lastCheckpointVersion(fs, new Path(table, rel)) <= version;
    }
    Long v = logVersion(name);
    return v == null || v <= version;
  }

  /** The version a log file belongs to, or null for a file of the log that has none. */
  static Long logVersion(String name) {
    Matcher m = LOG_VERSION.matcher(name);
    if (!m.matches()) {
      return null;
    }
    return Long.parseLong(m.group(2) != null ? m.group(2) : m.group(1));
  }

  /** The version {@code _last_checkpoint} names; past everything when it cannot be read. */
  private static long lastCheckpointVersion(FileSystem fs, Path file) {
    try (InputStream in = fs.open(file)) {
      JsonNode v = JSON.readTree(in).get("version");
      return v != null && v.canConvertToLong() ? v.asLong() : Long.MAX_VALUE;
    } catch (IOException e) {
      // Delta finds the checkpoints by listing when the hint is missing.
      return Long.MAX_VALUE;
    }
  }

  /**
   * The data files that commits after {@code version} added: only the unfinished later run reads
   * them. A later commit that cannot be parsed adds nothing here (its files are then copied too,
   * which costs space, never correctness).
   */
  private static Set<String> addedAfter(
      FileSystem fs, Path table, List<String> files, long version) {
    Set<String> added = new HashSet<>();
    for (String rel : files) {
      if (!rel.startsWith(LOG + "/") || !rel.endsWith(".json") || rel.contains("/_")) {
        continue;
      }
      Long v = logVersion(rel.substring(LOG.length() + 1));
      if (v == null || v <= version || rel.contains(".compacted.")) {
        continue;
      }
      try (BufferedReader r =
          new BufferedReader(
              new InputStreamReader(fs.open(new Path(table, rel)), StandardCharsets.UTF_8))) {
        for (String line = r.readLine(); line != null; line = r.readLine()) {
          JsonNode add = JSON.readTree(line).get("add");
          if (add != null && add.hasNonNull("path")) {
            added.add(new URI(add.get("path").asText()).getPath());
          }
        }
      } catch (IOException | URISyntaxException | RuntimeException e) {
        // See above: copied rather than guessed.
      }
    }
    return added;
  }

  /**
   * Copies {@code from} to {@code to} (not replacing a file) and returns what was copied: its size
   * and the SHA-256 of the bytes read.
   */
  static BackupManifest.FileEntry copy(
      FileSystem fromFs, Path from, FileSystem toFs, Path to, String rel) throws IOException {
    MessageDigest sha = Sha256.digest();
    long bytes;
    try (InputStream in = new DigestInputStream(fromFs.open(from), sha);
        OutputStream out = toFs.create(to, false)) {
      bytes = in.transferTo(out);
    }
    return new BackupManifest.FileEntry(rel, bytes, Sha256.hex(sha));
  }

  /** The size and SHA-256 of a file as it is now. */
  static BackupManifest.FileEntry hash(FileSystem fs, Path file, String rel) throws IOException {
    MessageDigest sha = Sha256.digest();
    long bytes;
    try (InputStream in = new DigestInputStream(fs.open(file), sha)) {
      bytes = in.transferTo(OutputStream.nullOutputStream());
    }
    return new BackupManifest.FileEntry(rel, bytes, Sha256.hex(sha));
  }
}
