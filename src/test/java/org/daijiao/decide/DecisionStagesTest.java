package org.daijiao.decide;

import static org.daijiao.DataFrames.assertSameRows;
import static org.daijiao.DataFrames.frame;
import static org.daijiao.DataFrames.row;
import static org.daijiao.decide.TimelineStageTest.AS_OF;
import static org.daijiao.decide.TimelineStageTest.WANG;
import static org.daijiao.decide.TimelineStageTest.WANG_BORN;
import static org.daijiao.decide.TimelineStageTest.ZHANG;
import static org.daijiao.decide.TimelineStageTest.ZHANG_BORN;
import static org.daijiao.decide.TimelineStageTest.ZHAO;
import static org.daijiao.decide.TimelineStageTest.ZHAO_BORN;
import static org.daijiao.decide.TimelineStageTest.date;
import static org.daijiao.decide.TimelineStageTest.yuan;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.daijiao.policy.PolicyLoader;
import org.daijiao.resolve.SilverColumns;
import org.daijiao.spark.ColumnNames;
import org.junit.jupiter.api.Test;

/**
 * The decision stages on the timelines of {@link TimelineStageTest} (as of 2022-06-30): the rules
 * run on every row and come back as decision rows, and the three gold tables are selected from them
 * with name, place, policy year and as_of.
 */
class DecisionStagesTest {
  private static final int YEAR = 2022;

  private static Dataset<Row> decisions() {
    return DecisionStages.decisions(
        TimelineStageTest.expectedTimelines(), new Decider(PolicyLoader.bundled(), AS_OF));
  }

  @Test
  void everyTimelineBecomesItsDecisionRow() {
    assertSameRows(
        frame(
            DecisionRows.SCHEMA,
            // 低保, a student until February: eligible from 1 March; 30 of the own part paid.
            row(
                ZHANG,
                List.of("DIBAO"),
                true,
                "DIBAO",
                List.of(),
                date("2022-03-01"),
                true,
                true,
                false,
                "CIVIL_AFFAIRS",
                "COUNTY_FINANCE",
                yuan("100.00"),
                yuan("70.00"),
                yuan("30.00"),
                yuan("30.00"),
                yuan("0.00"),
                "DIRECT",
                "REGULAR",
                date("2022-08-31"),
                "AWAITING_GOVERNMENT_PAYMENT",
                List.of(),
                date("2040-01-01"),
                false),
            // No target category in W: no ledger part; the tier is still computed (T = L).
            row(
                WANG,
                List.of(),
                false,
                null,
                List.of("NO_TARGET_CATEGORY"),
                null,
                false,
                false,
                false,
                null,
                null,
                yuan("100.00"),
                null,
                null,
                yuan("0.00"),
                yuan("0.00"),
                null,
                null,
                null,
                null,
                null,
                date("2035-03-03"),
                false),
            // 特困, 60 on 5 May: eligible until then, settled by the government, reaches age.
            row(
                ZHAO,
                List.of("TEKUN"),
                true,
                "TEKUN",
                List.of(),
                date("2022-01-01"),
                true,
                true,
                true,
                "CIVIL_AFFAIRS",
                "COUNTY_FINANCE",
                yuan("100.00"),
                yuan("100.00"),
                yuan("0.00"),
                yuan("0.00"),
                yuan("100.00"),
                "DIRECT",
                "REGULAR",
                date("2022-08-31"),
                "SETTLED",
                List.of(),
                date("2022-05-05"),
                true)),
        decisions());
  }

