package org.daijiao.decide;

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
import org.daijiao.ingest.clean.CleanColumns;
import org.daijiao.person.PersonBuilder;
import org.daijiao.resolve.SilverColumns;
import org.daijiao.spark.ColumnNames;
import org.junit.jupiter.api.Test;

/**
 * Everything §2 reads about a person in one row: records that start after as_of do not exist for
 * the run (SPEC §2), a person none of whose roster records exists yet is not in the run, and only
 * the policy year's payments are kept.
 */
class TimelineStageTest {
  static final LocalDate AS_OF = LocalDate.of(2022, 6, 30);

  static final LocalDate ZHANG_BORN = LocalDate.of(1980, 1, 1);
  static final LocalDate LI_BORN = LocalDate.of(1985, 5, 5);
  static final LocalDate WANG_BORN = LocalDate.of(1975, 3, 3);
  static final LocalDate ZHAO_BORN = LocalDate.of(1962, 5, 5);

  /** 低保 all along, a student until February, enrolled at tier 100, 30 paid in March. */
  static final String ZHANG = PersonBuilder.syntheticId(ZHANG_BORN, "001");

  /** 特困 only from September: after as_of. */
  static final String LI = PersonBuilder.syntheticId(LI_BORN, "002");

  /** 返贫致贫 that ended in 2021; everything else starts after as_of. */
  static final String WANG = PersonBuilder.syntheticId(WANG_BORN, "003");

  /** 特困 since 2015, turns 60 on 5 May 2022, the government paid 100 in March. */
  static final String ZHAO = PersonBuilder.syntheticId(ZHAO_BORN, "004");

  private static final StructType PERIOD =
      new StructType()
          .add(TimelineStage.CODE, DataTypes.StringType)
          .add(TimelineStage.START, DataTypes.DateType)
          .add(TimelineStage.END, DataTypes.DateType);

  private static final StructType ENROLLMENT =
      new StructType()
          .add(ColumnNames.SCHEME, DataTypes.StringType)
          .add(ColumnNames.REGION_CODE, DataTypes.StringType)
          .add(ColumnNames.STATUS, DataTypes.StringType)
          .add(ColumnNames.TIER, CleanColumns.MONEY);

  private static final StructType PAYMENT =
      new StructType()
          .add(ColumnNames.PAYMENT_YEAR, DataTypes.IntegerType)
          .add(ColumnNames.AMOUNT, CleanColumns.MONEY)
          .add(ColumnNames.PAID_DATE, DataTypes.DateType)
          .add(ColumnNames.PAYER_TYPE, DataTypes.StringType);

  /** One row per person in the run, as the decision stage reads it. */
  static final StructType TIMELINE =
      new StructType()
          .add(ColumnNames.ID_NUMBER, DataTypes.StringType)
          .add(ColumnNames.BIRTH_DATE, DataTypes.DateType)
          .add(TimelineStage.CATEGORY_PERIODS, DataTypes.createArrayType(PERIOD))
          .add(TimelineStage.EXCLUSION_PERIODS, DataTypes.createArrayType(PERIOD))
          .add(TimelineStage.ENROLLMENTS, DataTypes.createArrayType(ENROLLMENT))
          .add(TimelineStage.PAYMENTS, DataTypes.createArrayType(PAYMENT));

  static LocalDate date(String iso) {
    return iso == null ? null : LocalDate.parse(iso);
  }

  static BigDecimal yuan(String amount) {
    return new BigDecimal(amount);
  }

  /** The timelines of ZHANG, WANG and ZHAO as of 2022-06-30 (LI is not in the run). */
  static Dataset<Row> expectedTimelines() {
    return frame(
        TIMELINE,
        row(
            ZHANG,
            ZHANG_BORN,
            List.of(row("DIBAO", date("2021-01-01"), null)),
            List.of(row("STUDENT", date("2022-01-01"), date("2022-02-28"))),
            List.of(row("RESIDENT", "500243", "ACTIVE", yuan("100.00"))),
            List.of(row(2022, yuan("30.00"), date("2022-03-01"), "SELF"))),
        row(
            WANG,
            WANG_BORN,
            List.of(row("FANPIN", date("2020-01-01"), date("2021-12-31"))),
            null,
            null,
            null),
        row(
            ZHAO,
            ZHAO_BORN,
            List.of(row("TEKUN", date("2015-01-01"), null)),
            null,
            List.of(row("RESIDENT", "500243", "ACTIVE", yuan("100.00"))),
            List.of(row(2022, yuan("100.00"), date("2022-03-01"), "GOVERNMENT"))));
  }

  private static Row person(String id, LocalDate born, String name) {
    return row(
        id,
        name,
        born,
        "M",
        null,
        null,
        null,
        null,
        List.of(),
        List.of("civil_affairs"),
        List.of());
  }

  private static Row category(String id, String code, String source, String from, String to) {
    return row(
        id, code, true, source, date(from), date(to), null, null, "a.csv", 2L, date(from), 1);
  }

  private static Row enrolled(String id, String status, String tier) {
    return row(id, null, "RESIDENT", "500243", status, yuan(tier), tier, null, "pe.csv", 2L);
  }

  private static Row paid(String id, int year, String amount, String date, String payer) {
    return row(id, null, year, yuan(amount), date(date), payer, "tax.csv", 2L);
  }

  @Test
  void aPersonsRecordsExistingAtAsOfAndThePaymentsOfTheYearMakeOneRow() {
    Dataset<Row> timelines =
        TimelineStage.timelines(
            frame(
                SilverColumns.PERSONS.schema(),
                person(ZHANG, ZHANG_BORN, "张三"),
                person(LI, LI_BORN, "李四"),
                person(WANG, WANG_BORN, "王五"),
                person(ZHAO, ZHAO_BORN, "赵六")),
            frame(
                SilverColumns.CATEGORY_PERIODS.schema(),
                category(ZHANG, "DIBAO", "civil_affairs", "2021-01-01", null),
                category(LI, "TEKUN", "civil_affairs", "2022-09-01", null),
                category(WANG, "FANPIN", "rural_revitalization", "2020-01-01", "2021-12-31"),
                category(WANG, "FANPIN", "rural_revitalization", "2022-08-01", null),
                category(ZHAO, "TEKUN", "civil_affairs", "2015-01-01", null)),
            frame(
                SilverColumns.EXCLUSION_PERIODS.schema(),
                row(ZHANG, "STUDENT", date("2022-01-01"), date("2022-02-28"), 1),
                row(WANG, "MILITARY", date("2022-07-01"), null, 1)),
            frame(
                SilverColumns.ENROLLMENTS.schema(),
                enrolled(ZHANG, "ACTIVE", "100.00"),
                enrolled(ZHAO, "ACTIVE", "100.00")),
            frame(
                SilverColumns.PAYMENTS.schema(),
                paid(ZHANG, 2022, "30.00", "2022-03-01", "SELF"),
                paid(ZHANG, 2021, "100.00", "2021-04-01", "SELF"),
                paid(ZHAO, 2022, "100.00", "2022-03-01", "GOVERNMENT")),
            2022,
            AS_OF);
    assertSameRows(expectedTimelines(), timelines);
  }
}
