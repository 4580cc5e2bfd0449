package org.daijiao.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.daijiao.DataFrames.assertSameRows;
import static org.daijiao.DataFrames.frame;
import static org.daijiao.DataFrames.row;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.daijiao.TestSpark;
import org.daijiao.coverage.CoverageColumns;
import org.daijiao.coverage.CoverageStages;
import org.daijiao.identity.Divisions;
import org.daijiao.ingest.BronzeColumns;
import org.daijiao.ingest.clean.CleanColumns;
import org.daijiao.quality.QualityColumns;
import org.daijiao.spark.ColumnNames;
import org.junit.jupiter.api.Test;

/**
 * The report's tables over a few statistics rows of 2022: every official township and village in
 * official order (also with nobody in the target), the places the rosters wrote that are not
 * official after them, totals whose rates are those of the sums, files' rows read = accepted +
 * rejected.
 */
class ReportStagesTest {
  private static final int YEAR = 2022;
  private static final LocalDate AS_OF = LocalDate.of(2022, 12, 31);
  private static final String ALL = CoverageStages.ALL;

  /** A gold.coverage_stats row; rates as the statistics stage rounds them. */
  private static Row stats(
      String level,
      String township,
      String village,
      String category,
      long target,
      long insured,
      String insuredRate,
      long eligible,
      long paid,
      String paidRate,
      String subsidy) {
    return row(
        YEAR,
        level,
        township,
        village,
        category,
        target,
        insured,
        insuredRate == null ? null : new BigDecimal(insuredRate),
        eligible,
        paid,
        paidRate == null ? null : new BigDecimal(paidRate),
        new BigDecimal(subsidy),
        AS_OF);
  }

  private static Dataset<Row> coverage(Row... rows) {
    return frame(CoverageColumns.COVERAGE_STATS.schema(), rows);
  }

  private static final StructType TOTAL =
      new StructType()
          .add(ColumnNames.TARGET_PERSONS, DataTypes.LongType)
          .add(ColumnNames.INSURED_PERSONS, DataTypes.LongType)
          .add(ColumnNames.INSURED_RATE, CoverageColumns.RATE)
          .add(CoverageColumns.ELIGIBLE_PERSONS, DataTypes.LongType)
          .add(CoverageColumns.PAID_PERSONS, DataTypes.LongType)
          .add(CoverageColumns.PAID_RATE, CoverageColumns.RATE)
          .add(ColumnNames.SUBSIDY_AMOUNT, CleanColumns.MONEY);

  private static final Dataset<Row> THREE_TOWNSHIPS =
      coverage(
          stats("COUNTY", null, null, ALL, 10, 7, "0.7000", 9, 2, "0.2000", "770.00"),
          stats("TOWNSHIP", "汉葭街道", null, ALL, 3, 1, "0.3333", 3, 1, "0.3333", "240.00"),
          stats("TOWNSHIP", "保家镇", null, ALL, 6, 5, "0.8333", 5, 1, "0.1667", "430.00"),
          stats("TOWNSHIP", "火星乡", null, ALL, 1, 1, "1.0000", 1, 0, "0.0000", "100.00"),
          stats("TOWNSHIP", "保家镇", null, "DIBAO", 6, 5, "0.8333", 5, 1, "0.1667", "430.00"),
          stats("VILLAGE", "汉葭街道", "鼓楼社区", ALL, 3, 1, "0.3333", 3, 1, "0.3333", "240.00"),
          stats("VILLAGE", "保家镇", "不在名录村", ALL, 6, 5, "0.8333", 5, 1, "0.1667", "430.00"),
          stats("VILLAGE", "火星乡", "UNKNOWN", ALL, 1, 1, "1.0000", 1, 0, "0.0000", "100.00"));

