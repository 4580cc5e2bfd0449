package org.daijiao.resolve;

import static org.daijiao.DataFrames.assertSameRows;
import static org.daijiao.DataFrames.frame;
import static org.daijiao.DataFrames.row;

import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.daijiao.TestSpark;
import org.daijiao.identity.Divisions;
import org.daijiao.ingest.clean.CleanColumns;
import org.daijiao.policy.PolicyLoader;
import org.daijiao.quality.QualityColumns;
import org.daijiao.repair.RepairColumns;
import org.daijiao.spark.ColumnNames;
import org.junit.jupiter.api.Test;

/**
 * SPEC §3, §5: one {@code silver.persons} row per valid ID on a roster, placed by the latest record
 * of the source that certifies the person's highest-priority category (birth date and sex from the
 * ID); an ID named differently by two rows is an identity conflict, kept linked.
 */
class PersonStagesTest {
  private static final StructType ROSTER =
      CleanColumns.ROSTER
          .add(ColumnNames.SOURCE_FILE, DataTypes.StringType, false)
          .add(ColumnNames.LINE, DataTypes.LongType, false);

  /** 1980-01-01, 17th character 1: M. */
  private static final String ZHANG = "500243198001010012";

  /** 1985-05-05, 17th character 2: F. */
  private static final String LI = "500243198505050026";

  /** 1975-03-03, 17th character 3: M. */
  private static final String WANG = "512728197503030032";

  private static Row record(
      String id,
      String name,
      String category,
      boolean target,
      String township,
      String village,
      String start,
      String source,
      String file,
      long line) {
    return row(
        id,
        name,
        category,
        target,
        township,
        village,
        LocalDate.parse(start),
        null,
        source,
        file,
        line);
  }

  @Test
  void onePersonPerIdPlacedByTheSourceOfTheHighestCategory() {
    SparkSession spark = TestSpark.session();
    assertSameRows(
        frame(
            SilverColumns.PERSONS.schema(),
            // 重残 outranks 低保: the federation's record places him.
            row(
                ZHANG,
                "张三",
                LocalDate.of(1980, 1, 1),
                "M",
                "汉葭街道",
                "500243001",
                "石嘴社区",
                "500243001002",
                List.of(),
                List.of("civil_affairs", "disability"),
                // issue 12: his disability row was read with a confirmed repair of its ID
                List.of(row("disability", "d.csv", 2L, "500243*******00120", "repairs.csv"))),
            // Both records are civil affairs: the latest-starting one places her, even though
            // the earlier one is of the higher category.
            row(
                LI,
                "李四",
                LocalDate.of(1985, 5, 5),
                "F",
                "汉葭街道",
                "500243001",
                "石嘴社区",
                "500243001002",
                List.of(),
                List.of("civil_affairs"),
                List.of()),
            // No target category anywhere: equal ranks, the first source by name places him.
            row(
                WANG,
                "王五",
                LocalDate.of(1975, 3, 3),
                "M",
                "火星乡",
                null,
                "红旗村",
                null,
                List.of(Locations.UNKNOWN_TOWNSHIP),
                List.of("disability", "rural_revitalization"),
                List.of())),
        PersonStages.persons(
            frame(
                ROSTER,
                record(
                    ZHANG,
                    "张三",
                    "DIBAO",
                    true,
                    "汉葭",
                    "鼓楼",
                    "2019-01-01",
                    "civil_affairs",
                    "a.csv",
                    2),
                record(
                    ZHANG,
                    "张三",
                    "SEVERE_DISABILITY",
                    true,
                    "汉葭",
                    "石嘴",
                    "2020-01-01",
                    "disability",
                    "d.csv",
                    2),
                record(
                    LI, "李四", "TEKUN", true, "汉葭", "鼓楼", "2018-01-01", "civil_affairs", "a.csv", 3),
                record(
                    LI, "李四", "DIBAO", true, "汉葭", "石嘴", "2021-01-01", "civil_affairs", "a.csv", 4),
                record(
                    WANG,
                    "王五",
                    "MARGINAL_POVERTY",
                    false,
                    "汉葭",
                    "鼓楼",
                    "2022-01-01",
                    "rural_revitalization",
                    "r.csv",
                    2),
                record(
                    WANG,
                    "王五",
                    "MILD_DISABILITY",
                    false,
                    "火星乡",
                    "红旗村",
                    "2019-01-01",
                    "disability",
                    "d.csv",
                    3)),
            frame(
                RepairColumns.REPAIRED_ROW,
                row("disability", "d.csv", 2L, "500243*******00120", "repairs.csv", ZHANG)),
            Divisions.townships(spark),
            Divisions.villages(spark),
            PolicyLoader.bundled()));
  }

  @Test
  void differentNamesForOneIdAreAConflictTheSameNameTwiceIsNot() {
    StructType idNames =
        new StructType()
            .add(ColumnNames.ID_NUMBER, DataTypes.StringType, false)
            .add(ColumnNames.NAME, DataTypes.StringType, true)
            .add(ColumnNames.SOURCE, DataTypes.StringType, false);
    assertSameRows(
        frame(
            QualityColumns.IDENTITY_CONFLICTS.schema(),
            row(LI, List.of("陈一", "陈壹"), List.of("civil_affairs", "rural_revitalization"))),
        PersonStages.identityConflicts(
            frame(
                idNames,
                row(ZHANG, "张三", "civil_affairs"),
                row(ZHANG, "张三", "rural_revitalization"),
                row(LI, "陈壹", "rural_revitalization"),
                row(LI, "陈一", "civil_affairs"),
                // a row without a name names nobody
                row(LI, null, "tax_payments"))));
  }
}
