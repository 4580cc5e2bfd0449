package org.daijiao.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.daijiao.PipelineFixture;
import org.daijiao.TestSpark;
import org.daijiao.spark.JobContext;
import org.daijiao.spark.Progress;
import org.daijiao.spark.Warehouse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The run record names exactly the bytes that were ingested: ingestion lists the input folder once
 * and reads each file once, on the executors, and the size and SHA-256 it records are those of the
 * bytes it parsed. A department that replaces a file while the run reads it (here: at the moment
 * the file is opened) gets the replacement recorded and ingested, never the listing's old file
 * under the new hash or the other way round.
 */
class IngestedBytesTest {
  private static final String ROSTER = "minzheng_b.csv";

  @AfterEach
  void forgetReplacements() {
    FlipFileSystem.clear();
  }

  @Test
  void aFileReplacedWhileTheRunReadsIsRecordedAsTheBytesIngested() throws Exception {
    Path input = PipelineFixture.tempDir("flip-input");
    PipelineFixture.copyTree(Path.of("src/test/resources/fixture-county"), input);
    Path roster = input.resolve("civil_affairs").resolve(ROSTER);
    List<String> lines = Files.readAllLines(roster, StandardCharsets.UTF_8);
    assertThat(lines)
        .as("the fixture roster has a header and at least two rows")
        .hasSizeGreaterThan(2);
    byte[] listed = Files.readAllBytes(roster);
    // The replacement drops the roster's last row; a second one would be read by a second open.
    byte[] replacement =
        (String.join("\n", lines.subList(0, lines.size() - 1)) + "\n")
            .getBytes(StandardCharsets.UTF_8);
    byte[] secondReplacement = (lines.get(0) + "\n").getBytes(StandardCharsets.UTF_8);
    FlipFileSystem.replaceOnOpen(ROSTER, replacement, secondReplacement);

    SparkSession spark = TestSpark.session();
    spark.sparkContext().hadoopConfiguration().set("fs.flip.impl", FlipFileSystem.class.getName());
    spark.sparkContext().hadoopConfiguration().set("fs.flip.impl.disable.cache", "true");
    IngestJob.Read read =
        new IngestJob(
                JobContext.forIngest(
                    spark,
                    new Warehouse(PipelineFixture.tempDir("flip-warehouse").toString()),
                    Progress.silent()),
                FlipFileSystem.SCHEME + "://" + input,
                "flip")
            .read();
    try {
      IngestedFile recorded =
          read.ingestedFiles().stream()
              .filter(f -> f.file().equals("civil_affairs/" + ROSTER))
              .findFirst()
              .orElseThrow();
      long bronzeRows =
          read.bronze()
              .get(Source.CIVIL_AFFAIRS)
              .filter(
                  org.apache
                      .spark
                      .sql
                      .functions
                      .col(BronzeColumns.SOURCE_FILE)
                      .equalTo("civil_affairs/" + ROSTER))
              .count();

      assertThat(FlipFileSystem.stillQueued(ROSTER))
          .as("the file was opened exactly once (no second read to hash it)")
          .isEqualTo(1);
      assertThat(listed)
          .as("the replacement differs from what the listing saw")
          .isNotEqualTo(replacement);
      assertThat(recorded.sha256())
          .as("the recorded hash is that of the bytes ingested")
          .isEqualTo(sha256(replacement));
      assertThat(recorded.bytes()).isEqualTo(replacement.length);
      assertThat(recorded.records())
          .as("the recorded rows are the replacement's rows, one less than the listed file's")
          .isEqualTo(lines.size() - 2)
          .isEqualTo(bronzeRows);
      assertThat(read.ingestedFiles())
          .as("one listing: every fixture file once")
          .extracting(IngestedFile::file)
          .containsExactly(
              "civil_affairs/minzheng_a.csv",
              "civil_affairs/minzheng_b.csv",
              "disability/canlian.csv",
              "exclusions/paichu.csv",
              "pension_enrollment/shebao.csv",
              "rural_revitalization/xczx.csv",
              "tax_payments/shuiwu.csv");
    } finally {
      read.release();
    }
  }

  private static String sha256(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }
}
