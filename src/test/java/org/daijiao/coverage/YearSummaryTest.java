package org.daijiao.coverage;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.daijiao.PipelineFixture;
import org.daijiao.SampleRun;
import org.daijiao.spark.ColumnNames;
import org.daijiao.spark.TableName;
import org.daijiao.spark.Tables;
import org.junit.jupiter.api.Test;

/**
 * The figures {@code daijiao run} prints ({@link YearSummary}) are counted by the stats stage from
 * the rows it has at hand: they must be those of the tables the run wrote.
 */
class YearSummaryTest {
  @Test
  void theRunsSummaryIsTheFiguresOfTheTablesItWrote() {
    PipelineFixture.Run run = PipelineFixture.of(SampleRun.SAMPLE);

    YearSummary.Figures fromTables =
        new YearSummary(
                ofYear(run, Tables.ELIGIBILITY),
                ofYear(run, Tables.DEPARTMENT_FUNDING),
                ofYear(run, Tables.COVERAGE_STATS))
            .figures();

    assertThat(run.summary()).isEqualTo(fromTables);
    // The sample's county, as `bin/daijiao run` prints it.
    YearSummary.Coverage county = run.summary().coverage().county().orElseThrow();
    assertThat(county.target()).isEqualTo(1_505L);
    assertThat(county.insured()).isEqualTo(1_212L);
    assertThat(county.paid()).isEqualTo(304L);
    assertThat(run.summary().coverage().lowestRateFirst()).hasSizeGreaterThan(3);
    assertThat(run.summary().funding()).isNotEmpty();
    assertThat(
            run.summary().funding().stream()
                .map(YearSummary.Funding::subsidy)
                .reduce(BigDecimal.ZERO, BigDecimal::add))
        .isPositive();
    assertThat(run.summary().categories()).last().extracting("category").isNull();
  }

  private static Dataset<Row> ofYear(PipelineFixture.Run run, TableName table) {
    return run.table(table).filter(col(ColumnNames.POLICY_YEAR).equalTo(2022));
  }
}
