package org.daijiao.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.SparkSession;
import org.daijiao.PipelineFixture;
import org.daijiao.TestSpark;
import org.daijiao.UserFacingException;
import org.daijiao.spark.JobContext;
import org.daijiao.spark.Progress;
import org.daijiao.spark.TableName;
import org.daijiao.spark.Warehouse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * SPEC §4: a file that lacks a required column or cannot be decoded stops the run before any table
 * changes, with a message naming the file and the problem. Checked against a warehouse that already
 * holds a good ingest: every table keeps its Delta version and no table appears.
 */
class IngestFailFastTest {
  private static final String HEADER = "姓名,身份证号码,保障类别,乡镇,村,保障开始日期";
  private static final String GOOD_ROW = "张三,500243198001010012,低保,保家镇,,2022-01-01";

  private static Warehouse warehouse;
  private static Map<String, Long> versionsBefore;

  @BeforeAll
  static void ingestAGoodInputOnce() throws IOException {
    Path good = PipelineFixture.tempDir("ingest-good");
    write(
        good.resolve("civil_affairs/a.csv"),
        (HEADER + "\n" + GOOD_ROW + "\n").getBytes(StandardCharsets.UTF_8));
    warehouse = new Warehouse(PipelineFixture.tempDir("ingest-failfast-warehouse").toString());
    ingest(good);
    versionsBefore = versions();
    assertThat(versionsBefore).as("the good ingest wrote the six bronze tables").hasSize(6);
  }

  @Test
  void missingRequiredColumnStopsTheRunNamingFileLineAndColumn() throws IOException {
    Path bad = goodInputPlus("civil_affairs/no_category.csv", utf8("姓名,身份证号码,乡镇,保障开始日期", GOOD_ROW));
    assertThatThrownBy(() -> ingest(bad))
        .isInstanceOf(UserFacingException.class)
        .hasMessageContaining("civil_affairs/no_category.csv: line 1:")
        .hasMessageContaining("required column `category`")
        .hasMessageContaining("missing")
        .hasMessageContaining("no table was changed");
    assertNoTableChanged();
  }

  @Test
  void bytesThatAreNeitherUtf8NorGbkStopTheRunNamingFileAndLine() throws IOException {
    byte[] header =
        ("id_number,name,payment_year,amount,paid_date,payer_type\n")
            .getBytes(StandardCharsets.UTF_8);
    byte[] broken = {(byte) 0xFF, (byte) 0xFE, (byte) 0xFF, ',', '1', '\n'};
    Path bad = goodInputPlus("tax_payments/broken.csv", concat(header, broken));
    assertThatThrownBy(() -> ingest(bad))
        .isInstanceOf(UserFacingException.class)
        .hasMessageContaining("tax_payments/broken.csv: line 2:")
        .hasMessageContaining("neither UTF-8 nor GBK");
    assertNoTableChanged();
  }

  @Test
  void oldXlsWorkbookStopsTheRunNamingTheFile() throws IOException {
    Path bad =
        goodInputPlus(
            "exclusions/old.xls", new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0});
    assertThatThrownBy(() -> ingest(bad))
        .isInstanceOf(UserFacingException.class)
        .hasMessageContaining("exclusions/old.xls:")
        .hasMessageContaining(".xls workbooks are not read");
    assertNoTableChanged();
  }

  @Test
  void everyBrokenFileIsNamedInOneMessage() throws IOException {
    Path bad = goodInputPlus("civil_affairs/no_category.csv", utf8("姓名,身份证号码,乡镇,保障开始日期", GOOD_ROW));
    write(
        bad.resolve("exclusions/old.xls"),
        new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0});
    assertThatThrownBy(() -> ingest(bad))
        .isInstanceOf(UserFacingException.class)
        .hasMessageStartingWith("2 input files cannot be read")
        .hasMessageContaining("civil_affairs/no_category.csv")
        .hasMessageContaining("exclusions/old.xls");
    assertNoTableChanged();
  }

  private static void assertNoTableChanged() {
    assertThat(versions())
        .as("every table keeps its Delta version and no table was added")
        .isEqualTo(versionsBefore);
  }

  /** Table → latest Delta version, for every table of the warehouse. */
  private static Map<String, Long> versions() {
    SparkSession spark = TestSpark.session();
    Map<String, Long> out = new TreeMap<>();
    for (TableName t : warehouse.tables(spark)) {
      long v =
          spark
              .sql("DESCRIBE HISTORY delta.`" + warehouse.pathOf(t) + "` LIMIT 1")
              .first()
              .getAs("version");
      out.put(t.toString(), v);
    }
    return out;
  }

  private static void ingest(Path input) {
    JobContext context = JobContext.forIngest(TestSpark.session(), warehouse, Progress.silent());
    new IngestJob(context, input.toString(), "failfast").run();
  }

  private static Path goodInputPlus(String file, byte[] content) throws IOException {
    Path dir = PipelineFixture.tempDir("ingest-bad");
    write(dir.resolve("civil_affairs/a.csv"), utf8(HEADER, GOOD_ROW));
    write(dir.resolve(file), content);
    return dir;
  }

  private static byte[] utf8(String... lines) {
    return (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = new byte[a.length + b.length];
    System.arraycopy(a, 0, out, 0, a.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  private static void write(Path file, byte[] content) throws IOException {
    Files.createDirectories(file.getParent());
    Files.write(file, content);
  }
}
