package org.daijiao.ingest.clean;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.daijiao.TestSpark;
import org.daijiao.ingest.BronzeColumns;
import org.daijiao.ingest.Source;
import org.daijiao.policy.Policy;
import org.daijiao.policy.PolicyLoader;
import org.daijiao.resolve.PeriodMerging;
import org.daijiao.spark.ColumnNames;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The value cases of {@code bad-inputs/INDEX.md}: one bronze row per case, valid except for one
 * cell, through {@link CleanStages#parse} (the stage the ingest job runs) on a tiny in-memory table
 * — every row comes out either with its typed value or with the precise reject reason of {@code
 * quality.rejected_records}. IDs and people are synthetic.
 */
class CleanValueRulesTest {
  private static final LocalDate AS_OF = LocalDate.of(2022, 12, 31);
  private static final String ZHANG_SAN = "500243198001010012";

  /** A case: the cells that differ from the source's valid row, and the outcome. */
  record Case(
      String name, Source source, Map<String, String> cells, String outcome, String column) {
    static Case rejected(String name, Source source, String reason, String... cells) {
      return new Case(name, source, pairs(cells), reason, null);
    }

    static Case accepted(String name, Source source, String column, String value, String... cells) {
      return new Case(name, source, pairs(cells), value, column);
    }
  }

  static final List<Case> CASES =
      List.of(
          Case.accepted(
              "thousand separators",
              Source.TAX_PAYMENTS,
              "amount",
              "1000.50",
              "amount",
              "1,000.50"),
          Case.accepted("yuan sign", Source.TAX_PAYMENTS, "amount", "100.00", "amount", "¥100"),
          Case.accepted(
              "full-width digits", Source.TAX_PAYMENTS, "amount", "100.50", "amount", "１００．５０"),
          Case.accepted("refund", Source.TAX_PAYMENTS, "amount", "-70.00", "amount", "-70"),
          Case.rejected("amount in words", Source.TAX_PAYMENTS, "AMOUNT_INVALID", "amount", "七十"),
          Case.rejected("amount empty", Source.TAX_PAYMENTS, "AMOUNT_MISSING", "amount", null),
          Case.rejected(
              "month 13", Source.CIVIL_AFFAIRS, "DATE_INVALID", "start_date", "2022-13-01"),
          Case.rejected(
              "zero date", Source.CIVIL_AFFAIRS, "DATE_INVALID", "start_date", "0000-00-00"),
          Case.rejected(
              "30 February", Source.CIVIL_AFFAIRS, "DATE_INVALID", "start_date", "2022年2月30日"),
          Case.accepted(
              "Excel serial",
              Source.CIVIL_AFFAIRS,
              "start_date",
              "2022-01-01",
              "start_date",
              "44562"),
          Case.rejected("truncated row", Source.CIVIL_AFFAIRS, "DATE_MISSING", "start_date", null),
          Case.rejected(
              "ID with a letter",
              Source.CIVIL_AFFAIRS,
              "ID_INVALID_FORMAT",
              "id_number",
              "50024319800101001A"),
          Case.rejected(
              "17 digits",
              Source.CIVIL_AFFAIRS,
              "ID_INVALID_FORMAT",
              "id_number",
              "50024319800101001"),
          Case.rejected(
              "19 digits",
              Source.CIVIL_AFFAIRS,
              "ID_INVALID_FORMAT",
              "id_number",
              "5002431980010100121"),
          Case.rejected(
              "scientific", Source.CIVIL_AFFAIRS, "ID_INVALID_FORMAT", "id_number", "5.00243E+17"),
          Case.rejected(
              "number cell",
              Source.CIVIL_AFFAIRS,
              "ID_INVALID_CHECKSUM",
              "id_number",
              "500243198001010000"),
          Case.accepted(
              "full width, x, spaces",
              Source.CIVIL_AFFAIRS,
              "id_number",
              "50024319900202009X",
              "id_number",
              "５００２４３ 1990 0202 009x"),
          Case.accepted(
              "15 digits",
              Source.CIVIL_AFFAIRS,
              "id_number",
              "500243198001010012",
              "id_number",
              "500243800101001"),
          Case.rejected(
              "civil category", Source.CIVIL_AFFAIRS, "CATEGORY_UNKNOWN", "category", "五保"),
          Case.rejected(
              "rural category", Source.RURAL_REVITALIZATION, "CATEGORY_UNKNOWN", "category", "一般户"),
          Case.rejected("grade", Source.DISABILITY, "GRADE_UNKNOWN", "disability_grade", "五级"),
          Case.rejected("status", Source.PENSION_ENROLLMENT, "STATUS_UNKNOWN", "status", "已死亡"),
          Case.rejected("scheme", Source.PENSION_ENROLLMENT, "SCHEME_UNKNOWN", "scheme", "新农保"),
          Case.rejected("payer", Source.TAX_PAYMENTS, "PAYER_TYPE_UNKNOWN", "payer_type", "单位缴费"),
          Case.rejected(
              "exclusion", Source.EXCLUSIONS, "EXCLUSION_REASON_UNKNOWN", "reason", "外出务工"),
          Case.rejected(
              "end before start",
              Source.CIVIL_AFFAIRS,
              "DATE_RANGE_INVALID",
              "start_date",
              "2022-06-01",
              "end_date",
              "2022-03-01"));

  private static final Map<Source, Map<String, String>> VALID =
      Map.of(
          Source.CIVIL_AFFAIRS,
          pairs(
              "name",
              "张三",
              "id_number",
              ZHANG_SAN,
              "category",
              "低保",
              "township",
              "汉葭街道",
              "village",
              "河堡社区",
              "start_date",
              "2022-01-05"),
          Source.RURAL_REVITALIZATION,
          pairs("name", "张三", "id_number", ZHANG_SAN, "category", "返贫", "start_date", "2022-01-05"),
          Source.DISABILITY,
          pairs(
              "name",
              "张三",
              "id_number",
              ZHANG_SAN,
              "disability_grade",
              "一级",
              "start_date",
              "2022-01-05"),
          Source.PENSION_ENROLLMENT,
          pairs(
              "id_number",
              ZHANG_SAN,
              "name",
              "张三",
              "scheme",
              "城乡居民基本养老保险",
              "region_code",
              "500243",
              "status",
              "参保缴费"),
          Source.TAX_PAYMENTS,
          pairs(
              "id_number",
              ZHANG_SAN,
              "name",
              "张三",
              "payment_year",
              "2022",
              "amount",
              "100",
              "paid_date",
              "2022-08-05",
              "payer_type",
              "个人缴费"),
          Source.EXCLUSIONS,
          pairs(
              "id_number", ZHANG_SAN, "name", "张三", "reason", "在校学生", "start_date", "2022-01-01"));

  private static final Map<String, Row> OUTCOMES = new HashMap<>();
  private static Policy policy;

  @BeforeAll
  static void parseEveryCaseOnce() {
    policy = PolicyLoader.bundled();
    for (Source source : Source.values()) {
      List<Map<String, String>> rows = new ArrayList<>();
      List<Case> ofSource = CASES.stream().filter(c -> c.source() == source).toList();
      rows.add(VALID.get(source));
      for (Case c : ofSource) {
        Map<String, String> row = new LinkedHashMap<>(VALID.get(source));
        row.putAll(c.cells());
        rows.add(row);
      }
      List<Row> parsed = parse(source, rows);
      OUTCOMES.put(source + " valid row", parsed.get(0));
      for (int i = 0; i < ofSource.size(); i++) {
        OUTCOMES.put(ofSource.get(i).name(), parsed.get(i + 1));
      }
    }
  }

  @Test
  void theValidRowOfEverySourceIsAccepted() {
    for (Source source : Source.values()) {
      Row r = OUTCOMES.get(source + " valid row");
      assertThat((String) r.getAs(CleanColumns.REJECT_REASON))
          .as(
              "张三's valid %s row (detail: %s)",
              source.folder(), r.getAs(CleanColumns.REJECT_DETAIL))
          .isNull();
    }
  }

  @Test
  void everyValueCaseGetsItsAcceptedValueOrItsRejectReason() {
    for (Case c : CASES) {
      Row r = OUTCOMES.get(c.name());
      String reason = r.getAs(CleanColumns.REJECT_REASON);
      String detail = r.getAs(CleanColumns.REJECT_DETAIL);
      if (c.column() == null) {
        assertThat(reason)
            .as("%s (%s): reject reason, detail '%s'", c.name(), c.source().folder(), detail)
            .isEqualTo(c.outcome());
        assertThat(detail).as("%s: the detail says why", c.name()).isNotBlank();
        assertThat(detail)
            .as("%s: the detail must not quote an ID", c.name())
            .doesNotContainPattern("[0-9]{17}");
      } else {
        assertThat(reason)
            .as("%s (%s) must be accepted; detail '%s'", c.name(), c.source().folder(), detail)
            .isNull();
        assertThat(String.valueOf((Object) r.getAs(c.column())))
            .as("%s: clean %s", c.name(), c.column())
            .isEqualTo(c.outcome());
      }
    }
  }

  @Test
  void samePersonTwiceWithConflictingPeriodsIsKeptAndMerged() {
    List<Map<String, String>> rows =
        List.of(
            with(VALID.get(Source.CIVIL_AFFAIRS), "start_date", "2022-01-01"),
            with(
                with(VALID.get(Source.CIVIL_AFFAIRS), "start_date", "2022-03-01"),
                "end_date",
                "2022-05-31"),
            with(
                with(VALID.get(Source.CIVIL_AFFAIRS), "category", "特困"),
                "start_date",
                "2022-04-01"));
    Dataset<Row> parsed = parseDataset(Source.CIVIL_AFFAIRS, rows);
    Dataset<Row> accepted = CleanStages.accepted(parsed);
    assertThat(accepted.count())
        .as("张三's three roster rows, none rejected or dropped")
        .isEqualTo(3);

    List<Row> periods =
        PeriodMerging.mergePeriods(
                accepted,
                List.of(ColumnNames.ID_NUMBER, ColumnNames.CATEGORY),
                List.of(ColumnNames.TOWNSHIP, ColumnNames.VILLAGE),
                LocalDate.of(2022, 12, 31))
            .orderBy(ColumnNames.CATEGORY)
            .collectAsList();
    assertThat(periods).as("张三's periods after merging: one 低保, one 特困").hasSize(2);
    Row dibao = periods.get(0);
    assertThat((String) dibao.getAs(ColumnNames.CATEGORY)).isEqualTo("DIBAO");
    assertThat((Object) dibao.getAs("start_date")).isEqualTo(LocalDate.of(2022, 1, 1));
    assertThat((Object) dibao.getAs("end_date"))
        .as("the open 低保 period absorbs the closed one")
        .isNull();
    assertThat(((Number) dibao.getAs("records")).longValue())
        .as("records merged into 低保")
        .isEqualTo(2);
    assertThat((String) periods.get(1).getAs(ColumnNames.CATEGORY)).isEqualTo("TEKUN");
  }

  private static List<Row> parse(Source source, List<Map<String, String>> rows) {
    return parseDataset(source, rows).orderBy(ColumnNames.LINE).collectAsList();
  }

  private static Dataset<Row> parseDataset(Source source, List<Map<String, String>> rows) {
    List<Row> bronze = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      List<Object> values = new ArrayList<>();
      for (String column : source.columnNames()) {
        values.add(rows.get(i).get(column));
      }
      values.add(Map.of());
      values.add("bad-inputs/" + source.folder() + ".csv");
      values.add((long) i + 2);
      values.add(Instant.parse("2023-01-05T00:00:00Z"));
      values.add("test-batch");
      bronze.add(RowFactory.create(values.toArray()));
    }
    Dataset<Row> table = TestSpark.session().createDataFrame(bronze, BronzeColumns.schema(source));
    return CleanStages.parse(table, source, policy, AS_OF);
  }

  private static Map<String, String> with(Map<String, String> row, String column, String value) {
    Map<String, String> copy = new LinkedHashMap<>(row);
    copy.put(column, value);
    return copy;
  }

  private static Map<String, String> pairs(String... kv) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put(kv[i], kv[i + 1]);
    }
    return m;
  }
}
