package org.daijiao.coverage;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.daijiao.SampleRun;
import org.daijiao.TestSpark;
import org.daijiao.spark.TableName;
import org.daijiao.spark.Tables;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Privacy of what the county publishes (issue 4): the statistics ({@code gold.coverage_stats}) and
 * the funding requests it sends to the departments ({@code gold.department_funding}) are
 * aggregates: no personal column, and no text value that is an ID number.
 */
class PublishedAggregatesPrivacyTest {
  private static final List<String> PERSONAL_COLUMNS =
      List.of(
          "id_number", "name", "certificate_number", "person_number", "household_id", "birth_date");

  static List<TableName> aggregateTables() {
    return List.of(
        Tables.COVERAGE_STATS,
        Tables.DEPARTMENT_FUNDING,
        Tables.COVERAGE_HISTORY,
        Tables.MONTHLY_PROGRESS);
  }

  @ParameterizedTest
  @MethodSource("aggregateTables")
  void aggregateTableHasNoPersonalColumn(TableName table) {
    Dataset<Row> rows = SampleRun.get().warehouse().read(TestSpark.session(), table);
    assertThat(rows.columns())
        .as("%s is published: it must not hold a column about one person", table)
        .doesNotContainAnyElementsOf(PERSONAL_COLUMNS);
    assertThat(rows.count()).as("%s has rows to check", table).isPositive();
  }

  @ParameterizedTest
  @MethodSource("aggregateTables")
  void noTextValueOfAnAggregateTableLooksLikeAnIdNumber(TableName table) {
    Dataset<Row> rows = SampleRun.get().warehouse().read(TestSpark.session(), table);
    for (StructField f : rows.schema().fields()) {
      if (f.dataType().equals(DataTypes.StringType)) {
        long idLike = rows.filter(col(f.name()).rlike("[0-9]{15}")).count();
        assertThat(idLike).as("%s.%s values that look like an ID number", table, f.name()).isZero();
      }
    }
  }
}
