package org.daijiao.resolve;

import static org.daijiao.DataFrames.assertSameRows;
import static org.daijiao.DataFrames.frame;
import static org.daijiao.DataFrames.row;

import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.daijiao.TestSpark;
import org.daijiao.identity.Divisions;
import org.daijiao.spark.ColumnNames;
import org.junit.jupiter.api.Test;

/**
 * Decision 9: township names are matched to the official divisions without their type suffix and
 * written the official way; villages are matched within their township; an unknown or missing place
 * is kept as written and flagged, never dropped.
 */
class LocationsTest {
  private static final StructType PLACES =
      new StructType()
          .add(ColumnNames.ID_NUMBER, DataTypes.StringType, false)
          .add(ColumnNames.TOWNSHIP, DataTypes.StringType, true)
          .add(ColumnNames.VILLAGE, DataTypes.StringType, true);

  private static final StructType LOCATED =
      PLACES
          .add(ColumnNames.TOWNSHIP_CODE, DataTypes.StringType, true)
          .add(ColumnNames.VILLAGE_CODE, DataTypes.StringType, true)
          .add(
              SilverColumns.LOCATION_FLAGS,
              DataTypes.createArrayType(DataTypes.StringType, false),
              false);

  @Test
  void placesAreMatchedToTheOfficialDivisionsAndTheRestIsFlagged() {
    SparkSession spark = TestSpark.session();
    assertSameRows(
        frame(
            LOCATED,
            row("L1", "汉葭街道", "鼓楼社区", "500243001", "500243001001", List.of()),
            row("L2", "高谷镇", "大青村", "500243103", "500243103200", List.of()),
            row("L3", "桑柘镇", "大青村", "500243104", "500243104206", List.of()),
            row("L4", "火星乡", "红旗村", null, null, List.of(Locations.UNKNOWN_TOWNSHIP)),
            row("L5", null, "鼓楼社区", null, null, List.of(Locations.MISSING_TOWNSHIP)),
            row("L6", "汉葭街道", "月亮村", "500243001", null, List.of(Locations.UNKNOWN_VILLAGE)),
            row("L7", "汉葭街道", null, "500243001", null, List.of())),
        Locations.withDivisionCodes(
            frame(
                PLACES,
                // written short: the official names come back
                row("L1", "汉葭", "鼓楼"),
                // 大青村 is a village of two townships
                row("L2", "高谷镇", "大青村"),
                row("L3", "桑柘", "大青"),
                // not a township of Pengshui
                row("L4", "火星乡", "红旗村"),
                // a village without a township cannot be matched
                row("L5", null, "鼓楼社区"),
                row("L6", "汉葭街道", "月亮村"),
                row("L7", "汉葭街道", null)),
            Divisions.townships(spark),
            Divisions.villages(spark)));
  }
}
