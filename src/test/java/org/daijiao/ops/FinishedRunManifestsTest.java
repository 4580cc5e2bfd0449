package org.daijiao.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.daijiao.PipelineFixture;
import org.daijiao.TestSpark;
import org.daijiao.UserFacingException;
import org.daijiao.quality.QualityColumns;
import org.daijiao.spark.Progress;
import org.daijiao.spark.TableName;
import org.daijiao.spark.TableWriter;
import org.daijiao.spark.Warehouse;
import org.junit.jupiter.api.Test;

/**
 * The manifests and DuckDB views of the last finished run (docs/analysts.md, "Without Spark"), read
 * back by DuckDB itself (its JDBC driver): they list the files of the version the run recorded, not
 * the latest; a later version, a failed run and a table the run did not know change nothing; a
 * partitioned table gets its partition column back, an empty table a typed empty view; a moved
 * warehouse is read where it is now. The same figures through {@code daijiao sql} on the sample
 * run, and a killed run, are {@code .ci/duck-check}'s.
 */
class FinishedRunManifestsTest {
  private static final TableName LEDGER = TableName.gold("ledger");
  private static final TableName BY_YEAR = TableName.gold("by_year");
  private static final TableName EMPTY = TableName.quality("nothing_rejected");
  private static final TableName LATER = TableName.silver("created_later");

  private static final StructType LEDGER_SCHEMA =
      new StructType()
          .add("person", DataTypes.StringType)
          .add("subsidy_amount", DataTypes.createDecimalType(12, 2))
          .add("first_eligible_date", DataTypes.DateType)
          .add("flags", DataTypes.createArrayType(DataTypes.StringType))
          .add("ingested_at", DataTypes.TimestampType);

  private static final StructType BY_YEAR_SCHEMA =
      new StructType().add("policy_year", DataTypes.IntegerType).add("persons", DataTypes.LongType);

  private final SparkSession spark = TestSpark.session();

  @Test
  void viewsShowTheRecordedVersionNotTheLatest() throws Exception {
    Warehouse warehouse = warehouse("duck-versions");
    write(warehouse, LEDGER, ledgerRows("A", "70.00", "B", "100.00"));
    long recorded = warehouse.latestVersion(spark, LEDGER);
    List<String> recordedFiles = files(warehouse, LEDGER, recorded);
    // A later run that did not finish replaced the table.
    write(warehouse, LEDGER, ledgerRows("C", "0.01", "D", "0.02"));

    FinishedRunManifests.Written w =
        FinishedRunManifests.write(spark, warehouse, "run-1", Map.of(LEDGER.qualified(), recorded));

    assertThat(w.runId()).isEqualTo("run-1");
    assertThat(manifest(warehouse, LEDGER))
        .as("the manifest lists the recorded version's files, as Delta's log has them")
        .containsExactlyElementsOf(recordedFiles)
        .allMatch(f -> f.startsWith("file:/"));
    try (Connection duck = views(warehouse, null)) {
      assertThat(rows(duck, "SELECT person, subsidy_amount FROM gold.ledger ORDER BY person"))
          .as("persons A and B of the recorded version, not C and D of the later one")
          .containsExactly(
              List.of("A", new BigDecimal("70.00")), List.of("B", new BigDecimal("100.00")));
      assertThat(rows(duck, "SELECT sum(subsidy_amount)::VARCHAR FROM gold_ledger"))
          .as("the flat alias, and the sum to the cent with the column's scale")
          .containsExactly(List.of("170.00"));
      assertThat(
              rows(
                  duck,
                  "SELECT first_eligible_date::VARCHAR, flags::VARCHAR,"
                      + " epoch_ms(ingested_at) FROM gold.ledger WHERE person = 'A'"))
          .as("a date, an array, and the instant Spark stored (INT96, UTC)")
          .containsExactly(
              List.of(
                  "2022-08-31",
                  "[LATE, TIER_DEFAULTED]",
                  Instant.parse("2022-09-01T02:03:04Z").toEpochMilli()));
      assertThat(
              rows(
                  duck,
                  "SELECT run_id, table_name, delta_version, data_files FROM ops.finished_run"))
          .containsExactly(List.of("run-1", "gold.ledger", recorded, (long) recordedFiles.size()));
    }
  }

