package org.daijiao.ingest;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;
import static org.daijiao.FixtureCounty.row;
import static org.daijiao.FixtureCounty.rows;

import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.daijiao.FixtureCounty;
import org.daijiao.spark.Tables;
import org.junit.jupiter.api.Test;

/**
 * SPEC §4 and §5 bronze: every export format and header spelling is read into the canonical
 * columns, with the exact file and physical line of each record.
 */
class IngestBronzeIntegrationTest {
  private static Dataset<Row> bronze(Source source) {
    return FixtureCounty.table(Tables.bronze(source.folder()));
  }

  private static Dataset<Row> file(Source source, String file) {
    return bronze(source)
        .filter(col(BronzeColumns.SOURCE_FILE).equalTo(source.folder() + "/" + file));
  }

  @Test
  void utf8CsvWithEnglishHeadersIsReadIntoCanonicalColumns() {
    assertThat(
            rows(
                file(Source.CIVIL_AFFAIRS, "ca_utf8.csv").filter(col("_line").equalTo(2)),
                "name",
                "id_number",
                "category",
                "township",
                "village",
                "start_date",
                "end_date",
                "household_id"))
        .as("张三's row of the UTF-8 civil affairs file, as written")
        .containsExactly(
            row("张三", FixtureCounty.ZHANG_SAN, "特困", "汉葭", "鼓楼社区", "2022-03-05", null, "H001"));
  }

  @Test
  void utf8BomFileKeepsItsFirstHeaderAndChineseAliases() {
    assertThat(
            rows(
                file(Source.CIVIL_AFFAIRS, "ca_bom.csv"),
                "_line",
                "name",
                "category",
                "township",
                "start_date"))
        .as("姓名 (right after the BOM), 救助类别, 乡镇 and 认定日期 fill name, category, township, start_date")
        .containsExactly(
            row(2L, "赵六", "特困", "保家镇", "20220305"),
            row(3L, "王五", "特困", "高谷镇", "20220305"),
            row(4L, "张\u3000三", "特困", "汉葭", "20220305"),
            row(5L, "冯十二", "低保\u00A0", "桑柘镇", "20220101"));
  }

  @Test
  void gbkFileIsDetectedAndDecoded() {
    assertThat(
            rows(
                file(Source.CIVIL_AFFAIRS, "ca_gbk.csv"),
                "_line",
                "name",
                "id_number",
                "category",
                "village",
                "start_date",
                "end_date"))
        .as("GBK civil affairs export with 身份证号码/保障类别/村（社区）/保障开始日期/保障结束日期")
        .containsExactly(
            row(2L, "王五", FixtureCounty.WANG_WU_15, "特困", "大青村", "2022/3/5", "2022/12/31"),
            row(3L, "陈一", FixtureCounty.CHEN_YI, "低保", null, "2022/2/1", null));
    assertThat(
            rows(
                file(Source.TAX_PAYMENTS, "tax_gbk.csv").filter(col("_line").equalTo(4)),
                "name",
                "payment_year",
                "amount",
                "paid_date",
                "payer_type"))
        .as("GBK tax export with 费款所属期/缴费金额/入库日期/缴费类型")
        .containsExactly(row("李四", "2022", "70", "2022-06-01", "政府代缴"));
  }

  @Test
  void xlsxSheetIsReadWithSheetRowNumbersAndExcelDateCell() {
    assertThat(
            rows(
                file(Source.RURAL_REVITALIZATION, "rr.xlsx"),
                "_line",
                "name",
                "id_number",
                "category",
                "start_date"))
        .as(
            "证件号码/监测对象类别/纳入监测日期; the Excel date cell reads as an ISO date; an 18-digit ID typed"
                + " as a number reads as Excel shows it")
        .containsExactly(
            row(2L, "钱七", FixtureCounty.QIAN_QI, "脱贫不稳定户", "2022-03-05"),
            row(3L, "吴十", FixtureCounty.WU_SHI, "返贫", "2022年3月5日"),
            row(4L, "陈壹", FixtureCounty.CHEN_YI, "致贫", "2022-02-01"),
            row(5L, "某某", FixtureCounty.WU_SHI, "一般户", "2022-01-01"),
            row(6L, "某乙", "5.00243E+17", "返贫", "2022-01-01"));
  }

