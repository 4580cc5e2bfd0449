package org.daijiao.decide;

import static org.daijiao.DataFrames.assertSameRows;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.daijiao.TestSpark;
import org.daijiao.identity.Divisions;
import org.daijiao.policy.PolicyLoader;
import org.junit.jupiter.api.Test;

/**
 * SPEC §3 (amended) where a person lives, on a few merged category periods: the latest-starting
 * record existing at as_of of the department certifying the resolved category, else the highest
 * target category held in W, else the highest ever held, else of any roster source; ties go to the
 * record last in (file, line) order.
 */
class LocationStageTest {
  private static final StructType PERIODS =
      new StructType()
          .add("id_number", DataTypes.StringType, false)
          .add("category", DataTypes.StringType, false)
          .add("target", DataTypes.BooleanType, false)
          .add("source", DataTypes.StringType, false)
          .add("start_date", DataTypes.DateType, false)
          .add("end_date", DataTypes.DateType, true)
          .add("township", DataTypes.StringType, true)
          .add("village", DataTypes.StringType, true)
          .add("source_file", DataTypes.StringType, true)
          .add("line", DataTypes.LongType, true)
          .add("latest_record_start", DataTypes.DateType, true)
          .add("records", DataTypes.IntegerType, false);
  private static final StructType LOCATED =
      new StructType()
          .add("id_number", DataTypes.StringType, false)
          .add("township", DataTypes.StringType, true)
          .add("village", DataTypes.StringType, true)
          .add("township_code", DataTypes.StringType, true)
          .add("village_code", DataTypes.StringType, true);
  private static final StructType DECIDED =
      new StructType()
          .add("id_number", DataTypes.StringType, false)
          .add("category", DataTypes.StringType, true);

  private final List<Row> periods = new ArrayList<>();
  private final List<Row> decided = new ArrayList<>();

  /**
   * One merged period, written as {@code "id category source start end latest_record_start township
   * village file:line"}; {@code -} is null. Target categories are the four codes of SPEC §2.1.
   */
  private void period(String spec) {
    String[] f = spec.split(" ");
    String[] fileLine = f[8].split(":");
    periods.add(
        RowFactory.create(
            f[0],
            f[1],
            List.of("TEKUN", "DIBAO", "FANPIN", "SEVERE_DISABILITY").contains(f[1]),
            f[2],
            date(f[3]),
            date(f[4]),
            f[6],
            f[7],
            fileLine[0],
            Long.parseLong(fileLine[1]),
            date(f[5]),
            1));
  }

  private static LocalDate date(String text) {
    return "-".equals(text) ? null : LocalDate.parse(text);
  }

  /** Official division codes of the places below. */
  private static final Map<String, String> CODES =
      Map.of(
          "汉葭街道", "500243001",
          "鼓楼社区", "500243001001",
          "保家镇", "500243101",
          "溪口村", "500243101200",
          "绍庆街道", "500243002",
          "河堡社区", "500243002001");

  /** Asserts the whole output: one place per decided person, {@code "id township village"}. */
  private void assertPlaces(String... places) {
    SparkSession spark = TestSpark.session();
    List<Row> expected = new ArrayList<>();
    for (String place : places) {
      String[] f = place.split(" ");
      expected.add(RowFactory.create(f[0], f[1], f[2], CODES.get(f[1]), CODES.get(f[2])));
    }
    assertSameRows(
        spark.createDataFrame(expected, LOCATED),
        DecisionStages.locations(
            spark.createDataFrame(decided, DECIDED),
            spark.createDataFrame(periods, PERIODS),
            Divisions.townships(spark),
            Divisions.villages(spark),
            PolicyLoader.bundled()));
  }

  @Test
  void tekunIsPlacedByTheLatestCivilAffairsRecordEvenWhenItIsOfAnotherCategory() {
    // 特困 since 2019 in 鼓楼社区; a 低保 period since 2018 whose latest record (2022-03-01) names
    // 溪口村; a 重残 record of 2022-05-01 in 河堡社区 belongs to another department.
    decided.add(RowFactory.create("P1", "TEKUN"));
    period("P1 TEKUN civil_affairs 2019-01-01 - 2019-01-01 汉葭街道 鼓楼社区 a.csv:2");
    period("P1 DIBAO civil_affairs 2018-01-01 - 2022-03-01 保家镇 溪口村 a.csv:9");
    period("P1 SEVERE_DISABILITY disability 2022-05-01 - 2022-05-01 绍庆街道 河堡社区 c.csv:2");
    assertPlaces("P1 保家镇 溪口村");
  }

  @Test
  void personWithoutACategoryInWIsPlacedByTheDepartmentOfTheHighestCategoryEverHeld() {
    // 返贫致贫 ended in 2021 (rural revitalisation, 鼓楼社区); a grade-3 disability record of 2022
    // (溪口村) is not a target category.
    decided.add(RowFactory.create("P2", null));
    period("P2 FANPIN rural_revitalization 2019-04-01 2021-06-30 2019-04-01 汉葭街道 鼓楼社区 r.csv:5");
    period("P2 MILD_DISABILITY disability 2022-02-01 - 2022-02-01 保家镇 溪口村 c.csv:3");
    assertPlaces("P2 汉葭街道 鼓楼社区");
  }

  @Test
  void personWithOnlyNonTargetRecordsIsPlacedByTheLatestRecordOfAnySource() {
    decided.add(RowFactory.create("P3", null));
    period(
        "P3 UNSTABLE_OUT_OF_POVERTY rural_revitalization 2021-07-01 - 2021-07-01 汉葭街道 鼓楼社区 r.csv:7");
    period("P3 MILD_DISABILITY disability 2019-02-01 - 2019-02-01 保家镇 溪口村 c.csv:4");
    assertPlaces("P3 汉葭街道 鼓楼社区");
  }

  @Test
  void equalStartDatesGoToTheRecordLastInFileAndLineOrder() {
    decided.add(RowFactory.create("P4", "DIBAO"));
    decided.add(RowFactory.create("P5", "DIBAO"));
    period("P4 DIBAO civil_affairs 2021-03-01 - 2021-03-01 汉葭街道 鼓楼社区 minzheng_b.csv:3");
    period("P4 TEKUN civil_affairs 2021-03-01 2021-12-31 2021-03-01 保家镇 溪口村 minzheng_a.csv:40");
    period("P5 DIBAO civil_affairs 2021-03-01 - 2021-03-01 汉葭街道 鼓楼社区 minzheng_a.csv:4");
    period("P5 TEKUN civil_affairs 2021-03-01 2021-12-31 2021-03-01 保家镇 溪口村 minzheng_a.csv:7");
    assertPlaces("P4 汉葭街道 鼓楼社区", "P5 保家镇 溪口村");
  }

  @Test
  void aPeriodWhoseRecordsAllStartAfterAsOfIsPassedOverForTheRecordExistingAtAsOf() {
    // 特困 granted 2022-10-01, after an as_of of 2022-08-31: its period has no record at as_of.
    decided.add(RowFactory.create("P6", "DIBAO"));
    period("P6 DIBAO civil_affairs 2020-01-01 - 2020-01-01 汉葭街道 鼓楼社区 a.csv:2");
    period("P6 TEKUN civil_affairs 2022-10-01 - - 保家镇 溪口村 a.csv:3");
    assertPlaces("P6 汉葭街道 鼓楼社区");
  }
}
