package org.daijiao.report;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xddf.usermodel.chart.XDDFBarChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFLineChartData;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.spark.sql.Row;
import org.daijiao.ReportRun;
import org.daijiao.SampleIdentities;
import org.daijiao.SampleRun;
import org.daijiao.TestSpark;
import org.daijiao.coverage.CoverageColumns;
import org.daijiao.identity.Divisions;
import org.daijiao.spark.ColumnNames;
import org.daijiao.spark.TableName;
import org.daijiao.spark.Tables;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 9 part 1, done when: the county report of the sample run, read back with POI, says on every
 * sheet what the gold tables say — every township of the county in official order, every village,
 * every category and funding request, each total row equal to the county's figures to the cent —
 * has its charts, prints on A4, and holds no ID number and no name; so does its HTML page.
 */
class CountyReportTest {
  private static final String TITLE = "彭水县2022年困难群体城乡居保代缴情况";
  private static final int BODY = CountyWorkbook.HEADER_ROW + 1;

  private static XSSFWorkbook workbook;
  private static String html;
  private static List<Row> stats;
  private static List<Object> county;

  @BeforeAll
  static void readTheReportOfTheSampleRun() throws IOException {
    ReportRun.Result run = ReportRun.get();
    assertThat(run.reportExit())
        .as("exit code of daijiao report; stderr: %s", run.stderr())
        .isZero();
    workbook = Workbooks.open(run.reportFolder().resolve(TITLE + ".xlsx"));
    html = Files.readString(run.reportFolder().resolve(TITLE + ".html"), StandardCharsets.UTF_8);
    stats = ofYear(Tables.COVERAGE_STATS).collectAsList();
    county = gold(find("COUNTY", null, null, "ALL"));
  }

  @AfterAll
  static void close() throws IOException {
    workbook.close();
  }

  private static org.apache.spark.sql.Dataset<Row> ofYear(TableName table) {
    return SampleRun.get()
        .warehouse()
        .read(TestSpark.session(), table)
        .filter(col(ColumnNames.POLICY_YEAR).equalTo(2022));
  }

  private static Row find(String level, String township, String village, String category) {
    return stats.stream()
        .filter(
            r ->
                level.equals(r.getAs(ColumnNames.LEVEL))
                    && java.util.Objects.equals(township, r.getAs(ColumnNames.TOWNSHIP))
                    && java.util.Objects.equals(village, r.getAs(ColumnNames.VILLAGE))
                    && category.equals(r.getAs(ColumnNames.CATEGORY)))
        .findFirst()
        .orElse(null);
  }

  /** The seven figures of a statistics row; zeros and no rates when there is none. */
  private static List<Object> gold(Row r) {
    List<Object> f = new ArrayList<>();
    if (r == null) {
      f.addAll(List.of(0L, 0L));
      f.add(null);
      f.addAll(List.of(0L, 0L));
      f.add(null);
      f.add(new BigDecimal("0.00"));
      return f;
    }
    f.add(r.getAs(ColumnNames.TARGET_PERSONS));
    f.add(r.getAs(ColumnNames.INSURED_PERSONS));
    f.add(r.getAs(ColumnNames.INSURED_RATE));
    f.add(r.getAs(CoverageColumns.ELIGIBLE_PERSONS));
    f.add(r.getAs(CoverageColumns.PAID_PERSONS));
    f.add(r.getAs(CoverageColumns.PAID_RATE));
    f.add(r.<BigDecimal>getAs(ColumnNames.SUBSIDY_AMOUNT).setScale(2));
    return f;
  }

  /** The seven figures of a sheet row, from column {@code first}. */
  private static List<Object> shown(Sheet s, int row, int first) {
    List<Object> f = new ArrayList<>();
    f.add(Workbooks.count(s, row, first));
    f.add(Workbooks.count(s, row, first + 1));
    f.add(Workbooks.rate(s, row, first + 2));
    f.add(Workbooks.count(s, row, first + 3));
    f.add(Workbooks.count(s, row, first + 4));
    f.add(Workbooks.rate(s, row, first + 5));
    f.add(Workbooks.money(s, row, first + 6));
    return f;
  }