  @Test
  void everyOfficialTownshipInOfficialOrderThenTheUnofficialOnes() {
    List<Row> rows =
        ReportStages.townshipRows(THREE_TOWNSHIPS, Divisions.townships(TestSpark.session()))
            .collectAsList();
    List<Divisions.Division> official =
        Divisions.all().stream().filter(d -> d.level().equals("township")).toList();
    assertThat(official).as("Pengshui's townships in the reference list").hasSize(39);
    assertThat(rows).as("39 official townships and 火星乡, which is not one").hasSize(40);
    for (int i = 0; i < official.size(); i++) {
      assertThat(rows.get(i).<String>getAs(ColumnNames.TOWNSHIP))
          .as("row %d: the official order", i + 1)
          .isEqualTo(official.get(i).name());
      assertThat(rows.get(i).<String>getAs(ColumnNames.TOWNSHIP_CODE))
          .isEqualTo(official.get(i).code());
    }
    Row hanjia = rows.get(0);
    assertThat(
            List.of(
                hanjia.getAs(ColumnNames.TARGET_PERSONS), hanjia.getAs(ColumnNames.INSURED_RATE)))
        .as("汉葭街道 carries its statistics row")
        .containsExactly(3L, new BigDecimal("0.3333"));
    Row shaoqing = rows.get(1);
    assertThat(shaoqing.<Long>getAs(ColumnNames.TARGET_PERSONS))
        .as("绍庆街道 has nobody in the target and is listed with 0")
        .isZero();
    assertThat(shaoqing.<BigDecimal>getAs(ColumnNames.INSURED_RATE))
        .as("the rate of an empty target stays null (SPEC §2.6), shown as —")
        .isNull();
    assertThat(shaoqing.<BigDecimal>getAs(ColumnNames.SUBSIDY_AMOUNT)).isEqualByComparingTo("0");
    Row mars = rows.get(39);
    assertThat(mars.<String>getAs(ColumnNames.TOWNSHIP)).isEqualTo("火星乡");
    assertThat(mars.<String>getAs(ColumnNames.TOWNSHIP_CODE))
        .as("a township the rosters wrote that is not official has no code")
        .isNull();
  }

  @Test
  void theTotalOfTheTownshipsIsTheCountyRowToTheCentWithTheRateOfTheSums() {
    Dataset<Row> townships =
        ReportStages.townshipRows(THREE_TOWNSHIPS, Divisions.townships(TestSpark.session()));
    // The mean of the rates (0.3333, 0.8333, 1.0000) would be 0.7222; the rate of the sums is 7/10.
    assertSameRows(
        frame(
            TOTAL,
            row(
                10L,
                7L,
                new BigDecimal("0.7000"),
                9L,
                2L,
                new BigDecimal("0.2000"),
                new BigDecimal("770.00"))),
        ReportStages.total(townships));
    assertSameRows(ReportStages.countyRow(THREE_TOWNSHIPS), ReportStages.total(townships));
  }

  @Test
  void ratesOfATotalRoundAsTheStatisticsDo() {
    Dataset<Row> rows =
        coverage(
            stats("TOWNSHIP", "汉葭街道", null, ALL, 3, 2, "0.6667", 3, 1, "0.3333", "70.00"),
            stats("TOWNSHIP", "保家镇", null, ALL, 0, 0, null, 0, 0, null, "0.00"));
    assertSameRows(
        frame(
            TOTAL,
            row(
                3L,
                2L,
                new BigDecimal("0.6667"),
                3L,
                1L,
                new BigDecimal("0.3333"),
                new BigDecimal("70.00"))),
        ReportStages.total(
            ReportStages.townshipRows(rows, Divisions.townships(TestSpark.session()))));
    assertThat(
            ReportStages.total(rows.limit(0)).first().<BigDecimal>getAs(ColumnNames.INSURED_RATE))
        .as("the total of no rows has an empty target: no rate")
        .isNull();
  }

