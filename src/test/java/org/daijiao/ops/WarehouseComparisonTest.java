package org.daijiao.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.daijiao.TestSpark;
import org.daijiao.ops.WarehouseComparison.TableResult;
import org.daijiao.spark.Tables;
import org.junit.jupiter.api.Test;

/** The row-multiset comparison of two warehouses' tables, on in-memory rows. */
class WarehouseComparisonTest {
  private static final SparkSession SPARK = TestSpark.session();
  private static final Pattern IGNORED = Pattern.compile(WarehouseComparison.IGNORED_COLUMNS);

  /** Synthetic persons (valid check characters). */
  static final String ID_1 = "500243197203120020";

  static final String ID_2 = "500243195512150018";

  private static final StructType SCHEMA =
      new StructType()
          .add("id_number", DataTypes.StringType)
          .add("name", DataTypes.StringType)
          .add("policy_year", DataTypes.IntegerType)
          .add("status", DataTypes.StringType)
          .add("subsidy_amount", DataTypes.createDecimalType(10, 2))
          .add("reasons", DataTypes.createArrayType(DataTypes.StringType))
          .add("run_id", DataTypes.StringType)
          .add("written_at", DataTypes.StringType)
          .add("_change_type", DataTypes.StringType);

  static Row row(String id, String name, String status, String runId) {
    return RowFactory.create(
        id,
        name,
        2022,
        status,
        new java.math.BigDecimal("100.00"),
        new String[] {"LOW_INCOME"},
        runId,
        "2026-12-07 " + runId,
        null);
  }

  private static Dataset<Row> table(Row... rows) {
    return SPARK.createDataFrame(Arrays.asList(rows), SCHEMA);
  }

  private static TableResult compare(Dataset<Row> a, Dataset<Row> b) {
    return WarehouseComparison.compareRows(Tables.ELIGIBILITY, a, b, IGNORED, false);
  }

  @Test
  void theSameRowsInAnotherOrderAreTheSame() {
    TableResult r =
        compare(
            table(
                row(ID_1, "张三", "ELIGIBLE", "r1"),
                row(ID_1, "张三", "ELIGIBLE", "r1"),
                row(ID_2, "李四", "ELIGIBLE", "r1")),
            table(
                row(ID_2, "李四", "ELIGIBLE", "r1"),
                row(ID_1, "张三", "ELIGIBLE", "r1"),
                row(ID_1, "张三", "ELIGIBLE", "r1")));

    assertThat(r.same()).as(r.line()).isTrue();
    assertThat(r.rowsA()).isEqualTo(3);
    assertThat(r.line()).contains("gold.eligibility").contains("3 rows, identical");
  }

  @Test
  void aChangedValueNamesItsColumnAndMasksTheId() {
    TableResult r =
        compare(
            table(row(ID_1, "张三", "ELIGIBLE", "r1"), row(ID_2, "李四", "ELIGIBLE", "r1")),
            table(row(ID_1, "张三", "INELIGIBLE", "r2"), row(ID_2, "李四", "ELIGIBLE", "r2")));

    assertThat(r.same()).isFalse();
    assertThat(r.onlyA()).isEqualTo(1);
    assertThat(r.onlyB()).isEqualTo(1);
    assertThat(r.differingColumns()).containsExactly("status");
    assertThat(r.maskedIdsOnlyA()).hasSize(1);
    assertThat(r.line())
        .contains("DIFFERS", "columns that differ: status", "1 only in A, 1 only in B")
        .doesNotContain(ID_1, ID_2, "张三", "李四")
        .contains(ID_1.substring(0, 6));
  }

  @Test
  void anExtraRowIsADifferenceAndSoIsADuplicate() {
    TableResult extra =
        compare(
            table(row(ID_1, "张三", "ELIGIBLE", "r1")),
            table(row(ID_1, "张三", "ELIGIBLE", "r2"), row(ID_2, "李四", "ELIGIBLE", "r2")));
    TableResult duplicate =
        compare(
            table(row(ID_1, "张三", "ELIGIBLE", "r1")),
            table(row(ID_1, "张三", "ELIGIBLE", "r2"), row(ID_1, "张三", "ELIGIBLE", "r2")));

    assertThat(extra.same()).isFalse();
    assertThat(extra.rowsB()).isEqualTo(2);
    assertThat(extra.onlyA()).isZero();
    assertThat(extra.onlyB()).isEqualTo(1);
    assertThat(extra.maskedIdsOnlyB()).hasSize(1);
    assertThat(extra.line()).doesNotContain(ID_2, "李四");
    assertThat(duplicate.same()).as("rows are compared as multisets").isFalse();
    assertThat(duplicate.onlyB()).isEqualTo(1);
  }

  @Test
  void runIdsTimestampsAndDeltaColumnsAreLeftOut() {
    Dataset<Row> b =
        table(row(ID_1, "张三", "ELIGIBLE", "r2"))
            .withColumn("_commit_version", org.apache.spark.sql.functions.lit(7L));
    TableResult r = compare(table(row(ID_1, "张三", "ELIGIBLE", "r1")), b);

    assertThat(r.same()).as(r.line()).isTrue();
  }

  @Test
  void aColumnOnOneSideOnlyIsADifference() {
    Dataset<Row> b =
        table(row(ID_1, "张三", "ELIGIBLE", "r1"))
            .withColumn("batch", org.apache.spark.sql.functions.lit("B1"));
    TableResult r = compare(table(row(ID_1, "张三", "ELIGIBLE", "r1")), b);

    assertThat(r.same()).isFalse();
    assertThat(r.columnsOnlyB()).isEqualTo(List.of("batch"));
    assertThat(r.onlyA() + r.onlyB()).as("the rows agree on the common columns").isZero();
  }

  @Test
  void noRowsOnEitherSideIsADifferenceOnlyWhenRowsAreRequired() {
    TableResult lenient =
        WarehouseComparison.compareRows(Tables.WORKLIST, table(), table(), IGNORED, false);
    TableResult strict =
        WarehouseComparison.compareRows(Tables.WORKLIST, table(), table(), IGNORED, true);

    assertThat(lenient.same()).isTrue();
    assertThat(strict.same()).isFalse();
    assertThat(strict.line()).contains("no rows in either warehouse");
  }
}