  @Test
  void theSheetsOfTheIssueEachPrintingOnA4WithItsHeaderRepeated() {
    List<String> names = new ArrayList<>();
    workbook.forEach(s -> names.add(s.getSheetName()));
    assertThat(names).containsExactly("汇总", "图表", "月度进展", "分乡镇", "分村", "分类别", "部门资金", "分村分类别");
    for (Sheet s : workbook) {
      assertThat(s.getPrintSetup().getPaperSize())
          .as("%s prints on A4", s.getSheetName())
          .isEqualTo(PrintSetup.A4_PAPERSIZE);
      assertThat(s.getFooter().getCenter())
          .as("page numbers of %s", s.getSheetName())
          .contains("&P");
    }
    for (String name : List.of("分乡镇", "分村", "分类别", "部门资金", "分村分类别")) {
      Sheet s = workbook.getSheet(name);
      assertThat(s.getRepeatingRows())
          .as("%s repeats its header row on every page", name)
          .isEqualTo(CellRangeAddress.valueOf("3:3"));
      assertThat(s.getPaneInformation().getHorizontalSplitTopRow())
          .as("%s keeps its header in view (frozen)", name)
          .isEqualTo((short) BODY);
      assertThat(s.getColumnWidth(1)).as("%s: sized columns", name).isGreaterThan(8 * 256);
    }
  }

  @Test
  void all39TownshipsInOfficialOrderEachAsTheGoldTablesSayThenTheCountyTotal() {
    Sheet s = workbook.getSheet("分乡镇");
    List<Divisions.Division> official =
        Divisions.all().stream().filter(d -> d.level().equals("township")).toList();
    assertThat(official).hasSize(39);
    for (int i = 0; i < official.size(); i++) {
      Divisions.Division d = official.get(i);
      assertThat(List.of(Workbooks.shown(s, BODY + i, 0), Workbooks.shown(s, BODY + i, 1)))
          .as("row %d of 分乡镇: the official order", i + 1)
          .containsExactly(d.code(), d.name());
      assertThat(shown(s, BODY + i, 2))
          .as("%s: target, insured, rate, eligible, paid, rate, subsidy", d.name())
          .isEqualTo(gold(find("TOWNSHIP", d.name(), null, "ALL")));
    }
    int total = BODY + 39;
    assertThat(Workbooks.shown(s, total, 1))
        .as("the sample has no township outside the list: the total follows")
        .isEqualTo("合计");
    assertThat(shown(s, total, 2))
        .as("the total row is the county's row, to the cent")
        .isEqualTo(county);
    assertThat(Workbooks.shown(s, BODY, 4))
        .as("a rate shows as a percentage with two decimals")
        .matches("\\d{1,3}\\.\\d{2}%");
    assertThat(Workbooks.shown(s, BODY, 8))
        .as("money as ¥ with two decimals")
        .matches("¥[\\d,]+\\.\\d{2}");
  }

  @Test
  void everyVillageAsTheGoldTablesSayThenTheCountyTotal() {
    Sheet s = workbook.getSheet("分村");
    Map<String, Integer> rowOf = new HashMap<>();
    int r = BODY;
    while (!Workbooks.shown(s, r, 0).equals("合计")) {
      rowOf.put(Workbooks.shown(s, r, 0) + "/" + Workbooks.shown(s, r, 2), r);
      r++;
    }
    long villages = Divisions.all().stream().filter(d -> d.level().equals("village")).count();
    assertThat(rowOf)
        .as("every official village, the sample's all official")
        .hasSize((int) villages);
    for (Row g : stats) {
      if (g.getAs(ColumnNames.LEVEL).equals("VILLAGE")
          && g.getAs(ColumnNames.CATEGORY).equals("ALL")) {
        String key = g.getAs(ColumnNames.TOWNSHIP) + "/" + g.getAs(ColumnNames.VILLAGE);
        assertThat(rowOf).as("village %s of gold.coverage_stats", key).containsKey(key);
        assertThat(shown(s, rowOf.get(key), 3)).as("figures of %s", key).isEqualTo(gold(g));
      }
    }
    assertThat(shown(s, r, 3))
        .as("the total row is the county's row, to the cent")
        .isEqualTo(county);
  }

