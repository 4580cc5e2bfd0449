package org.daijiao.gold;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lag;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.daijiao.PipelineFixture;
import org.daijiao.TestSpark;
import org.daijiao.coverage.HistoryColumns;
import org.daijiao.spark.ColumnNames;
import org.daijiao.spark.TableName;
import org.daijiao.spark.Tables;
import org.daijiao.spark.Warehouse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * 动态清零 month by month (§3(二) 按月……实行销号管理; docs/rules.md#month-by-month): the county's month ends run
 * into one warehouse in date order and into another in a shuffled order give the same 销号 log and
 * monthly progress; the progress agrees with the coverage history; what is open each month is what
 * was open, plus what opened, minus what closed; and running one as_of again changes no row.
 */
@Tag("slow")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MonthByMonthTest {
  private static final List<TableName> MONTH_BY_MONTH =
      List.of(
          Tables.COVERAGE_HISTORY,
          Tables.WORKLIST_HISTORY,
          Tables.TARGET_HISTORY,
          Tables.ACTION_LOG,
          Tables.MONTHLY_PROGRESS);

  record Month(Path input, LocalDate asOf) {}

  private List<Month> months;
  private Warehouse inOrder;
  private Warehouse shuffled;

  @BeforeAll
  void runTheMonthsInDateOrderAndShuffled() {
    months = MonthlySnapshots.quarterEnds();
    for (Month m : months) {
      inOrder = PipelineFixture.runInto(inOrder, m.input(), m.asOf()).warehouse();
    }
    List<Month> mixed = new ArrayList<>(months);
    Collections.shuffle(mixed, new Random(2022));
    if (mixed.equals(months)) {
      Collections.reverse(mixed);
    }
    for (Month m : mixed) {
      shuffled = PipelineFixture.runInto(shuffled, m.input(), m.asOf()).warehouse();
    }
  }

  private static Dataset<Row> read(Warehouse warehouse, TableName table) {
    return warehouse.read(TestSpark.session(), table);
  }

  @Test
  void theLogAndTheProgressDoNotDependOnTheOrderOfTheRuns() {
    for (TableName t : MONTH_BY_MONTH) {
      assertSameRows(t, read(inOrder, t), read(shuffled, t));
    }
    assertThat(read(inOrder, Tables.MONTHLY_PROGRESS).select(ColumnNames.AS_OF).distinct().count())
        .as("every month end is recorded")
        .isEqualTo(months.size());
    assertThat(
            read(inOrder, Tables.ACTION_LOG)
                .filter(col(HistoryColumns.CLOSED_AS_OF).isNotNull())
                .count())
        .as("some actions closed between the month ends")
        .isPositive();
  }

  @Test
  void theProgressCountsTheTargetAndTheInsuredAsTheCoverageHistoryDoes() {
    Dataset<Row> progress =
        read(inOrder, Tables.MONTHLY_PROGRESS)
            .select(
                ColumnNames.AS_OF,
                ColumnNames.LEVEL,
                ColumnNames.TOWNSHIP,
                ColumnNames.VILLAGE,
                ColumnNames.TARGET_PERSONS,
                ColumnNames.INSURED_PERSONS,
                ColumnNames.INSURED_RATE);
    Dataset<Row> coverage =
        read(inOrder, Tables.COVERAGE_HISTORY)
            .filter(col(ColumnNames.CATEGORY).equalTo("ALL"))
            .select(
                ColumnNames.AS_OF,
                ColumnNames.LEVEL,
                ColumnNames.TOWNSHIP,
                ColumnNames.VILLAGE,
                ColumnNames.TARGET_PERSONS,
                ColumnNames.INSURED_PERSONS,
                ColumnNames.INSURED_RATE);
    assertSameRows(Tables.MONTHLY_PROGRESS, coverage, progress);
  }

  @Test
  void whatIsOpenIsWhatWasOpenPlusWhatOpenedMinusWhatClosed() {
    Dataset<Row> progress =
        read(inOrder, Tables.MONTHLY_PROGRESS)
            .withColumn(
                "previous_open",
                lag(col(HistoryColumns.OPEN_ACTIONS), 1)
                    .over(
                        Window.partitionBy(
                                col(ColumnNames.LEVEL),
                                col(ColumnNames.TOWNSHIP),
                                col(ColumnNames.VILLAGE))
                            .orderBy(col(ColumnNames.AS_OF))))
            .filter(col(HistoryColumns.OPENED_ACTIONS).isNotNull());
    List<String> wrong = new ArrayList<>();
    long checked = 0;
    for (Row r : progress.collectAsList()) {
      long before = r.isNullAt(r.fieldIndex("previous_open")) ? 0 : r.<Long>getAs("previous_open");
      long open = r.<Long>getAs(HistoryColumns.OPEN_ACTIONS);
      long opened = r.<Long>getAs(HistoryColumns.OPENED_ACTIONS);
      long closed = r.<Long>getAs(HistoryColumns.CLOSED_ACTIONS);
      if (open != before + opened - closed) {
        wrong.add(r.toString());
      }
      checked++;
    }
    assertThat(wrong).as("places where open ≠ previous open + opened − closed").isEmpty();
    assertThat(checked).as("months after the first, in every place").isPositive();
  }

  @Test
  void runningTheLastMonthAgainChangesNoRowAndAnEarlierMonthChangesNoHistory() {
    Warehouse again = PipelineFixture.copyOf(inOrder);
    Month last = months.get(months.size() - 1);
    PipelineFixture.runInto(again, last.input(), last.asOf());
    for (TableName t : Tables.GOLD) {
      assertSameRows(t, read(inOrder, t), read(again, t));
    }
    Month earlier = months.get(1);
    PipelineFixture.runInto(again, earlier.input(), earlier.asOf());
    for (TableName t : MONTH_BY_MONTH) {
      assertSameRows(t, read(inOrder, t), read(again, t));
    }
  }

  private static void assertSameRows(TableName table, Dataset<Row> expected, Dataset<Row> actual) {
    assertThat(expected.exceptAll(actual).count())
        .as("%s: rows missing from the second warehouse", table)
        .isZero();
    assertThat(actual.exceptAll(expected).count())
        .as("%s: rows only in the second warehouse", table)
        .isZero();
  }
}