  @Test
  void aPartitionedTableGetsItsPartitionColumnBackAndAnEmptyTableATypedView() throws Exception {
    Warehouse warehouse = warehouse("duck-partitions");
    spark
        .createDataFrame(
            List.of(RowFactory.create(2022, 1505L), RowFactory.create(2023, 1533L)), BY_YEAR_SCHEMA)
        .write()
        .format("delta")
        .partitionBy("policy_year")
        .save(warehouse.pathOf(BY_YEAR));
    spark
        .createDataFrame(List.of(), QualityColumns.REJECTED_RECORDS.schema())
        .write()
        .format("delta")
        .save(warehouse.pathOf(EMPTY));
    Map<String, Long> versions = Map.of(BY_YEAR.qualified(), 0L, EMPTY.qualified(), 0L);

    FinishedRunManifests.write(spark, warehouse, "run-1", versions);

    Path manifests = Path.of(warehouse.pathOf(BY_YEAR), "_symlink_format_manifest");
    assertThat(listed(manifests))
        .as("one manifest per partition folder, as Delta lays them out")
        .containsExactly("policy_year=2022/manifest", "policy_year=2023/manifest");
    assertThat(
            Files.readString(Path.of(warehouse.pathOf(EMPTY), "_symlink_format_manifest/manifest")))
        .as("an empty table's manifest lists no file")
        .isEmpty();
    try (Connection duck = views(warehouse, null)) {
      assertThat(rows(duck, "SELECT policy_year, persons FROM gold.by_year ORDER BY policy_year"))
          .containsExactly(List.of(2022, 1505L), List.of(2023, 1533L));
      assertThat(rows(duck, "SELECT column_name, column_type FROM (DESCRIBE gold.by_year)"))
          .as("the partition column with its type, in the table's order")
          .containsExactly(List.of("policy_year", "INTEGER"), List.of("persons", "BIGINT"));
      assertThat(rows(duck, "SELECT count(*) FROM quality.nothing_rejected"))
          .containsExactly(List.of(0L));
      assertThat(
              rows(
                  duck, "SELECT column_name, column_type FROM (DESCRIBE quality.nothing_rejected)"))
          .as("the empty table's columns and types, as its contract says")
          .containsExactly(
              List.of("source", "VARCHAR"),
              List.of("source_file", "VARCHAR"),
              List.of("line", "BIGINT"),
              List.of("reason", "VARCHAR"),
              List.of("detail", "VARCHAR"));
    }

    // The next finished run left 2023 out: its manifest folder goes.
    spark
        .createDataFrame(List.of(RowFactory.create(2022, 1506L)), BY_YEAR_SCHEMA)
        .write()
        .format("delta")
        .mode("overwrite")
        .save(warehouse.pathOf(BY_YEAR));
    FinishedRunManifests.write(
        spark, warehouse, "run-2", Map.of(BY_YEAR.qualified(), 1L, EMPTY.qualified(), 0L));
    assertThat(listed(manifests)).containsExactly("policy_year=2022/manifest");
    try (Connection duck = views(warehouse, null)) {
      assertThat(rows(duck, "SELECT policy_year, persons FROM gold.by_year"))
          .containsExactly(List.of(2022, 1506L));
    }
  }

  @Test
  void aMovedWarehouseIsReadWhereItIsNow() throws Exception {
    Warehouse warehouse = warehouse("duck-moved");
    write(warehouse, LEDGER, ledgerRows("A", "70.00", "B", "100.00"));
    write(warehouse, LATER, ledgerRows("X", "1.00", "Y", "2.00"));
    FinishedRunManifests.write(spark, warehouse, "run-1", Map.of(LEDGER.qualified(), 0L));
    Path moved = PipelineFixture.tempDir("duck-moved-to").resolve("warehouse");
    copy(Path.of(warehouse.root()), moved);
    delete(Path.of(warehouse.root()));

    try (Connection duck = views(new Warehouse(moved.toString()), moved.toString())) {
      assertThat(rows(duck, "SELECT count(*), sum(subsidy_amount)::VARCHAR FROM gold.ledger"))
          .containsExactly(List.of(2L, "170.00"));
      assertThat(
              rows(
                  duck,
                  "SELECT count(*) FROM information_schema.tables WHERE table_name = 'created_later'"))
          .as("a table the finished run did not know has no view")
          .containsExactly(List.of(0L));
    }
  }

  @Test
  void aFailedRunLeavesTheViewsAsTheLastFinishedRunWroteThem() throws Exception {
    Warehouse warehouse = warehouse("duck-recorded");
    TableWriter writer = new TableWriter(spark, warehouse);
    String first =
        RecordedRun.record(
            spark,
            warehouse,
            Progress.silent(),
            "test",
            List.of(),
            Duration.ZERO,
            run -> {
              writer.replace(QualityColumns.INGEST_RECONCILIATION, reconciliation(1896));
              return run.id();
            });
    Path views = Path.of(FinishedRunManifests.viewsFile(warehouse).toString());
    String written = Files.readString(views);
    assertThat(written).startsWith("-- daijiao: DuckDB views of run " + first + ",");

    assertThatThrownBy(
            () ->
                RecordedRun.record(
                    spark,
                    warehouse,
                    Progress.silent(),
                    "test",
                    List.of(),
                    Duration.ZERO,
                    run -> {
                      writer.replace(QualityColumns.INGEST_RECONCILIATION, reconciliation(9999));
                      throw new IllegalStateException("the run fails after its first table");
                    }))
        .isInstanceOf(IllegalStateException.class);

    assertThat(Files.readString(views))
        .as("the failed run left the file as it was")
        .isEqualTo(written);
    try (Connection duck = views(warehouse, null)) {
      assertThat(rows(duck, "SELECT rows_read FROM quality.ingest_reconciliation"))
          .as("the finished run's rows, not the failed run's")
          .containsExactly(List.of(1896L));
      assertThat(rows(duck, "SELECT count(*) FROM ops.runs"))
          .as("ops.runs as it was when the finished run was recorded")
          .containsExactly(List.of(1L));
    }
    try (Stream<Path> left = Files.list(views.getParent())) {
      assertThat(left.map(p -> p.getFileName().toString()))
          .as("no temporary file left behind")
          .noneMatch(n -> n.endsWith(".tmp"));
    }
  }

