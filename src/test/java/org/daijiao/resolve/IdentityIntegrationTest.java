package org.daijiao.resolve;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;
import static org.daijiao.FixtureCounty.row;
import static org.daijiao.FixtureCounty.rows;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.daijiao.FixtureCounty;
import org.daijiao.identity.IdNumber;
import org.daijiao.spark.Tables;
import org.junit.jupiter.api.Test;

/**
 * SPEC §3 and §5 silver: one person per normalised ID, identity conflicts, merged category periods,
 * known non-target values, townships and villages matched to the official divisions.
 */
class IdentityIntegrationTest {
  private static Dataset<Row> persons() {
    return FixtureCounty.table(Tables.PERSONS);
  }

  private static Dataset<Row> periods(String id) {
    return FixtureCounty.table(Tables.CATEGORY_PERIODS).filter(col("id_number").equalTo(id));
  }

  private static Dataset<Row> person(String id) {
    return persons().filter(col("id_number").equalTo(id));
  }

  private static LocalDate date(String iso) {
    return LocalDate.parse(iso);
  }

  @Test
  void fifteenDigitIdIsUpgradedAndKeysThePerson() {
    assertThat(
            rows(periods(FixtureCounty.WANG_WU), "category", "start_date", "end_date", "records"))
        .as(
            "王五: the 15-digit ID (GBK file) and the full-width 18-digit ID (BOM file) are one person's two records")
        .containsExactly(row("TEKUN", date("2022-03-05"), date("2022-12-31"), 2));
    assertThat(person(FixtureCounty.WANG_WU).count()).isEqualTo(1);
    assertThat(persons().filter(col("id_number").startsWith(FixtureCounty.WANG_WU_15)).count())
        .as("no person keyed by the 15-digit form")
        .isZero();
  }

  @Test
  void lowercaseXFullWidthDigitsAndSpacesNormaliseToOneKey() {
    assertThat(rows(person(FixtureCounty.ZHAO_LIU), "id_number", "name"))
        .as("赵六's ID written with a lowercase x is keyed with X")
        .containsExactly(row(FixtureCounty.ZHAO_LIU, "赵六"));
    assertThat(
            rows(periods(FixtureCounty.ZHANG_SAN), "category", "start_date", "end_date", "records"))
        .as("张三's plain ID and the same ID with spaces are one person: their two 特困 records merge")
        .containsExactly(row("TEKUN", date("2022-03-05"), null, 2));
    assertThat(persons().filter(col("id_number").rlike("[^0-9X]|^.{0,17}$|^.{19,}$")).count())
        .as("every person key is 18 characters of digits and X")
        .isZero();
  }

  @Test
  void sameIdWithDifferentNamesIsOneIdentityConflict() {
    Dataset<Row> conflicts = FixtureCounty.table(Tables.IDENTITY_CONFLICTS);
    assertThat(rows(conflicts))
        .as(
            "陈一 (civil affairs) and 陈壹 (rural revitalisation) under one ID: listed once, sorted;"
                + " 张三 and 张\u3000三 (padding space) are the same name")
        .containsExactly(
            row(
                FixtureCounty.CHEN_YI,
                List.of("陈一", "陈壹"),
                List.of("civil_affairs", "rural_revitalization")));
    assertThat(FixtureCounty.columnTypes(conflicts.schema()))
        .containsExactly("id_number string", "names array<string>", "sources array<string>");
    assertThat(rows(person(FixtureCounty.CHEN_YI), "sources"))
        .as("the conflicting records stay linked to one person")
        .containsExactly(row(List.of("civil_affairs", "rural_revitalization")));
    assertThat(FixtureCounty.run().resolve().identityConflicts()).isEqualTo(1);
  }

  @Test
  void disabilityRowWithOnlyTheCertificateIsKeyedByItsIdPart() {
    assertThat(rows(person(FixtureCounty.SUN_BA), "name", "sources"))
        .as("孙八 has no ID column, only the certificate number ID+1+1")
        .containsExactly(row("孙八", List.of("disability")));
    assertThat(rows(periods(FixtureCounty.SUN_BA), "category", "target", "start_date"))
        .containsExactly(row("SEVERE_DISABILITY", true, date("2022-01-10")));
  }