  @Test
  void everyCategoryInTheOrderOfTheNoticeThenTheCountyTotal() {
    Sheet s = workbook.getSheet("分类别");
    List<String> order = List.of("TEKUN", "SEVERE_DISABILITY", "DIBAO", "FANPIN");
    for (int i = 0; i < order.size(); i++) {
      assertThat(Workbooks.shown(s, BODY + i, 0)).isEqualTo(ReportLabels.category(order.get(i)));
      assertThat(shown(s, BODY + i, 1))
          .as("figures of %s", order.get(i))
          .isEqualTo(gold(find("COUNTY", null, null, order.get(i))));
    }
    assertThat(Workbooks.shown(s, BODY + 4, 0)).isEqualTo("合计");
    assertThat(shown(s, BODY + 4, 1)).as("the total row is the county's row").isEqualTo(county);
  }

  @Test
  void everyFundingRequestAndEachDepartmentsSumAddUpToTheCountysSubsidy() {
    Sheet s = workbook.getSheet("部门资金");
    List<Row> funding = ofYear(Tables.DEPARTMENT_FUNDING).collectAsList();
    Map<String, Object[]> expected = new HashMap<>();
    for (Row f : funding) {
      expected.put(
          String.join(
              "/",
              ReportLabels.department(f.getAs(ColumnNames.DEPARTMENT)),
              ReportLabels.fundingSource(f.getAs(ColumnNames.FUNDING_SOURCE)),
              batchLabel(f),
              ReportLabels.mode(f.getAs(ColumnNames.MODE))),
          new Object[] {
            f.getAs(CoverageColumns.PERSONS),
            f.<BigDecimal>getAs(ColumnNames.SUBSIDY_AMOUNT).setScale(2)
          });
    }
    for (int i = 0; i < funding.size(); i++) {
      String key =
          String.join(
              "/",
              Workbooks.shown(s, BODY + i, 0),
              Workbooks.shown(s, BODY + i, 1),
              Workbooks.shown(s, BODY + i, 2),
              Workbooks.shown(s, BODY + i, 3));
      assertThat(expected).as("funding row %s", key).containsKey(key);
      assertThat(new Object[] {Workbooks.count(s, BODY + i, 4), Workbooks.money(s, BODY + i, 5)})
          .as("persons and subsidy of %s", key)
          .containsExactly(expected.get(key));
    }
    int total = BODY + funding.size();
    assertThat(Workbooks.shown(s, total, 0)).isEqualTo("合计");
    assertThat(Workbooks.money(s, total, 5))
        .as("what the departments ask for is the county's subsidy, to the cent")
        .isEqualTo(county.get(6));
    // Below: per department what it signs, and their total.
    int r = total + 4;
    BigDecimal sum = BigDecimal.ZERO.setScale(2);
    while (!Workbooks.shown(s, r, 0).equals("合计")) {
      sum = sum.add(Workbooks.money(s, r, 5));
      r++;
    }
    assertThat(r - total - 4).as("three certifying departments").isEqualTo(3);
    assertThat(sum).isEqualTo(county.get(6));
    assertThat(Workbooks.money(s, r, 5)).isEqualTo(county.get(6));
  }

  private static String batchLabel(Row f) {
    return ReportLabels.batch(f.getAs(ColumnNames.BATCH), SampleRun.get().policy());
  }