  @Test
  void viewsThatCannotBeWrittenAreRemovedWithANote() throws Exception {
    Warehouse warehouse = warehouse("duck-unreadable");
    write(warehouse, LEDGER, ledgerRows("A", "70.00", "B", "100.00"));
    FinishedRunManifests.write(spark, warehouse, "run-1", Map.of(LEDGER.qualified(), 0L));
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    Progress progress = new Progress(new PrintStream(err, true, StandardCharsets.UTF_8), false);

    FinishedRunManifests.afterRun(
        spark, warehouse, "run-2", Map.of(LEDGER.qualified(), 7L), progress);

    assertThat(Path.of(FinishedRunManifests.viewsFile(warehouse).toString()))
        .as("no views of run-1 left to pass for the last finished run")
        .doesNotExist();
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("Version 7 of gold.ledger")
        .contains("`bin/daijiao duckdb-views` writes them again");
    assertThatThrownBy(() -> FinishedRunManifests.rewrite(spark, warehouse("duck-no-runs")))
        .isInstanceOf(UserFacingException.class)
        .hasMessageContaining("records no run that finished");
  }

  private Warehouse warehouse(String prefix) {
    return new Warehouse(PipelineFixture.tempDir(prefix).toString());
  }

  private Dataset<Row> ledgerRows(String p1, String amount1, String p2, String amount2) {
    return spark.createDataFrame(
        List.of(
            RowFactory.create(
                p1,
                new BigDecimal(amount1),
                java.sql.Date.valueOf(LocalDate.of(2022, 8, 31)),
                List.of("LATE", "TIER_DEFAULTED").toArray(),
                java.sql.Timestamp.from(Instant.parse("2022-09-01T02:03:04Z"))),
            RowFactory.create(p2, new BigDecimal(amount2), null, new String[0], null)),
        LEDGER_SCHEMA);
  }

  private Dataset<Row> reconciliation(long read) {
    return spark.createDataFrame(
        List.of(RowFactory.create("civil_affairs", read, read, 0L)),
        QualityColumns.INGEST_RECONCILIATION.schema());
  }

  /** Replaces the table with the rows, in two data files. */
  private static void write(Warehouse warehouse, TableName table, Dataset<Row> rows) {
    rows.repartition(2).write().format("delta").mode("overwrite").save(warehouse.pathOf(table));
  }

  /** The version's files as Delta's own snapshot lists them. */
  private List<String> files(Warehouse warehouse, TableName table, long version) {
    List<String> out = new ArrayList<>();
    TableFiles.at(spark, warehouse, table, version).files().forEach(f -> out.add(f.qualified()));
    return out;
  }

  private static List<String> manifest(Warehouse warehouse, TableName table) throws IOException {
    return Files.readAllLines(
        Path.of(warehouse.pathOf(table), "_symlink_format_manifest", "manifest"));
  }

  private static List<String> listed(Path dir) throws IOException {
    try (Stream<Path> all = Files.walk(dir)) {
      return all.filter(Files::isRegularFile)
          .map(p -> dir.relativize(p).toString())
          .filter(n -> !n.contains("/.") && !n.startsWith("."))
          .sorted()
          .toList();
    }
  }

  /** An in-memory DuckDB that has read the views file, with the warehouse set where it now is. */
  private static Connection views(Warehouse warehouse, String movedTo) throws Exception {
    Connection duck = DriverManager.getConnection("jdbc:duckdb:");
    try (Statement s = duck.createStatement()) {
      if (movedTo != null) {
        s.execute("SET VARIABLE daijiao_warehouse = '" + movedTo.replace("'", "''") + "'");
      }
      s.execute(Files.readString(Path.of(FinishedRunManifests.viewsFile(warehouse).toString())));
    }
    return duck;
  }

  private static List<List<Object>> rows(Connection duck, String sql) throws SQLException {
    List<List<Object>> out = new ArrayList<>();
    try (Statement s = duck.createStatement();
        ResultSet r = s.executeQuery(sql)) {
      int columns = r.getMetaData().getColumnCount();
      while (r.next()) {
        List<Object> row = new ArrayList<>();
        for (int i = 1; i <= columns; i++) {
          row.add(r.getObject(i));
        }
        out.add(row);
      }
    }
    return out;
  }

  private static void copy(Path from, Path to) throws IOException {
    try (Stream<Path> all = Files.walk(from)) {
      for (Path p : all.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    }
  }

  private static void delete(Path dir) throws IOException {
    try (Stream<Path> all = Files.walk(dir)) {
      all.sorted(Comparator.reverseOrder())
          .forEach(
              p -> {
                try {
                  Files.delete(p);
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              });
    }
  }
}