  @Test
  void disabilityAliasesFillCertificateAndGrade() {
    assertThat(
            rows(
                file(Source.DISABILITY, "dis.csv").filter(col("_line").equalTo(2)),
                "id_number",
                "certificate_number",
                "disability_category",
                "disability_grade",
                "start_date"))
        .as("残疾人证号/残疾类别/残疾等级/发证日期; the empty ID column stays null")
        .containsExactly(row(null, FixtureCounty.SUN_BA + "11", "视力", "一级", "2022-01-10"));
  }

  @Test
  void lineIsThePhysicalLineAlsoAfterAQuotedNewline() {
    assertThat(
            file(Source.CIVIL_AFFAIRS, "ca_utf8.csv")
                .orderBy("_line")
                .select("_line")
                .as(Encoders.LONG())
                .collectAsList())
        .as("line 3's 备注 runs over line 4, so the next record is on line 5")
        .containsExactly(2L, 3L, 5L, 6L, 7L, 8L, 9L, 10L, 11L, 12L, 13L, 14L, 15L, 16L, 17L);
    assertThat(
            rows(
                file(Source.CIVIL_AFFAIRS, "ca_utf8.csv").filter(col("_line").equalTo(5)),
                "name",
                "start_date"))
        .containsExactly(row("李四", "2022-01-01"));
  }

  @Test
  void unknownColumnsAreKeptInExtra() {
    List<Row> r =
        file(Source.CIVIL_AFFAIRS, "ca_utf8.csv")
            .filter(col("_line").equalTo(3))
            .select(BronzeColumns.EXTRA)
            .collectAsList();
    Map<String, String> extra = r.get(0).getJavaMap(0);
    assertThat(extra)
        .as("the unknown column 备注 with its quoted newline")
        .containsExactly(Map.entry("备注", "第一行\n第二行"));
    assertThat(
            rows(
                file(Source.CIVIL_AFFAIRS, "ca_utf8.csv").filter(col("_line").equalTo(2)),
                "map_keys(_extra)"))
        .as("the unknown column is present on every row of its file, empty when the cell is")
        .containsExactly(row(List.of("备注")));
  }

  @Test
  void everyBronzeRowCarriesItsLineage() {
    for (Source source : Source.values()) {
      Dataset<Row> b = bronze(source);
      assertThat(rows(b.select(col("_batch_id"), col("_ingested_at").isNotNull()).distinct()))
          .as("bronze.%s: one batch id and one ingestion time for the run", source.folder())
          .containsExactly(row("test-batch", true));
      assertThat(
              b.filter(
                      col("_source_file").startsWith(source.folder() + "/").and(col("_line").gt(1)))
                  .count())
          .as(
              "bronze.%s: every row names its file (folder/name) and a line after the header",
              source.folder())
          .isEqualTo(b.count())
          .isPositive();
    }
    assertThat(rows(bronze(Source.EXCLUSIONS), "_source_file", "_line", "reason"))
        .as("a file name with glob characters [ ] is read like any other")
        .containsExactly(
            row("exclusions/服刑名单[1].csv", 2L, "服刑人员"), row("exclusions/服刑名单[1].csv", 3L, "失业人员"));
  }

  @Test
  void bronzeSchemaIsTheCanonicalColumnsAsTextPlusLineage() {
    for (Source source : Source.values()) {
      assertThat(FixtureCounty.columnTypes(bronze(source).schema()))
          .as("bronze.%s schema", source.folder())
          .isEqualTo(FixtureCounty.columnTypes(BronzeColumns.schema(source)));
    }
    assertThat(FixtureCounty.columnTypes(bronze(Source.DISABILITY).schema()))
        .contains(
            "_extra map<string,string>",
            "_source_file string",
            "_line bigint",
            "_ingested_at timestamp",
            "_batch_id string");
  }

  @Test
  void officeLockFileNextToAWorkbookIsSkipped() {
    assertThat(rows(bronze(Source.RURAL_REVITALIZATION).select("_source_file").distinct()))
        .as("~$rr.xlsx (Excel's owner file while rr.xlsx is open) is not an export")
        .containsExactly(row("rural_revitalization/rr.xlsx"));
  }

  @Test
  void ingestResultCountsFilesAndRowsPerSource() {
    IngestJob.Result r = FixtureCounty.run().ingest();
    assertThat(r.files())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "civil_affairs",
                3,
                "rural_revitalization",
                1,
                "disability",
                1,
                "pension_enrollment",
                1,
                "tax_payments",
                1,
                "exclusions",
                1));
    assertThat(r.rowsRead())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "civil_affairs",
                21L,
                "rural_revitalization",
                5L,
                "disability",
                5L,
                "pension_enrollment",
                6L,
                "tax_payments",
                7L,
                "exclusions",
                2L));
  }
}