  @Test
  void theSummaryGivesTheCountysFiguresTheRunAndItsInputFilesWithTheirRows() {
    Sheet s = workbook.getSheet("汇总");
    assertThat(Workbooks.shown(s, 0, 0)).isEqualTo(TITLE);
    assertThat(Workbooks.shown(s, 1, 0)).contains("数据截至 2022-12-31");
    int header = 4;
    assertThat(Workbooks.shown(s, header, 0)).isEqualTo("指标");
    List<Object> overall = new ArrayList<>();
    overall.add(Workbooks.count(s, header + 1, 1));
    overall.add(Workbooks.count(s, header + 2, 1));
    overall.add(Workbooks.rate(s, header + 3, 1));
    overall.add(Workbooks.count(s, header + 4, 1));
    overall.add(Workbooks.count(s, header + 5, 1));
    overall.add(Workbooks.rate(s, header + 6, 1));
    overall.add(Workbooks.money(s, header + 7, 1));
    assertThat(overall).as("一、总体情况 is the county's row").isEqualTo(county);
    long refunds =
        ofYear(Tables.WORKLIST).filter(col(ColumnNames.ACTION).equalTo("REFUND")).count();
    assertThat(Workbooks.count(s, header + 8, 1))
        .as("refunds due: the REFUND actions")
        .isEqualTo(refunds);
    List<String> text =
        Workbooks.everyCell(workbook).stream().filter(c -> c.startsWith("汇总!")).toList();
    assertThat(String.join("\n", text))
        .as("the run that produced the figures")
        .contains("产生本报告的运行：gold.coverage_stats 第 0 版")
        .contains("输入批次：hardening-batch");
    // The input files: per source, the files' rows add up to the source's reconciliation.
    Map<String, long[]> bySource = new HashMap<>();
    for (Row r : ofYearless(Tables.INGEST_RECONCILIATION)) {
      bySource.put(
          ReportLabels.source(r.getAs(ColumnNames.SOURCE)) + " 小计",
          new long[] {
            r.getAs(ColumnNames.ROWS_READ),
            r.getAs(ColumnNames.ROWS_ACCEPTED),
            r.getAs(ColumnNames.ROWS_REJECTED)
          });
    }
    int r = 0;
    while (!Workbooks.shown(s, r, 0).equals("来源")) {
      r++;
    }
    long[] files = new long[3];
    int subtotals = 0;
    for (r = r + 1; r <= s.getLastRowNum(); r++) {
      long[] counts = {
        Workbooks.count(s, r, 2), Workbooks.count(s, r, 3), Workbooks.count(s, r, 4)
      };
      assertThat(counts[0])
          .as("row %d: read = accepted + rejected", r + 1)
          .isEqualTo(counts[1] + counts[2]);
      String source = Workbooks.shown(s, r, 0);
      if (source.endsWith(" 小计")) {
        assertThat(counts)
            .as(source + " is quality.ingest_reconciliation")
            .isEqualTo(bySource.get(source));
        assertThat(files).as(source + ": the sum of its files").isEqualTo(counts);
        files = new long[3];
        subtotals++;
      } else {
        assertThat(Workbooks.shown(s, r, 1)).as("a file of the source folder").contains("/");
        for (int i = 0; i < 3; i++) {
          files[i] += counts[i];
        }
      }
    }
    assertThat(subtotals).as("every source").isEqualTo(bySource.size()).isEqualTo(6);
  }

  private static List<Row> ofYearless(TableName table) {
    return SampleRun.get().warehouse().read(TestSpark.session(), table).collectAsList();
  }

