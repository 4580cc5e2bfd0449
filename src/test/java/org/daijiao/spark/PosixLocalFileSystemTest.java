package org.daijiao.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.List;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.apache.hadoop.fs.CreateFlag;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileContext;
import org.apache.hadoop.fs.Options;
import org.apache.spark.sql.SparkSession;
import org.daijiao.PipelineFixture;
import org.daijiao.TestSpark;
import org.junit.jupiter.api.Test;

/**
 * The local file system of every session ({@link PosixLocalFileSystem}): Delta's writes start no
 * process (Hadoop's own local file system forks {@code chmod} for every new file and {@code
 * readlink} twice for every rename), and files keep the owner-only permissions.
 */
class PosixLocalFileSystemTest {
  @Test
  void deltaWritesOnTheLocalFileSystemStartNoProcess() throws Exception {
    SparkSession spark = TestSpark.session();
    String table = PipelineFixture.tempDir("no-fork").resolve("t").toString();
    Path recorded = PipelineFixture.tempDir("no-fork-jfr").resolve("events.jfr");
    try (Recording recording = new Recording()) {
      recording.enable("jdk.ProcessStart");
      recording.start();
      spark.range(3).write().format("delta").save(table);
      spark.range(5).write().format("delta").mode("overwrite").save(table);
      spark
          .range(2)
          .write()
          .format("delta")
          .mode("overwrite")
          .option("replaceWhere", "id < 2")
          .save(table);
      recording.stop();
      recording.dump(recorded);
    }
    List<String> started =
        RecordingFile.readAllEvents(recorded).stream()
            .map((RecordedEvent e) -> e.getString("command"))
            // Spark itself may ask `getconf PAGESIZE` once per JVM, on its first task.
            .filter(command -> command.matches("(chmod|readlink|ls|stat) .*"))
            .toList();
    assertThat(started).as("file commands started by three Delta writes").isEmpty();
    assertThat(spark.read().format("delta").load(table).count()).isEqualTo(5);
    assertThat(SparkSessions.fileSystem(spark, hadoopPath(Path.of(table))))
        .isInstanceOf(PosixLocalFileSystem.class);
  }

  @Test
  void aFileContextRenameAndNewFilesKeepTheOwnerOnlyMask() throws Exception {
    SparkSession spark = TestSpark.session();
    Path dir = PipelineFixture.tempDir("posix-fs");
    FileContext fc = FileContext.getFileContext(dir.toUri(), spark.sessionState().newHadoopConf());
    try (FSDataOutputStream out =
        fc.create(hadoopPath(dir.resolve("a")), EnumSet.of(CreateFlag.CREATE))) {
      out.write(42);
    }
    fc.rename(hadoopPath(dir.resolve("a")), hadoopPath(dir.resolve("b")), Options.Rename.NONE);
    assertThat(Files.exists(dir.resolve("a"))).isFalse();
    assertThat(Files.readAllBytes(dir.resolve("b"))).containsExactly(42);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("b"))))
        .isEqualTo("rw-------");
  }

  private static org.apache.hadoop.fs.Path hadoopPath(Path local) {
    return new org.apache.hadoop.fs.Path(local.toUri());
  }
}