  @Test
  void knownNonTargetValuesAreAcceptedWithTargetFalse() {
    assertThat(rows(periods(FixtureCounty.QIAN_QI), "category", "target", "source"))
        .as("钱七 脱贫不稳定户 is a known monitoring type, not a target (§2.1)")
        .containsExactly(row("UNSTABLE_OUT_OF_POVERTY", false, "rural_revitalization"));
    assertThat(rows(periods(FixtureCounty.ZHOU_JIU), "category", "target", "source"))
        .as("周九 三级 is a known grade, not a target (§1 一、二级重度残疾)")
        .containsExactly(row("MILD_DISABILITY", false, "disability"));
    assertThat(
            persons()
                .filter(col("id_number").isin(FixtureCounty.QIAN_QI, FixtureCounty.ZHOU_JIU))
                .count())
        .as("both are on the roster")
        .isEqualTo(2);
  }

  @Test
  void categoryEndingInANoBreakSpaceIsRecognised() {
    assertThat(rows(periods(FixtureCounty.FENG_SHIER), "category", "target"))
        .as(
            "冯十二's 低保 was exported with a trailing U+00A0: surrounding spaces of any kind are ignored")
        .containsExactly(row("DIBAO", true));
  }

  @Test
  void overlappingDuplicateAndAdjacentPeriodsMergeAndAnOpenEndStaysNull() {
    assertThat(
            rows(
                periods(FixtureCounty.LI_SI),
                "category",
                "target",
                "start_date",
                "end_date",
                "records"))
        .as(
            "李四: 1–3 twice, 4–6 adjacent, 5 inside → one period of 4 records; from 9-01 open → its own period")
        .containsExactly(
            row("DIBAO", true, date("2022-01-01"), date("2022-06-30"), 4),
            row("DIBAO", true, date("2022-09-01"), null, 1));
  }

  @Test
  void fourDateFormatsAndAnExcelDateCellReadTheSameDay() {
    for (String id :
        List.of(
            FixtureCounty.ZHANG_SAN, // 2022-03-05
            FixtureCounty.WANG_WU, // 2022/3/5 and 20220305
            FixtureCounty.ZHAO_LIU, // 20220305
            FixtureCounty.WU_SHI, // 2022年3月5日
            FixtureCounty.QIAN_QI)) { // an Excel date cell
      assertThat(rows(periods(id), "start_date"))
          .as("start of %s's period", id.substring(14))
          .containsExactly(row(date("2022-03-05")));
    }
  }

  @Test
  void townshipShortFormIsMatchedToTheOfficialName() {
    assertThat(
            rows(
                person(FixtureCounty.ZHANG_SAN),
                "township",
                "township_code",
                "village",
                "village_code",
                "location_flags"))
        .as("汉葭 is 汉葭街道 (500243001); 鼓楼社区 is its village")
        .containsExactly(row("汉葭街道", "500243001", "鼓楼社区", "500243001001", List.of()));
  }

  @Test
  void unknownTownshipIsKeptWithoutCodeAndFlagged() {
    assertThat(
            rows(person(FixtureCounty.ZHENG_SHIYI), "township", "township_code", "location_flags"))
        .as("火星乡 is not a Pengshui township: kept as written, flagged, not rejected")
        .containsExactly(row("火星乡", null, List.of(Locations.UNKNOWN_TOWNSHIP)));
  }

  @Test
  void villageIsMatchedWithinItsTownship() {
    assertThat(
            rows(
                persons().filter(col("village").equalTo("大青村")),
                "id_number",
                "township",
                "township_code",
                "village_code"))
        .as("大青村 exists in 高谷镇 and in 桑柘镇: each person gets the village of their own township")
        .containsExactlyInAnyOrder(
            row(FixtureCounty.WANG_WU, "高谷镇", "500243103", "500243103200"),
            row(FixtureCounty.FENG_SHIER, "桑柘镇", "500243104", "500243104206"));
  }