  @Test
  void everyOfficialVillageUnderItsTownshipThenTheVillagesNotInTheList() {
    List<Row> rows =
        ReportStages.villageRows(
                THREE_TOWNSHIPS,
                Divisions.townships(TestSpark.session()),
                Divisions.villages(TestSpark.session()))
            .collectAsList();
    long official = Divisions.all().stream().filter(d -> d.level().equals("village")).count();
    assertThat(rows)
        .as("every official village, and 2 the rosters wrote")
        .hasSize((int) official + 2);
    Row gulou = rows.get(0);
    assertThat(
            List.of(
                gulou.getAs(ColumnNames.TOWNSHIP_CODE),
                gulou.getAs(ColumnNames.TOWNSHIP),
                gulou.getAs(ColumnNames.VILLAGE_CODE),
                gulou.getAs(ColumnNames.VILLAGE),
                gulou.getAs(ColumnNames.TARGET_PERSONS)))
        .containsExactly("500243001", "汉葭街道", "500243001001", "鼓楼社区", 3L);
    Row notListed =
        rows.stream()
            .filter(r -> "不在名录村".equals(r.getAs(ColumnNames.VILLAGE)))
            .findFirst()
            .orElseThrow();
    assertThat(notListed.<String>getAs(ColumnNames.TOWNSHIP_CODE))
        .as("a village not in the list keeps its official township's code")
        .isEqualTo("500243101");
    assertThat(notListed.<String>getAs(ColumnNames.VILLAGE_CODE)).isNull();
    assertThat(rows.get(rows.size() - 1).<String>getAs(ColumnNames.TOWNSHIP))
        .as("a village of an unofficial township comes last")
        .isEqualTo("火星乡");
    assertSameRows(
        ReportStages.countyRow(THREE_TOWNSHIPS),
        ReportStages.total(
            ReportStages.villageRows(
                THREE_TOWNSHIPS,
                Divisions.townships(TestSpark.session()),
                Divisions.villages(TestSpark.session()))));
  }

  @Test
  void categoriesAreTheCountysRowsOtherThanAll() {
    List<Row> rows = ReportStages.categoryRows(THREE_TOWNSHIPS).collectAsList();
    assertThat(rows).as("the test county has no COUNTY row per category").isEmpty();
    Dataset<Row> county =
        coverage(
            stats("COUNTY", null, null, ALL, 3, 2, "0.6667", 2, 1, "0.3333", "170.00"),
            stats("COUNTY", null, null, "DIBAO", 2, 1, "0.5000", 1, 1, "0.5000", "70.00"),
            stats("COUNTY", null, null, "TEKUN", 1, 1, "1.0000", 1, 0, "0.0000", "100.00"),
            stats("TOWNSHIP", "汉葭街道", null, "TEKUN", 1, 1, "1.0000", 1, 0, "0.0000", "100.00"));
    assertThat(ReportStages.categoryRows(county).collectAsList())
        .extracting(r -> r.<String>getAs(ColumnNames.CATEGORY))
        .containsExactlyInAnyOrder("DIBAO", "TEKUN");
    assertSameRows(
        ReportStages.countyRow(county), ReportStages.total(ReportStages.categoryRows(county)));
  }

  @Test
  void eachFileReadIsAcceptedOrRejected() {
    StructType lineage =
        new StructType()
            .add(ColumnNames.SOURCE, DataTypes.StringType)
            .add(ColumnNames.SOURCE_FILE, DataTypes.StringType)
            .add(BronzeColumns.BATCH_ID, DataTypes.StringType);
    Dataset<Row> bronze =
        frame(
            lineage,
            row("civil_affairs", "civil_affairs/a.csv", "B1"),
            row("civil_affairs", "civil_affairs/a.csv", "B1"),
            row("civil_affairs", "civil_affairs/a.csv", "B1"),
            row("civil_affairs", "civil_affairs/b.csv", "B1"),
            row("exclusions", "exclusions/a.csv", "B1"));
    Dataset<Row> rejected =
        frame(
            QualityColumns.REJECTED_RECORDS.schema(),
            row("civil_affairs", "civil_affairs/a.csv", 3L, "ID_MISSING", "no ID"),
            row("exclusions", "exclusions/a.csv", 2L, "DATE_INVALID", "2022-13-01"));
    StructType counts =
        new StructType()
            .add(ColumnNames.SOURCE, DataTypes.StringType)
            .add(ColumnNames.SOURCE_FILE, DataTypes.StringType)
            .add(ColumnNames.ROWS_READ, DataTypes.LongType)
            .add(ColumnNames.ROWS_ACCEPTED, DataTypes.LongType)
            .add(ColumnNames.ROWS_REJECTED, DataTypes.LongType)
            .add(BronzeColumns.BATCH_ID, DataTypes.StringType);
    assertSameRows(
        frame(
            counts,
            row("civil_affairs", "civil_affairs/a.csv", 3L, 2L, 1L, "B1"),
            row("civil_affairs", "civil_affairs/b.csv", 1L, 1L, 0L, "B1"),
            row("exclusions", "exclusions/a.csv", 1L, 0L, 1L, "B1")),
        ReportStages.fileCounts(bronze, rejected));
  }
}