  @Test
  void theGoldTablesAreSelectedWithNamePlaceYearAndAsOf() {
    Dataset<Row> persons =
        frame(
            SilverColumns.PERSONS.schema(),
            row(
                ZHANG,
                "张三",
                ZHANG_BORN,
                "M",
                null,
                null,
                null,
                null,
                List.of(),
                List.of(),
                List.of()),
            row(
                WANG, "王五", WANG_BORN, "M", null, null, null, null, List.of(), List.of(),
                List.of()),
            row(
                ZHAO, "赵六", ZHAO_BORN, "M", null, null, null, null, List.of(), List.of(),
                List.of()));
    StructType locations =
        new StructType()
            .add(ColumnNames.ID_NUMBER, DataTypes.StringType)
            .add(ColumnNames.TOWNSHIP, DataTypes.StringType)
            .add(ColumnNames.VILLAGE, DataTypes.StringType)
            .add(ColumnNames.TOWNSHIP_CODE, DataTypes.StringType)
            .add(ColumnNames.VILLAGE_CODE, DataTypes.StringType);
    // WANG has no place: his gold rows keep him, without one.
    Dataset<Row> enriched =
        DecisionStages.enriched(
            decisions(),
            persons,
            frame(
                locations,
                row(ZHANG, "汉葭街道", "鼓楼社区", "500243001", "500243001001"),
                row(ZHAO, "保家镇", "溪口村", "500243101", "500243101200")));

    assertSameRows(
        frame(
            GoldColumns.ELIGIBILITY.schema(),
            row(
                YEAR,
                ZHANG,
                "张三",
                "汉葭街道",
                "鼓楼社区",
                List.of("DIBAO"),
                true,
                "DIBAO",
                List.of(),
                date("2022-03-01"),
                true,
                true,
                false,
                AS_OF,
                "500243001",
                "500243001001"),
            row(
                YEAR,
                WANG,
                "王五",
                null,
                null,
                List.of(),
                false,
                null,
                List.of("NO_TARGET_CATEGORY"),
                null,
                false,
                false,
                false,
                AS_OF,
                null,
                null),
            row(
                YEAR,
                ZHAO,
                "赵六",
                "保家镇",
                "溪口村",
                List.of("TEKUN"),
                true,
                "TEKUN",
                List.of(),
                date("2022-01-01"),
                true,
                true,
                true,
                AS_OF,
                "500243101",
                "500243101200")),
        DecisionStages.eligibility(enriched, YEAR, AS_OF));

    assertSameRows(
        frame(
            GoldColumns.SUBSIDY_LEDGER.schema(),
            row(
                YEAR,
                ZHANG,
                "张三",
                "汉葭街道",
                "鼓楼社区",
                "DIBAO",
                "CIVIL_AFFAIRS",
                "COUNTY_FINANCE",
                yuan("100.00"),
                yuan("70.00"),
                yuan("30.00"),
                yuan("30.00"),
                yuan("0.00"),
                "DIRECT",
                "REGULAR",
                date("2022-03-01"),
                date("2022-08-31"),
                "AWAITING_GOVERNMENT_PAYMENT",
                List.of(),
                AS_OF,
                "500243001",
                "500243001001"),
            row(
                YEAR,
                ZHAO,
                "赵六",
                "保家镇",
                "溪口村",
                "TEKUN",
                "CIVIL_AFFAIRS",
                "COUNTY_FINANCE",
                yuan("100.00"),
                yuan("100.00"),
                yuan("0.00"),
                yuan("0.00"),
                yuan("100.00"),
                "DIRECT",
                "REGULAR",
                date("2022-01-01"),
                date("2022-08-31"),
                "SETTLED",
                List.of(),
                AS_OF,
                "500243101",
                "500243101200")),
        DecisionStages.subsidyLedger(enriched, YEAR, AS_OF));

    assertSameRows(
        frame(
            GoldColumns.REACHING_PENSION_AGE.schema(),
            row(
                YEAR,
                ZHAO,
                "赵六",
                "保家镇",
                "溪口村",
                "TEKUN",
                ZHAO_BORN,
                date("2022-05-05"),
                AS_OF,
                "500243101",
                "500243101200")),
        DecisionStages.reachingPensionAge(enriched, YEAR, AS_OF));
  }
}
