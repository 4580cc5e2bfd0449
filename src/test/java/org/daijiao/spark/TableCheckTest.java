package org.daijiao.spark;

import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.assertj.core.api.Assertions.assertThat;
import static org.daijiao.DataFrames.frame;
import static org.daijiao.DataFrames.row;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.delta.DeltaLog;
import org.daijiao.PipelineFixture;
import org.daijiao.TestSpark;
import org.junit.jupiter.api.Test;

/**
 * A table whose log has a checkpoint (docs/operations.md, "A damaged table, a full disk"): the live
 * files come from the checkpoint (Parquet) and the commits after it, so a data file that only the
 * checkpoint lists is checked too, and a checkpoint cut short is damage.
 */
class TableCheckTest {
  private static final TableName TABLE = new TableName("gold", "checkpointed");
  private static final TableContract CONTRACT =
      TableContract.of(
          TABLE,
          "小表",
          "a table with a checkpoint",
          ColumnSpec.required(ColumnNames.POLICY_YEAR, IntegerType, "政策年度", "the year"),
          ColumnSpec.required("word", StringType, "词", "a word"));

  private static SparkSession spark() {
    return TestSpark.session();
  }

  /** Versions 0 (2022) and 1 (2023), a checkpoint at 1, then version 2 (2024). */
  private static Warehouse checkpointed() {
    Warehouse w = new Warehouse(PipelineFixture.tempDir("checkpointed").toString());
    TableWriter writer = new TableWriter(spark(), w);
    writer.replace(CONTRACT, frame(CONTRACT.schema(), row(2022, "first")));
    writer.append(CONTRACT, frame(CONTRACT.schema(), row(2023, "second")));
    DeltaLog.forTable(spark(), w.pathOf(TABLE)).checkpoint();
    writer.append(CONTRACT, frame(CONTRACT.schema(), row(2024, "third")));
    return w;
  }

  private static Path logFile(Warehouse w, String name) {
    return Path.of(w.pathOf(TABLE), "_delta_log", name);
  }

  @Test
  void aSoundTableWithACheckpointPassesAndItsBytesAreItsFiles() throws IOException {
    Warehouse w = checkpointed();
    assertThat(logFile(w, "00000000000000000001.checkpoint.parquet")).exists();
    assertThat(TableCheck.check(spark(), w, TABLE, -1)).isEmpty();
    assertThat(TableCheck.check(spark(), w, TABLE, 1)).isEmpty();
    long bytes;
    try (Stream<Path> files = Files.list(Path.of(w.pathOf(TABLE)))) {
      bytes =
          files
              .filter(p -> p.getFileName().toString().endsWith(".parquet"))
              .mapToLong(p -> p.toFile().length())
              .sum();
    }
    assertThat(TableCheck.liveBytes(spark(), w, TABLE, -1)).hasValue(bytes);
  }

  @Test
  void aDataFileOnlyTheCheckpointListsIsMissed() throws IOException {
    Warehouse w = checkpointed();
    // Version 0's file: the commits after the checkpoint do not name it, only the checkpoint does.
    String first =
        Files.readAllLines(logFile(w, "00000000000000000000.json")).stream()
            .filter(l -> l.startsWith("{\"add\""))
            .map(l -> l.replaceAll(".*\"path\":\"([^\"]+)\".*", "$1"))
            .findFirst()
            .orElseThrow();
    Files.delete(Path.of(w.pathOf(TABLE), first));
    Optional<TableDamage> damage = TableCheck.check(spark(), w, TABLE, -1);
    assertThat(damage).isPresent();
    assertThat(damage.get().kind()).isEqualTo(TableDamage.Kind.MISSING_FILE);
    assertThat(damage.get().detail())
        .isEqualTo("1 of the 3 data files its log lists is not there (" + first + ")");
  }

  @Test
  void aCheckpointCutShortIsADamagedLog() throws IOException {
    Warehouse w = checkpointed();
    Path checkpoint = logFile(w, "00000000000000000001.checkpoint.parquet");
    byte[] bytes = Files.readAllBytes(checkpoint);
    Files.write(checkpoint, java.util.Arrays.copyOf(bytes, bytes.length / 2));
    Optional<TableDamage> damage = TableCheck.check(spark(), w, TABLE, -1);
    assertThat(damage).isPresent();
    assertThat(damage.get().kind()).isEqualTo(TableDamage.Kind.UNREADABLE_LOG);
    assertThat(damage.get().detail())
        .startsWith("its checkpoint 00000000000000000001.checkpoint.parquet has ")
        .endsWith(" bytes, _last_checkpoint records " + String.format("%,d", bytes.length));
    assertThat(List.of(damage.get().line(w.root())))
        .singleElement()
        .asString()
        .startsWith(
            "Table gold.checkpointed is damaged: its Delta log is damaged — its checkpoint");
  }
}
