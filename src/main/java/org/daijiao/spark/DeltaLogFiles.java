package org.daijiao.spark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.example.GroupReadSupport;

/**
 * The data files a Delta table's log lists at one version, read from {@code _delta_log} with the
 * file system alone (no Spark job): the newest checkpoint at or before the version (Parquet, read
 * with parquet-hadoop), then every commit after it, line by line as JSON; and the checksum file of
 * the version ({@code .crc}: number and bytes of the live files) when Delta wrote one. A log that
 * cannot be read this way throws {@link Damage} with what is wrong; {@link TableCheck} compares the
 * result with the files on disk.
 */
final class DeltaLogFiles {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern COMMIT = Pattern.compile("(\\d{20})\\.json");
  private static final Pattern CHECKSUM = Pattern.compile("(\\d{20})\\.crc");
  private static final Pattern CHECKPOINT =
      Pattern.compile("(\\d{20})\\.checkpoint(?:\\.(\\d{10})\\.(\\d{10}))?\\.parquet");

  /** A log that cannot be read: which file and why. */
  static final class Damage extends Exception {
    final TableDamage.Kind kind;

    Damage(TableDamage.Kind kind, String detail) {
      super(detail);
      this.kind = kind;
    }
  }

  /** The live files at the version (absolute path → recorded size) and its checksum, if any. */
  record State(long version, Map<Path, Long> live, Long checksumFiles, Long checksumBytes) {}

  private DeltaLogFiles() {}

  /**
   * The live files of the table in {@code tableDir} at {@code version} (its latest when negative).
   *
   * @throws Damage when the log is missing, incomplete or cannot be parsed
   * @throws IOException when the file system fails (a permission, a disk)
   */
  static State at(FileSystem fs, Path tableDir, long version) throws Damage, IOException {
    Path log = new Path(tableDir, "_delta_log");
    if (!fs.exists(log)) {
      throw new Damage(TableDamage.Kind.MISSING_LOG, "its folder has no _delta_log");
    }
    Map<Long, FileStatus> commits = new TreeMap<>();
    Map<Long, FileStatus> checksums = new HashMap<>();
    Map<Long, List<FileStatus>> checkpoints = new TreeMap<>();
    Map<Long, Integer> checkpointParts = new HashMap<>();
    for (FileStatus s : fs.listStatus(log)) {
      String name = s.getPath().getName();
      Matcher m;
      if ((m = COMMIT.matcher(name)).matches()) {
        commits.put(Long.parseLong(m.group(1)), s);
      } else if ((m = CHECKSUM.matcher(name)).matches()) {
        checksums.put(Long.parseLong(m.group(1)), s);
      } else if ((m = CHECKPOINT.matcher(name)).matches()) {
        long v = Long.parseLong(m.group(1));
        checkpoints.computeIfAbsent(v, k -> new ArrayList<>()).add(s);
        checkpointParts.put(v, m.group(3) == null ? 1 : Integer.parseInt(m.group(3)));
      }
    }
    if (version < 0 && commits.isEmpty()) {
      throw new Damage(TableDamage.Kind.UNREADABLE_LOG, "its _delta_log holds no commit");
    }
    if (version < 0) {
      version = ((TreeMap<Long, FileStatus>) commits).lastKey();
    }
    if (!commits.containsKey(version)) {
      throw new Damage(
          TableDamage.Kind.UNREADABLE_LOG,
          "its log has no commit " + commitName(version) + " (the version to be read)");
    }
    long start = -1;
    for (Map.Entry<Long, List<FileStatus>> c : checkpoints.entrySet()) {
      if (c.getKey() <= version && c.getValue().size() == checkpointParts.get(c.getKey())) {
        start = c.getKey();
      }
    }
    requireLastCheckpoint(fs, log, version, start, checkpoints);
    Map<Path, Long> live = new LinkedHashMap<>();
    if (start >= 0) {
      for (FileStatus part : checkpoints.get(start)) {
        readCheckpoint(fs, tableDir, part, live);
      }
    }
    for (long v = start + 1; v <= version; v++) {
      FileStatus commit = commits.get(v);
      if (commit == null) {
        throw new Damage(
            TableDamage.Kind.UNREADABLE_LOG,
            "its log misses commit "
                + commitName(v)
                + (start < 0 ? " and has no checkpoint before it" : ""));
      }
      replay(fs, tableDir, commit, live);
    }
    Long files = null;
    Long bytes = null;
    FileStatus crc = checksums.get(version);
    if (crc != null) {
      JsonNode sum = parseWhole(fs, crc.getPath());
      files = sum.path("numFiles").isNumber() ? sum.get("numFiles").asLong() : null;
      bytes = sum.path("tableSizeBytes").isNumber() ? sum.get("tableSizeBytes").asLong() : null;
    }
    return new State(version, live, files, bytes);
  }

