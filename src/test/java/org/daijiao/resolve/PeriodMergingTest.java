package org.daijiao.resolve;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.daijiao.TestSpark;
import org.junit.jupiter.api.Test;

/**
 * Merged periods carry the place of their latest record that exists at as_of (SPEC §3: a record
 * that starts after as_of does not exist for the run), with that record's start.
 */
class PeriodMergingTest {
  private static final StructType RECORDS =
      new StructType()
          .add("id_number", DataTypes.StringType, false)
          .add("category", DataTypes.StringType, false)
          .add("start_date", DataTypes.DateType, false)
          .add("end_date", DataTypes.DateType, true)
          .add("village", DataTypes.StringType, true)
          .add("source_file", DataTypes.StringType, false)
          .add("line", DataTypes.LongType, false);

  /** 低保 in 鼓楼社区 for the first half of 2022, then (touching) in 溪口村 from 1 July. */
  private static Dataset<Row> movedInJuly() {
    return TestSpark.session()
        .createDataFrame(
            List.of(
                RowFactory.create(
                    "P1",
                    "DIBAO",
                    LocalDate.of(2022, 1, 1),
                    LocalDate.of(2022, 6, 30),
                    "鼓楼社区",
                    "a.csv",
                    2L),
                RowFactory.create(
                    "P1", "DIBAO", LocalDate.of(2022, 7, 1), null, "溪口村", "a.csv", 3L)),
            RECORDS);
  }

  private static Row merged(LocalDate asOf) {
    List<Row> rows =
        PeriodMerging.mergePeriods(
                movedInJuly(), List.of("id_number", "category"), List.of("village"), asOf)
            .collectAsList();
    assertThat(rows).as("touching periods merge into one").hasSize(1);
    return rows.get(0);
  }

  @Test
  void afterTheMoveThePeriodCarriesTheNewVillage() {
    Row row = merged(LocalDate.of(2022, 12, 31));
    assertThat((Object) row.getAs("start_date")).isEqualTo(LocalDate.of(2022, 1, 1));
    assertThat((Object) row.getAs("end_date")).isNull();
    assertThat((String) row.getAs("village")).isEqualTo("溪口村");
    assertThat((Object) row.getAs(SilverColumns.LATEST_RECORD_START))
        .isEqualTo(LocalDate.of(2022, 7, 1));
  }

  @Test
  void asOfBeforeTheMoveKeepsTheVillageOfTheRecordThatExists() {
    Row row = merged(LocalDate.of(2022, 6, 15));
    assertThat((String) row.getAs("village")).isEqualTo("鼓楼社区");
    assertThat((Object) row.getAs(SilverColumns.LATEST_RECORD_START))
        .isEqualTo(LocalDate.of(2022, 1, 1));
  }

  @Test
  void asOfBeforeEveryRecordCarriesNothing() {
    Row row = merged(LocalDate.of(2021, 12, 31));
    assertThat((String) row.getAs("village")).isNull();
    assertThat((Object) row.getAs(SilverColumns.LATEST_RECORD_START)).isNull();
  }
}