  @Test
  void birthDateAndSexComeFromTheId() {
    List<List<Object>> all = rows(persons(), "id_number", "birth_date", "sex");
    assertThat(all).as("11 roster persons").hasSize(11);
    for (List<Object> p : all) {
      String id = (String) p.get(0);
      assertThat(p.subList(1, 3))
          .as("birth date and sex of the person ending %s", id.substring(14))
          .containsExactly(IdNumber.birthDate(id), IdNumber.sex(id));
    }
    assertThat(rows(person(FixtureCounty.LI_SI), "birth_date", "sex"))
        .as("李四: born 1985-05-05, even sequence digit → F")
        .containsExactly(row(date("1985-05-05"), "F"));
  }

  @Test
  void silverSchemasAreTheSpecColumns() {
    assertThat(FixtureCounty.columnTypes(persons().schema()))
        .containsExactly(
            "id_number string",
            "name string",
            "birth_date date",
            "sex string",
            "township string",
            "township_code string",
            "village string",
            "village_code string",
            "location_flags array<string>",
            "sources array<string>",
            // Issue 12: the confirmed repairs of the person's roster rows (empty for most).
            "id_repairs array<struct<source:string,source_file:string,line:bigint,"
                + "repaired_from:string,confirmed_in:string>>");
    assertThat(FixtureCounty.columnTypes(FixtureCounty.table(Tables.CATEGORY_PERIODS).schema()))
        .startsWith(
            "id_number string",
            "category string",
            "target boolean",
            "source string",
            "start_date date",
            "end_date date")
        .contains("records int");
  }

  @Test
  void paymentsEnrollmentsAndExclusionsAreTypedWithCodes() {
    Dataset<Row> payments = FixtureCounty.table(Tables.PAYMENTS);
    assertThat(
            rows(
                payments, "id_number", "payment_year", "amount", "paid_date", "payer_type", "line"))
        .as(
            "张三's payment exported twice is kept once (line 2); 政府代缴 → GOVERNMENT; yuan as DECIMAL(12,2)")
        .containsExactlyInAnyOrder(
            row(
                FixtureCounty.ZHANG_SAN,
                2022,
                new BigDecimal("100.00"),
                date("2022-05-01"),
                "SELF",
                2L),
            row(
                FixtureCounty.LI_SI,
                2022,
                new BigDecimal("70.00"),
                date("2022-06-01"),
                "GOVERNMENT",
                4L));
    assertThat(FixtureCounty.columnTypes(payments.schema()))
        .startsWith(
            "id_number string",
            "name string",
            "payment_year int",
            "amount decimal(12,2)",
            "paid_date date",
            "payer_type string");
    Dataset<Row> enrollments = FixtureCounty.table(Tables.ENROLLMENTS);
    assertThat(rows(enrollments, "id_number", "scheme", "region_code", "status", "tier"))
        .as("城乡居民基本养老保险/城乡居保 → RESIDENT; 参保缴费/正常 → ACTIVE")
        .containsExactlyInAnyOrder(
            row(FixtureCounty.ZHANG_SAN, "RESIDENT", "500243", "ACTIVE", new BigDecimal("200.00")),
            row(FixtureCounty.LI_SI, "RESIDENT", "500243", "ACTIVE", new BigDecimal("100.00")));
    assertThat(FixtureCounty.columnTypes(enrollments.schema()))
        .startsWith(
            "id_number string",
            "name string",
            "scheme string",
            "region_code string",
            "status string",
            "tier decimal(12,2)");
    Dataset<Row> exclusions = FixtureCounty.table(Tables.EXCLUSION_PERIODS);
    assertThat(rows(exclusions))
        .as("服刑人员 → PRISONER")
        .containsExactly(
            row(FixtureCounty.ZHAO_LIU, "PRISONER", date("2022-01-01"), date("2022-02-28"), 1));
    assertThat(FixtureCounty.columnTypes(exclusions.schema()))
        .containsExactly(
            "id_number string", "reason string", "start_date date", "end_date date", "records int");
    assertThat(
            FixtureCounty.columnTypes(FixtureCounty.table(Tables.INGEST_RECONCILIATION).schema()))
        .containsExactly(
            "source string", "rows_read bigint", "rows_accepted bigint", "rows_rejected bigint");
  }

  @Test
  void goldStagesRunOnTheFixture() {
    assertThat(FixtureCounty.table(Tables.ELIGIBILITY).count())
        .as("gold.eligibility has one row per roster person")
        .isEqualTo(11);
  }
}