  @Test
  void theChartsAreNativeExcelChartsOfTheTables() {
    XSSFSheet sheet = workbook.getSheet("图表");
    List<XSSFChart> charts = sheet.createDrawingPatriarch().getCharts();
    assertThat(charts)
        .extracting(c -> c.getTitleText().getString())
        .containsExactly(
            CountyCharts.RATE_TITLE, CountyCharts.CATEGORY_TITLE, CountyCharts.DEPARTMENT_TITLE);
    List<XDDFChartData> rate = charts.get(0).getChartSeries();
    assertThat(rate).hasSize(2);
    assertThat(rate.get(0)).as("the rates as bars").isInstanceOf(XDDFBarChartData.class);
    assertThat(rate.get(1)).as("the 100 % target as a line").isInstanceOf(XDDFLineChartData.class);
    XDDFChartData.Series bars = rate.get(0).getSeries(0);
    assertThat(bars.getCategoryData().getPointCount()).as("one bar per township").isEqualTo(39);
    assertThat(bars.getValuesData().getDataRangeReference()).startsWith("分乡镇!");
    double previous = 0;
    for (int i = 0; i < 39; i++) {
      double v = ((Number) bars.getValuesData().getPointAt(i)).doubleValue();
      assertThat(v).as("sorted, lowest first").isGreaterThanOrEqualTo(previous);
      previous = v;
      assertThat(((Number) rate.get(1).getSeries(0).getValuesData().getPointAt(i)).doubleValue())
          .isEqualTo(1.0);
    }
    assertThat(charts.get(1).getChartSeries().get(0).getSeriesCount())
        .as("target and insured persons")
        .isEqualTo(2);
    assertThat(charts.get(2).getChartSeries().get(0).getSeries(0).getCategoryData().getPointCount())
        .as("one bar per department")
        .isEqualTo(3);
  }

  @Test
  void everySeriesHasItsOwnColoursAndTheWorkbookATheme() {
    // Without either, LibreOffice draws the bars transparent (docs/office-check.md).
    assertThat(ChartColoursTest.seriesColours(workbook.getSheet("图表")))
        .containsExactly(
            CountyCharts.RATE_TITLE + " | series 1 | bars 2E6DA4 / 2E6DA4",
            CountyCharts.RATE_TITLE + " | series 1 | line C0392B / C0392B",
            CountyCharts.CATEGORY_TITLE + " | series 1 | bars 2E6DA4 / 2E6DA4",
            CountyCharts.CATEGORY_TITLE + " | series 2 | bars 5B9B4A / 5B9B4A",
            CountyCharts.DEPARTMENT_TITLE + " | series 1 | bars 2E6DA4 / 2E6DA4");
    assertThat(workbook.getStylesSource().getTheme()).as("xl/theme/theme1.xml").isNotNull();
  }

  @Test
  void noIdNumberAndNoNameInTheWorkbookOrThePage() {
    SampleIdentities people = SampleIdentities.of(SampleRun.SAMPLE);
    Pattern id = Pattern.compile("\\d{17}[\\dX]|\\d{15}");
    for (String cell : Workbooks.everyCell(workbook)) {
      String value = cell.substring(cell.indexOf('\t') + 1);
      assertThat(id.matcher(value).find())
          .as("%s holds an ID number", cell.split("\t")[0])
          .isFalse();
      assertThat(people.firstLeakIn(value))
          .as("%s holds an ID or a name of the sample", cell.split("\t")[0])
          .isNull();
    }
    assertThat(id.matcher(html).find()).as("an ID number in the HTML page").isFalse();
    assertThat(people.firstLeakIn(html)).as("an ID or a name of the sample in the page").isNull();
  }

  @Test
  void thePageIsSelfContainedWithTheSameFigures() {
    assertThat(html)
        .doesNotContain("<script", "<link", "src=", "url(", "@import")
        .as("no external asset: the only URL is the SVG namespace")
        .doesNotContainPattern("https?://(?!www\\.w3\\.org/2000/svg)");
    assertThat(html.split("<svg", -1)).as("three inline SVG charts").hasSize(4);
    assertThat(html)
        .contains(TITLE)
        .contains(Html.rate((BigDecimal) county.get(2)))
        .contains(Html.money((BigDecimal) county.get(6)))
        .contains("龙塘乡");
  }

  @Test
  void theFilesAreTheOwnersOnly() throws IOException {
    Path folder = ReportRun.get().reportFolder();
    for (String f : List.of(TITLE + ".xlsx", TITLE + ".html")) {
      assertThat(
              java.nio.file.attribute.PosixFilePermissions.toString(
                  Files.getPosixFilePermissions(folder.resolve(f))))
          .as(f)
          .isEqualTo("rw-------");
    }
    try (var files = Files.list(folder)) {
      assertThat(files).as("nothing but the two files: no temporary file left").hasSize(2);
    }
  }
}