  /**
   * {@code _last_checkpoint} names the newest checkpoint and its size: a checkpoint it names at or
   * before the version must be there whole. Only a hint to Delta, so one that cannot be parsed is
   * not damage.
   */
  private static void requireLastCheckpoint(
      FileSystem fs, Path log, long version, long found, Map<Long, List<FileStatus>> checkpoints)
      throws Damage, IOException {
    Path last = new Path(log, "_last_checkpoint");
    if (!fs.exists(last)) {
      return;
    }
    JsonNode hint;
    try {
      hint = parseWhole(fs, last);
    } catch (Damage e) {
      return;
    }
    if (!hint.path("version").isNumber() || hint.get("version").asLong() > version) {
      return;
    }
    long named = hint.get("version").asLong();
    String name = String.format("%020d.checkpoint.parquet", named);
    if (named != found) {
      throw new Damage(
          TableDamage.Kind.UNREADABLE_LOG,
          "its checkpoint " + name + ", which _last_checkpoint names, is missing or incomplete");
    }
    if (hint.path("sizeInBytes").isNumber()) {
      long recorded = hint.get("sizeInBytes").asLong();
      long actual = checkpoints.get(named).stream().mapToLong(FileStatus::getLen).sum();
      if (recorded != actual) {
        throw new Damage(
            TableDamage.Kind.UNREADABLE_LOG,
            String.format(
                "its checkpoint %s has %,d bytes, _last_checkpoint records %,d",
                name, actual, recorded));
      }
    }
  }

  private static void readCheckpoint(
      FileSystem fs, Path tableDir, FileStatus part, Map<Path, Long> live)
      throws Damage, IOException {
    try (ParquetReader<Group> reader =
        ParquetReader.builder(new GroupReadSupport(), part.getPath())
            .withConf(fs.getConf())
            .build()) {
      for (Group g = reader.read(); g != null; g = reader.read()) {
        if (g.getType().containsField("add") && g.getFieldRepetitionCount("add") > 0) {
          Group add = g.getGroup("add", 0);
          live.put(dataFile(tableDir, add.getString("path", 0)), add.getLong("size", 0));
        }
      }
    } catch (IOException | RuntimeException e) {
      if (TableCheck.isPermission(e)) {
        throw e instanceof IOException io ? io : new IOException(e);
      }
      throw new Damage(
          TableDamage.Kind.UNREADABLE_LOG,
          "its checkpoint "
              + part.getPath().getName()
              + " cannot be read as Parquet ("
              + e.getClass().getSimpleName()
              + ")");
    }
  }

  /** Applies one commit's add and remove actions to the live files. */
  private static void replay(FileSystem fs, Path tableDir, FileStatus commit, Map<Path, Long> live)
      throws Damage, IOException {
    String name = commit.getPath().getName();
    if (commit.getLen() == 0) {
      throw new Damage(TableDamage.Kind.UNREADABLE_LOG, "its log file " + name + " is empty");
    }
    try (FSDataInputStream in = fs.open(commit.getPath());
        BufferedReader lines =
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      int number = 0;
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        number++;
        if (line.isBlank()) {
          continue;
        }
        JsonNode action;
        try {
          action = JSON.readTree(line);
        } catch (com.fasterxml.jackson.core.JacksonException e) {
          throw new Damage(
              TableDamage.Kind.UNREADABLE_LOG,
              "its log file "
                  + name
                  + " cannot be parsed (line "
                  + number
                  + " is cut off or not JSON)");
        }
        if (action.has("add")) {
          JsonNode add = action.get("add");
          live.put(dataFile(tableDir, add.path("path").asText()), add.path("size").asLong(-1));
        } else if (action.has("remove")) {
          live.remove(dataFile(tableDir, action.get("remove").path("path").asText()));
        }
      }
      if (number == 0) {
        throw new Damage(TableDamage.Kind.UNREADABLE_LOG, "its log file " + name + " is empty");
      }
    } catch (org.apache.hadoop.fs.ChecksumException e) {
      throw failsChecksum(name);
    }
  }

  /** A log file that does not match the checksum Hadoop keeps beside it ({@code .name.crc}). */
  private static Damage failsChecksum(String name) {
    return new Damage(
        TableDamage.Kind.CHECKSUM_MISMATCH,
        "its log file "
            + name
            + " does not match its checksum ."
            + name
            + ".crc (it was cut short or changed)");
  }

  private static JsonNode parseWhole(FileSystem fs, Path file) throws Damage, IOException {
    try (FSDataInputStream in = fs.open(file)) {
      JsonNode node = JSON.readTree(in);
      if (node == null || !node.isObject()) {
        throw new com.fasterxml.jackson.core.JsonParseException(null, "not an object");
      }
      return node;
    } catch (org.apache.hadoop.fs.ChecksumException e) {
      throw failsChecksum(file.getName());
    } catch (com.fasterxml.jackson.core.JacksonException e) {
      throw new Damage(
          TableDamage.Kind.UNREADABLE_LOG,
          "its log file " + file.getName() + " cannot be parsed (cut off or not JSON)");
    }
  }

  /** A path of the log (URI-encoded, relative to the table unless absolute) as a file path. */
  private static Path dataFile(Path tableDir, String logPath) throws Damage {
    try {
      Path p = new Path(new URI(logPath));
      return Path.getPathWithoutSchemeAndAuthority(p.isAbsolute() ? p : new Path(tableDir, p));
    } catch (URISyntaxException | IllegalArgumentException e) {
      throw new Damage(
          TableDamage.Kind.UNREADABLE_LOG, "its log names a data file that is not a path");
    }
  }

  static String commitName(long version) {
    return String.format("%020d.json", version);
  }
}
