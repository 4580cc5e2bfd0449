package org.daijiao.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.daijiao.PipelineFixture;
import org.daijiao.TestSpark;
import org.daijiao.ingest.IngestJob;
import org.daijiao.spark.JobContext;
import org.daijiao.spark.Progress;
import org.daijiao.spark.Warehouse;
import org.junit.jupiter.api.Test;

/**
 * Input files as a run records them: folder, name, size, SHA-256 of the bytes ingestion read (from
 * its one read of each file, on the executors); a file whose content an earlier run ingested is
 * marked with that run, files of one run with the same content are grouped.
 */
class InputFingerprintsTest {
  private static String sha256(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }

  @Test
  void everyFileIsHashedAndOneSeenBeforeIsRecognised() throws Exception {
    Path input = PipelineFixture.tempDir("fingerprints");
    byte[] roster = "id_number,category,start_date\n".getBytes(StandardCharsets.UTF_8);
    byte[] payments =
        "id_number,payment_year,amount,paid_date,payer_type\n".getBytes(StandardCharsets.UTF_8);
    Files.createDirectories(input.resolve("civil_affairs"));
    Files.createDirectories(input.resolve("tax_payments"));
    Files.write(input.resolve("civil_affairs/a.csv"), roster);
    Files.write(input.resolve("civil_affairs/a (1).csv"), roster);
    Files.write(input.resolve("tax_payments/t.csv"), payments);
    Files.write(input.resolve("tax_payments/.hidden.csv"), payments);

    RunRecord earlier =
        new RunRecord(
            "20220801T020000-0001",
            "run",
            List.of(),
            "0.1.0",
            1,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            Map.of(),
            Map.of(),
            Instant.EPOCH,
            Instant.EPOCH,
            RunRecord.Outcome.SUCCEEDED,
            null);
    IngestJob.Read read =
        new IngestJob(
                JobContext.forIngest(
                    TestSpark.session(),
                    new Warehouse(PipelineFixture.tempDir("fingerprints-warehouse").toString()),
                    Progress.silent()),
                input.toString(),
                "fingerprints")
            .read();
    List<RunRecord.InputFile> files;
    try {
      files = InputFingerprints.of(read.ingestedFiles(), Map.of(sha256(payments), earlier));
    } finally {
      read.release();
    }

    assertThat(files)
        .as("every export file but the hidden one, by source then name")
        .containsExactly(
            new RunRecord.InputFile(
                "civil_affairs", "civil_affairs/a (1).csv", roster.length, sha256(roster), null),
            new RunRecord.InputFile(
                "civil_affairs", "civil_affairs/a.csv", roster.length, sha256(roster), null),
            new RunRecord.InputFile(
                "tax_payments",
                "tax_payments/t.csv",
                payments.length,
                sha256(payments),
                earlier.runId()));
    assertThat(InputFingerprints.sameContent(files))
        .as("a file sent twice under two names")
        .containsExactly(List.of("civil_affairs/a (1).csv", "civil_affairs/a.csv"));
  }
}
