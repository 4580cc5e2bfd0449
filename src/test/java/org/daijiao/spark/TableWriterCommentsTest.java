package org.daijiao.spark;

import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.assertj.core.api.Assertions.assertThat;
import static org.daijiao.spark.ColumnSpec.optional;
import static org.daijiao.spark.ColumnSpec.required;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructField;
import org.daijiao.PipelineFixture;
import org.daijiao.TestSpark;
import org.junit.jupiter.api.Test;

/**
 * Issue 9: every table carries its contract's comments (Chinese term and English meaning), at no
 * extra Delta commit in a run: a new table gets them in its one commit, a rewrite with the same
 * contract adds nothing, and only edited texts cost one metadata commit. Its own small Delta table:
 * the pipeline fixtures create their tables once and never see a contract change.
 */
class TableWriterCommentsTest {
  private static final String NOTE = "note";

  private static TableContract contract(TableName table, String version) {
    return TableContract.of(
        table,
        "探针" + version,
        "a table of this test, texts " + version,
        required(ColumnNames.POLICY_YEAR, IntegerType, "政策年度" + version, "the year, " + version),
        optional(NOTE, StringType, "备注" + version, "the person's note, " + version));
  }

  private static Dataset<Row> rows() {
    return TestSpark.session()
        .createDataFrame(
            List.of(RowFactory.create(2022, "a"), RowFactory.create(2022, null)),
            contract(TableName.gold("any"), "").schema());
  }

  @Test
  void aYearTableIsCreatedWithItsCommentsAndOnlyEditedTextsCostACommit() {
    Warehouse warehouse = new Warehouse(PipelineFixture.tempDir("comments-year").toString());
    TableWriter writer = new TableWriter(TestSpark.session(), warehouse);
    TableName table = TableName.gold("comment_probe");

    assertThat(writer.replaceYear(contract(table, "v1"), rows(), 2022))
        .as("a new table: one commit that holds rows and comments")
        .isZero();
    assertComments(warehouse, table, "v1");

    assertThat(writer.replaceYear(contract(table, "v1"), rows(), 2022))
        .as("the same contract again: the write's commit only")
        .isEqualTo(1);
    assertComments(warehouse, table, "v1");

    assertThat(writer.replaceYear(contract(table, "v2"), rows(), 2022))
        .as("edited texts: the write, then one commit for the table's and one for the columns'")
        .isEqualTo(4);
    assertComments(warehouse, table, "v2");
  }

  @Test
  void aSnapshotTableTakesEditedColumnCommentsWithItsWrite() {
    Warehouse warehouse = new Warehouse(PipelineFixture.tempDir("comments-snapshot").toString());
    TableWriter writer = new TableWriter(TestSpark.session(), warehouse);
    TableName table = TableName.silver("comment_probe");

    assertThat(writer.replace(contract(table, "v1"), rows())).isZero();
    assertComments(warehouse, table, "v1");
    assertThat(writer.replace(contract(table, "v2"), rows()))
        .as("the overwrite stores the columns' new comments; one commit for the table's")
        .isEqualTo(2);
    assertComments(warehouse, table, "v2");
  }

  @Test
  void aFirstWriteThatCrashedLeavesFilesTheNextWriteTakesThePlaceWithComments() throws Exception {
    Warehouse warehouse = new Warehouse(PipelineFixture.tempDir("comments-crashed").toString());
    TableName table = TableName.gold("comment_probe");
    java.nio.file.Path left = java.nio.file.Path.of(warehouse.pathOf(table));
    java.nio.file.Files.createDirectories(left);
    java.nio.file.Files.writeString(left.resolve("part-00000-left-by-a-crash.parquet"), "cut");

    new TableWriter(TestSpark.session(), warehouse)
        .replaceYear(contract(table, "v1"), rows(), 2022);
    assertComments(warehouse, table, "v1");
  }

  private static void assertComments(Warehouse warehouse, TableName table, String version) {
    SparkSession spark = TestSpark.session();
    String path = warehouse.pathOf(table);
    Map<String, String> columns = new LinkedHashMap<>();
    for (StructField f : spark.read().format("delta").load(path).schema().fields()) {
      columns.put(f.name(), f.getComment().isDefined() ? f.getComment().get() : null);
    }
    assertThat(columns)
        .as("column comments of %s after writing with the %s contract", table, version)
        .containsExactly(
            Map.entry(ColumnNames.POLICY_YEAR, "政策年度" + version + " — the year, " + version),
            Map.entry(NOTE, "备注" + version + " — the person's note, " + version));
    String description =
        spark.sql("DESCRIBE DETAIL delta.`" + path + "`").first().getAs("description");
    assertThat(description)
        .as("table comment of %s", table)
        .isEqualTo("探针" + version + " — a table of this test, texts " + version);
  }
}
