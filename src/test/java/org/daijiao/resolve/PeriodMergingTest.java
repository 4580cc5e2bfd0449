package org.daijiao.resolve;

import static org.daijiao.DataFrames.assertSameRows;
import static org.daijiao.DataFrames.frame;
import static org.daijiao.DataFrames.row;

import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.daijiao.ingest.clean.CleanColumns;
import org.daijiao.spark.ColumnNames;
import org.junit.jupiter.api.Test;

/**
 * Decision 7: a person's periods of the same category (or exclusion reason) that overlap, repeat or
 * touch are merged, an empty end is open; other categories stay separate. A merged period carries
 * the place, file and line of its latest record that exists at as_of (SPEC §3: a record that starts
 * after as_of does not exist for the run), with that record's start.
 */
class PeriodMergingTest {
  private static final LocalDate YEAR_END = LocalDate.of(2022, 12, 31);

  /** Accepted roster rows: the clean roster values and their lineage. */
  private static final StructType ROSTER =
      CleanColumns.ROSTER
          .add(ColumnNames.SOURCE_FILE, DataTypes.StringType, false)
          .add(ColumnNames.LINE, DataTypes.LongType, false);

  private static final StructType EXCLUSIONS =
      CleanColumns.EXCLUSION
          .add(ColumnNames.SOURCE_FILE, DataTypes.StringType, false)
          .add(ColumnNames.LINE, DataTypes.LongType, false);

  /** A roster record: who, what, which department, from–to, where, and file:line. */
  private static Row record(
      String id, String category, String source, String from, String to, String place, String at) {
    String[] fileLine = at.split(":");
    return row(
        id,
        "某人",
        category,
        List.of("TEKUN", "DIBAO", "FANPIN", "SEVERE_DISABILITY").contains(category),
        place == null ? null : "汉葭街道",
        place,
        date(from),
        date(to),
        source,
        fileLine[0],
        Long.parseLong(fileLine[1]));
  }

  /** A merged period as silver.category_periods holds it. */
  private static Row period(
      String id,
      String category,
      String source,
      String from,
      String to,
      String place,
      String at,
      String latestStart,
      int records) {
    String[] fileLine = at == null ? new String[] {null, null} : at.split(":");
    return row(
        id,
        category,
        List.of("TEKUN", "DIBAO", "FANPIN", "SEVERE_DISABILITY").contains(category),
        source,
        date(from),
        date(to),
        place == null ? null : "汉葭街道",
        place,
        fileLine[0],
        fileLine[1] == null ? null : Long.parseLong(fileLine[1]),
        date(latestStart),
        records);
  }

  private static LocalDate date(String iso) {
    return iso == null ? null : LocalDate.parse(iso);
  }

  private static Dataset<Row> expected(Row... periods) {
    return frame(SilverColumns.CATEGORY_PERIODS.schema(), periods);
  }

