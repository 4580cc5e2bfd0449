package org.daijiao;

import static org.apache.spark.sql.functions.array_sort;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.map_entries;
import static org.assertj.core.api.Assertions.assertThat;

import com.holdenkarau.spark.testing.JavaDataFrameSuiteBase;
import com.holdenkarau.spark.testing.SparkSessionProvider;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.MapType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.daijiao.spark.ScalaSeqs;

/**
 * Tiny DataFrames for stage tests, and the whole-output comparison: the same columns and types (the
 * table contract's, for a stage that writes a table) and the same rows, duplicates counted, in any
 * order.
 *
 * <p>The rows are compared by spark-testing-base's {@code assertDataFrameDataEquals} (a count per
 * distinct row on both sides, joined null-safely). Its base classes are JUnit 4 suites; here one
 * instance runs on the shared test session without being a test class, so JUnit never reflects over
 * it (the reflection would need Hive's classes, which the project does not otherwise use).
 */
public final class DataFrames {
  private static JavaDataFrameSuiteBase comparisons;

  private DataFrames() {}

  /** A DataFrame of a few rows ({@link #row}) on the shared test session. */
  public static Dataset<Row> frame(StructType schema, Row... rows) {
    return TestSpark.session().createDataFrame(Arrays.asList(rows), schema);
  }

  /** A row; a {@link List} value becomes the Scala sequence Spark expects for an array column. */
  public static Row row(Object... values) {
    Object[] converted = new Object[values.length];
    for (int i = 0; i < values.length; i++) {
      converted[i] = values[i] instanceof List<?> list ? ScalaSeqs.of(list) : values[i];
    }
    return RowFactory.create(converted);
  }

  /**
   * Asserts that {@code actual} has the columns and types of {@code expected} (nullability aside:
   * it is the contract's promise, checked on the data by {@code TableContractsTest}) and the same
   * rows, each as many times.
   */
  public static void assertSameRows(Dataset<Row> expected, Dataset<Row> actual) {
    assertThat(columns(actual.schema()))
        .as("columns of the stage's output")
        .isEqualTo(columns(expected.schema()));
    Dataset<Row> expectedRows = withMapsAsEntries(expected);
    Dataset<Row> actualRows = withMapsAsEntries(actual);
    try {
      comparisons().assertDataFrameDataEquals(expectedRows, actualRows);
    } catch (AssertionError e) {
      throw new AssertionError(
          "rows differ ("
              + e.getMessage()
              + ")\nexpected but missing:\n"
              + expectedRows.exceptAll(actualRows).showString(20, 0, false)
              + "unexpected:\n"
              + actualRows.exceptAll(expectedRows).showString(20, 0, false),
          e);
    }
  }

  /** Map columns as their sorted entries: Spark cannot group or compare rows by a map. */
  private static Dataset<Row> withMapsAsEntries(Dataset<Row> rows) {
    Dataset<Row> out = rows;
    for (StructField f : rows.schema().fields()) {
      if (f.dataType() instanceof MapType) {
        out = out.withColumn(f.name(), array_sort(map_entries(col(f.name()))));
      }
    }
    return out;
  }

  private static synchronized JavaDataFrameSuiteBase comparisons() {
    if (comparisons == null) {
      SparkSessionProvider._sparkSession_$eq(TestSpark.session());
      comparisons = new JavaDataFrameSuiteBase();
    }
    return comparisons;
  }

  private static List<String> columns(StructType schema) {
    List<String> out = new ArrayList<>();
    for (StructField f : schema.fields()) {
      out.add(f.name() + " " + f.dataType().simpleString());
    }
    return out;
  }
}
