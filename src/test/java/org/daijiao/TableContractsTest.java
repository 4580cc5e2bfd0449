package org.daijiao;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count_if;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.daijiao.coverage.CoverageColumns;
import org.daijiao.coverage.HistoryColumns;
import org.daijiao.decide.GoldColumns;
import org.daijiao.ingest.BronzeColumns;
import org.daijiao.ingest.Source;
import org.daijiao.quality.QualityColumns;
import org.daijiao.repair.RepairColumns;
import org.daijiao.resolve.SilverColumns;
import org.daijiao.spark.ColumnSpec;
import org.daijiao.spark.TableContract;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every table of a pipeline run (the fixture county) has the columns and types of its contract, in
 * order, and a column the contract declares non-null holds no null. Every table and column says
 * what it is, in Chinese and in English.
 */
class TableContractsTest {
  private static final Path FIXTURE = Path.of("src/test/resources/fixture-county");

  static Stream<TableContract> contracts() {
    List<TableContract> all = new ArrayList<>();
    for (Source s : Source.values()) {
      all.add(BronzeColumns.contract(s));
    }
    all.addAll(
        List.of(
            QualityColumns.REJECTED_RECORDS,
            QualityColumns.IDENTITY_CONFLICTS,
            QualityColumns.INGEST_RECONCILIATION,
            RepairColumns.ID_REPAIR_CANDIDATES,
            SilverColumns.PERSONS,
            SilverColumns.CATEGORY_PERIODS,
            SilverColumns.EXCLUSION_PERIODS,
            SilverColumns.ENROLLMENTS,
            SilverColumns.PAYMENTS,
            GoldColumns.ELIGIBILITY,
            GoldColumns.SUBSIDY_LEDGER,
            GoldColumns.REACHING_PENSION_AGE,
            CoverageColumns.COVERAGE_STATS,
            CoverageColumns.DEPARTMENT_FUNDING,
            CoverageColumns.WORKLIST,
            HistoryColumns.COVERAGE_HISTORY,
            HistoryColumns.WORKLIST_HISTORY,
            HistoryColumns.TARGET_HISTORY,
            HistoryColumns.ACTION_LOG,
            HistoryColumns.MONTHLY_PROGRESS));
    return all.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("contracts")
  void theWrittenTableKeepsItsContract(TableContract contract) {
    Dataset<Row> table = PipelineFixture.of(FIXTURE).table(contract.table());
    assertThat(contract.differences(table.schema()))
        .as("%s against its contract", contract.table())
        .isEmpty();
    assertThat(contract.columns())
        .as("every column of %s says what it means", contract.table())
        .allSatisfy(c -> assertThat(c.meaning()).as(c.name()).isNotBlank());
    assertThat(contract.columns())
        .as(
            "every column of %s has its Chinese term (the comment DESCRIBE shows)",
            contract.table())
        .allSatisfy(c -> assertThat(c.term()).as(c.name()).containsPattern("\\p{IsHan}"));
    assertThat(contract.term())
        .as("the Chinese term of %s", contract.table())
        .containsPattern("\\p{IsHan}");
    assertThat(contract.meaning()).as("what %s holds", contract.table()).isNotBlank();

    Map<String, Column> nullCounts = new LinkedHashMap<>();
    for (ColumnSpec c : contract.columns()) {
      if (!c.nullable()) {
        nullCounts.put(c.name(), count_if(col(c.name()).isNull()));
      }
    }
    if (nullCounts.isEmpty()) {
      return;
    }
    Row counts = table.agg(nullCounts.values().iterator().next(), rest(nullCounts)).first();
    Map<String, Long> withNulls = new LinkedHashMap<>();
    int i = 0;
    for (String name : nullCounts.keySet()) {
      if (counts.getLong(i) > 0) {
        withNulls.put(name, counts.getLong(i));
      }
      i++;
    }
    assertThat(withNulls).as("nulls in the non-null columns of %s", contract.table()).isEmpty();
  }

  private static Column[] rest(Map<String, Column> columns) {
    return columns.values().stream().skip(1).toArray(Column[]::new);
  }
}