  @Test
  void touchingOverlappingRepeatedAndOpenPeriodsMergeOtherCategoriesStaySeparate() {
    Dataset<Row> roster =
        frame(
            ROSTER,
            // P1: 低保 until 30 June, then from 1 July in another village: touching → one period.
            record("P1", "DIBAO", "civil_affairs", "2021-01-01", "2021-06-30", "鼓楼社区", "a.csv:2"),
            record("P1", "DIBAO", "civil_affairs", "2021-07-01", null, "石嘴社区", "a.csv:3"),
            // P2: the same 特困 record exported twice (the later copy in file order wins the
            // place), and a second period after a gap.
            record("P2", "TEKUN", "civil_affairs", "2020-01-01", "2020-12-31", "鼓楼社区", "a.csv:4"),
            record("P2", "TEKUN", "civil_affairs", "2020-01-01", "2020-12-31", "石嘴社区", "b.csv:4"),
            record("P2", "TEKUN", "civil_affairs", "2021-03-01", "2021-05-31", "鼓楼社区", "b.csv:9"),
            // P3: overlapping 返贫 records merge; their 低保 record is another category.
            record(
                "P3",
                "FANPIN",
                "rural_revitalization",
                "2022-01-01",
                "2022-06-30",
                "鼓楼社区",
                "r.csv:2"),
            record(
                "P3",
                "FANPIN",
                "rural_revitalization",
                "2022-03-01",
                "2022-09-30",
                "石嘴社区",
                "r.csv:3"),
            record("P3", "DIBAO", "civil_affairs", "2022-02-01", null, "鼓楼社区", "a.csv:5"),
            // P4: an open period swallows a closed one that starts later.
            record("P4", "SEVERE_DISABILITY", "disability", "2019-01-01", null, "鼓楼社区", "d.csv:2"),
            record(
                "P4",
                "SEVERE_DISABILITY",
                "disability",
                "2020-01-01",
                "2020-02-01",
                "石嘴社区",
                "d.csv:3"),
            // P5: a grade-3 record granted after as_of: a period, but no record of it exists yet.
            record("P5", "MILD_DISABILITY", "disability", "2023-02-01", null, "鼓楼社区", "d.csv:4"));
    assertSameRows(
        expected(
            period(
                "P1",
                "DIBAO",
                "civil_affairs",
                "2021-01-01",
                null,
                "石嘴社区",
                "a.csv:3",
                "2021-07-01",
                2),
            period(
                "P2",
                "TEKUN",
                "civil_affairs",
                "2020-01-01",
                "2020-12-31",
                "石嘴社区",
                "b.csv:4",
                "2020-01-01",
                2),
            period(
                "P2",
                "TEKUN",
                "civil_affairs",
                "2021-03-01",
                "2021-05-31",
                "鼓楼社区",
                "b.csv:9",
                "2021-03-01",
                1),
            period(
                "P3",
                "FANPIN",
                "rural_revitalization",
                "2022-01-01",
                "2022-09-30",
                "石嘴社区",
                "r.csv:3",
                "2022-03-01",
                2),
            period(
                "P3",
                "DIBAO",
                "civil_affairs",
                "2022-02-01",
                null,
                "鼓楼社区",
                "a.csv:5",
                "2022-02-01",
                1),
            period(
                "P4",
                "SEVERE_DISABILITY",
                "disability",
                "2019-01-01",
                null,
                "石嘴社区",
                "d.csv:3",
                "2020-01-01",
                2),
            period("P5", "MILD_DISABILITY", "disability", "2023-02-01", null, null, null, null, 1)),
        PeriodMerging.categoryPeriods(roster, YEAR_END));
  }

  /** 低保 in 鼓楼社区 for the first half of 2022, then (touching) in 石嘴社区 from 1 July. */
  private static Dataset<Row> movedInJuly() {
    return frame(
        ROSTER,
        record("P1", "DIBAO", "civil_affairs", "2022-01-01", "2022-06-30", "鼓楼社区", "a.csv:2"),
        record("P1", "DIBAO", "civil_affairs", "2022-07-01", null, "石嘴社区", "a.csv:3"));
  }

  @Test
  void afterTheMoveThePeriodCarriesTheNewVillage() {
    assertSameRows(
        expected(
            period(
                "P1",
                "DIBAO",
                "civil_affairs",
                "2022-01-01",
                null,
                "石嘴社区",
                "a.csv:3",
                "2022-07-01",
                2)),
        PeriodMerging.categoryPeriods(movedInJuly(), YEAR_END));
  }

  @Test
  void asOfBeforeTheMoveKeepsTheVillageOfTheRecordThatExists() {
    assertSameRows(
        expected(
            period(
                "P1",
                "DIBAO",
                "civil_affairs",
                "2022-01-01",
                null,
                "鼓楼社区",
                "a.csv:2",
                "2022-01-01",
                2)),
        PeriodMerging.categoryPeriods(movedInJuly(), LocalDate.of(2022, 6, 15)));
  }

  @Test
  void asOfBeforeEveryRecordCarriesNothing() {
    assertSameRows(
        expected(period("P1", "DIBAO", "civil_affairs", "2022-01-01", null, null, null, null, 2)),
        PeriodMerging.categoryPeriods(movedInJuly(), LocalDate.of(2021, 12, 31)));
  }

  @Test
  void exclusionPeriodsMergeByReason() {
    Dataset<Row> exclusions =
        frame(
            EXCLUSIONS,
            row("P1", "某人", "STUDENT", date("2021-09-01"), date("2022-01-31"), "e.csv", 2L),
            row("P1", "某人", "STUDENT", date("2022-02-01"), date("2022-06-30"), "e.csv", 3L),
            row("P1", "某人", "MILITARY", date("2022-07-01"), null, "e.csv", 4L));
    assertSameRows(
        frame(
            SilverColumns.EXCLUSION_PERIODS.schema(),
            row("P1", "STUDENT", date("2021-09-01"), date("2022-06-30"), 2),
            row("P1", "MILITARY", date("2022-07-01"), null, 1)),
        PeriodMerging.exclusionPeriods(exclusions, YEAR_END));
  }
}
