package org.daijiao.report;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xddf.usermodel.chart.XDDFChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFLineChartData;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.daijiao.PipelineFixture;
import org.daijiao.ReportRun;
import org.daijiao.SampleRun;
import org.daijiao.TestSpark;
import org.daijiao.cli.Main;
import org.daijiao.coverage.HistoryColumns;
import org.daijiao.identity.IdNumber;
import org.daijiao.spark.ColumnNames;
import org.daijiao.spark.TableContract;
import org.daijiao.spark.TableName;
import org.daijiao.spark.TableWriter;
import org.daijiao.spark.Tables;
import org.daijiao.spark.Warehouse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The report and the work lists month by month (docs/reports.md#month-by-month), on a copy of the
 * sample warehouse given history tables built from their contracts: three recorded as_ofs
 * (2022-10-31, 11-30, 12-31, the sample's), seven townships, and an action log in which one person
 * of the work list was opened at 12-31 (新增) and two synthetic persons were closed then (已销号). A
 * second copy holds one as_of only: the report says so, with no error.
 */
class MonthlyReportTest {
  private static final String TITLE = "彭水县2022年困难群体城乡居保代缴情况";
  private static final LocalDate OCT = LocalDate.of(2022, 10, 31);
  private static final LocalDate NOV = LocalDate.of(2022, 11, 30);
  private static final LocalDate DEC = SampleRun.AS_OF;
  private static final int BODY = CountyWorkbook.HEADER_ROW + 1;

  /** Township → insured rate at 12-31: the five lowest official ones are followed by the chart. */
  private static final List<Object[]> TOWNSHIPS =
      List.of(
          new Object[] {"汉葭街道", "0.8000", 4L},
          new Object[] {"绍庆街道", "0.8500", 1L},
          new Object[] {"靛水街道", "0.7000", 0L},
          new Object[] {"保家镇", "0.9000", 2L},
          new Object[] {"郁山镇", "0.9500", 0L},
          new Object[] {"高谷镇", "0.6000", 3L},
          new Object[] {"桑柘镇", "0.9900", 0L},
          // Not an official township: never one the chart follows, however low.
          new Object[] {"UNKNOWN", "0.1000", 0L});

  private static final String CLOSED_DONE_ID = "500243197707070035";
  private static final String CLOSED_GONE_ID = "500243198503150021";

  private static Path months;
  private static Path oneAsOf;
  private static Path noHistory;
  private static String html;
  private static XSSFWorkbook workbook;
  private static org.apache.spark.sql.Row listed;

  @BeforeAll
  static void reportsOfWarehousesWithHistory() throws IOException {
    SparkSession spark = TestSpark.session();
    Warehouse sample = SampleRun.get().warehouse();
    listed =
        sample
            .read(spark, Tables.WORKLIST)
            .filter(col(ColumnNames.TOWNSHIP).equalTo("汉葭街道"))
            .filter(col(ColumnNames.NAME).isNotNull())
            .orderBy(col(ColumnNames.VILLAGE), col(ColumnNames.NAME))
            .first();

    Warehouse older = PipelineFixture.copyOf(sample);
    for (TableName t :
        List.of(
            Tables.COVERAGE_HISTORY,
            Tables.WORKLIST_HISTORY,
            Tables.TARGET_HISTORY,
            Tables.ACTION_LOG,
            Tables.MONTHLY_PROGRESS)) {
      deleteTree(Path.of(older.pathOf(t)));
    }
    noHistory = report(older, true);

    Warehouse one = PipelineFixture.copyOf(sample);
    write(spark, one, HistoryColumns.MONTHLY_PROGRESS, progress(List.of(DEC)));
    oneAsOf = report(one, false);

    Warehouse three = PipelineFixture.copyOf(sample);
    write(spark, three, HistoryColumns.MONTHLY_PROGRESS, progress(List.of(OCT, NOV, DEC)));
    write(spark, three, HistoryColumns.ACTION_LOG, actionLog());
    months = report(three, true);
    html = Files.readString(months.resolve(TITLE + ".html"), StandardCharsets.UTF_8);
    workbook = Workbooks.open(months.resolve(TITLE + ".xlsx"));
  }

  @AfterAll
  static void close() throws IOException {
    workbook.close();
  }

  /** As a warehouse written before the history tables: none of their folders. */
  private static void deleteTree(Path folder) throws IOException {
    if (!Files.exists(folder)) {
      return;
    }
    try (Stream<Path> files = Files.walk(folder)) {
      for (Path f : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(f);
      }
    }
  }

  private static Path report(Warehouse warehouse, boolean worklists) {
    Path out = PipelineFixture.tempDir("monthly-report");
    assertThat(Main.execute("report", "--warehouse", warehouse.root(), "--out", out.toString()))
        .as("daijiao report on %s", warehouse.root())
        .isZero();
    if (worklists) {
      assertThat(
              Main.execute(
                  "worklists",
                  "--warehouse",
                  warehouse.root(),
                  "--out",
                  out.resolve("worklists").toString(),
                  "--township",
                  "汉葭街道",
                  "--html"))
          .isZero();
    }
    return out;
  }

  private static void write(
      SparkSession spark, Warehouse warehouse, TableContract contract, List<Object[]> rows) {
    List<org.apache.spark.sql.Row> out = new ArrayList<>();
    rows.forEach(r -> out.add(RowFactory.create(r)));
    new TableWriter(spark, warehouse)
        .replace(contract, spark.createDataFrame(out, contract.schema()));
  }

  /** COUNTY and TOWNSHIP rows: the county's rate rises 0.70, 0.75, 0.80; townships' by 0.05. */
  private static List<Object[]> progress(List<LocalDate> asOfs) {
    List<Object[]> rows = new ArrayList<>();
    for (int i = 0; i < asOfs.size(); i++) {
      LocalDate at = asOfs.get(i);
      boolean first = i == 0;
      long back = asOfs.size() - 1 - i;
      rows.add(
          row(
              at,
              "COUNTY",
              null,
              1000L,
              800L - 50 * back,
              new BigDecimal("0.8000").subtract(new BigDecimal("0.05").multiply(bd(back))),
              first ? null : 10L,
              first ? null : 7L,
              first));
      for (Object[] t : TOWNSHIPS) {
        BigDecimal rate =
            new BigDecimal((String) t[1]).subtract(new BigDecimal("0.05").multiply(bd(back)));
        rows.add(
            row(
                at,
                "TOWNSHIP",
                (String) t[0],
                100L,
                0L,
                rate,
                first ? null : 0L,
                first ? null : (Long) t[2],
                first));
      }
    }
    return rows;
  }

  private static BigDecimal bd(long n) {
    return BigDecimal.valueOf(n);
  }

  private static Object[] row(
      LocalDate at,
      String level,
      String township,
      long target,
      long insured,
      BigDecimal rate,
      Long opened,
      Long closed,
      boolean first) {
    return new Object[] {
      2022,
      at,
      level,
      township,
      null,
      target,
      insured,
      rate.setScale(4),
      25L,
      opened,
      closed,
      first ? null : 12L,
      first ? null : 9L,
      3L,
      1L
    };
  }

  /** The listed person opened at 12-31; 销号丙 done and 销号乙 gone at 12-31; one from October. */
  private static List<Object[]> actionLog() {
    String township = listed.getAs(ColumnNames.TOWNSHIP);
    String village = listed.getAs(ColumnNames.VILLAGE);
    return List.of(
        new Object[] {
          2022,
          listed.getAs(ColumnNames.ID_NUMBER),
          listed.getAs(ColumnNames.NAME),
          township,
          village,
          listed.getAs(ColumnNames.CATEGORY),
          listed.getAs(ColumnNames.ACTION),
          null,
          DEC,
          null,
          null
        },
        new Object[] {
          2022,
          CLOSED_DONE_ID,
          "销号丙",
          township,
          village,
          "DIBAO",
          "PAY_SELF_PART",
          null,
          NOV,
          DEC,
          "DONE"
        },
        new Object[] {
          2022,
          CLOSED_GONE_ID,
          "销号乙",
          township,
          village,
          "TEKUN",
          "ENROL",
          null,
          OCT,
          DEC,
          "NO_LONGER_DUE"
        });
  }

  @Test
  void theMonthlySheetFollowsTheChartSheetWithOneRowPerAsOfInTheContractsWords() {
    List<String> names = new ArrayList<>();
    workbook.forEach(s -> names.add(s.getSheetName()));
    assertThat(names.indexOf("月度进展")).isEqualTo(names.indexOf("图表") + 1);
    Sheet s = workbook.getSheet("月度进展");
    assertThat(Workbooks.shown(s, CountyWorkbook.HEADER_ROW, 0)).isEqualTo("数据截止日期");
    assertThat(Workbooks.shown(s, CountyWorkbook.HEADER_ROW, 6)).isEqualTo("销号事项数");
    assertThat(Workbooks.shown(s, BODY, 0)).isEqualTo("2022-10-31");
    assertThat(Workbooks.shown(s, BODY + 2, 0)).isEqualTo("2022-12-31");
    assertThat(Workbooks.rate(s, BODY + 2, 3)).isEqualByComparingTo("0.80");
    assertThat(Workbooks.shown(s, BODY, 6)).as("no 销号 at the first as_of: empty").isEmpty();
    assertThat(Workbooks.count(s, BODY + 1, 6)).isEqualTo(7L);
  }

  @Test
  void theLineChartHasTheCountyAndTheFiveLowestOfficialTownshipsWithTheirRates() {
    XSSFSheet s = workbook.getSheet("月度进展");
    List<XSSFChart> charts = s.getDrawingPatriarch().getCharts();
    assertThat(charts).hasSize(1);
    List<XDDFChartData> data = charts.get(0).getChartSeries();
    assertThat(data).hasSize(1).allMatch(d -> d instanceof XDDFLineChartData);
    XDDFChartData lines = data.get(0);
    assertThat(lines.getSeriesCount()).as("1 + min(5, townships)").isEqualTo(6);
    List<String> titles = new ArrayList<>();
    for (int i = 0; i < lines.getSeriesCount(); i++) {
      titles.add(((XDDFLineChartData.Series) lines.getSeries(i)).getCTLineSer().getTx().getV());
    }
    assertThat(titles).containsExactly("全县", "高谷镇", "靛水街道", "汉葭街道", "绍庆街道", "保家镇");
    XDDFChartData.Series county = lines.getSeries(0);
    assertThat(county.getCategoryData().getPointCount()).isEqualTo(3);
    assertThat(county.getCategoryData().getPointAt(2)).isEqualTo("2022-12-31");
    List<Double> rates = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      rates.add(county.getValuesData().getPointAt(i).doubleValue());
    }
    assertThat(rates).containsExactly(0.70, 0.75, 0.80);
    assertThat(lines.getSeries(1).getValuesData().getPointAt(2).doubleValue())
        .as("高谷镇 at 12-31")
        .isEqualTo(0.60);
  }

  @Test
  void theTownshipsSayWhatWasClosedSinceTheLastAsOf() {
    Sheet s = workbook.getSheet("分乡镇");
    int column = 2 + CountyWorkbook.FIGURES.size();
    assertThat(Workbooks.shown(s, CountyWorkbook.HEADER_ROW, column)).isEqualTo("上月以来销号");
    assertThat(Workbooks.shown(s, BODY, 1)).isEqualTo("汉葭街道");
    assertThat(Workbooks.count(s, BODY, column)).isEqualTo(4L);
    assertThat(Workbooks.count(s, BODY + 1, column)).as("绍庆街道").isEqualTo(1L);
    assertThat(html).contains("<th>上月以来销号</th>");
  }

  @Test
  void thePageShowsTheMonthsAsATableAndALineChart() {
    assertThat(html).contains("<h2>月度进展（动态清零）</h2>").contains("<polyline");
    assertThat(html).contains("<td>2022-11-30</td>");
    assertThat(html).doesNotContain("暂无月度变化");
  }

  @Test
  void aWarehouseWithOneAsOfSaysSoInWords() throws IOException {
    String page = Files.readString(oneAsOf.resolve(TITLE + ".html"), StandardCharsets.UTF_8);
    assertThat(page).contains("只有一个数据截止日期（2022-12-31），暂无月度变化").doesNotContain("<polyline");
    try (XSSFWorkbook book = Workbooks.open(oneAsOf.resolve(TITLE + ".xlsx"))) {
      XSSFSheet s = book.getSheet("月度进展");
      assertThat(Workbooks.shown(s, 1, 0)).contains("只有一个数据截止日期（2022-12-31）");
      assertThat(s.getDrawingPatriarch() == null || s.getDrawingPatriarch().getCharts().isEmpty())
          .as("no chart of one point")
          .isTrue();
      Sheet townships = book.getSheet("分乡镇");
      assertThat(Workbooks.shown(townships, BODY, 2 + CountyWorkbook.FIGURES.size()))
          .as("nothing closed at the first as_of: empty")
          .isEmpty();
    }
  }

  @Test
  void aWarehouseWithoutHistoryTablesSaysSoInWords() throws IOException {
    String page = Files.readString(noHistory.resolve(TITLE + ".html"), StandardCharsets.UTF_8);
    assertThat(page)
        .contains("<h2>月度进展（动态清零）</h2>")
        .contains("本仓库尚无月度进展表")
        .contains("暂无月度变化")
        .doesNotContain("【新增】");
    try (XSSFWorkbook book = Workbooks.open(noHistory.resolve(TITLE + ".xlsx"))) {
      assertThat(Workbooks.shown(book.getSheet("月度进展"), 1, 0)).contains("暂无月度变化");
    }
    try (Stream<Path> files = Files.list(noHistory.resolve("worklists"))) {
      assertThat(files.filter(f -> f.toString().endsWith(".xlsx")).count())
          .as("the work lists of a warehouse without history")
          .isEqualTo(1);
    }
  }

  @Test
  void theSampleRunHasOneAsOfAndSaysSo() throws IOException {
    ReportRun.Result run = ReportRun.get();
    String page =
        Files.readString(run.reportFolder().resolve(TITLE + ".html"), StandardCharsets.UTF_8);
    assertThat(page).contains("<h2>月度进展（动态清零）</h2>").contains("暂无月度变化");
  }

  @Test
  void theVillageListMarksTheNewActionAndListsTheClosedOnesWithMaskedIds() throws IOException {
    Path folder = months.resolve("worklists");
    Path file;
    try (Stream<Path> files = Files.list(folder)) {
      file = files.filter(f -> f.toString().endsWith(".xlsx")).findFirst().orElseThrow();
    }
    String village = listed.getAs(ColumnNames.VILLAGE);
    String name = listed.getAs(ColumnNames.NAME);
    try (XSSFWorkbook book = Workbooks.open(file)) {
      Sheet s = book.getSheet(WorkbookUtil.createSafeSheetName(ReportLabels.village(village), '_'));
      List<String> items = new ArrayList<>();
      int closedTitle = -1;
      for (Row r : s) {
        String first = Workbooks.shown(s, r.getRowNum(), 0);
        if (first.startsWith("已销号")) {
          closedTitle = r.getRowNum();
          break;
        }
        if (r.getRowNum() > CountyWorkbook.HEADER_ROW
            && name.equals(Workbooks.shown(s, r.getRowNum(), 1))) {
          items.add(Workbooks.shown(s, r.getRowNum(), 4));
        }
      }
      assertThat(items)
          .as("%s's action, opened at 2022-12-31", name)
          .anyMatch(i -> i.startsWith("【新增】"));
      assertThat(closedTitle).as("the 已销号 section of %s", village).isPositive();
      assertThat(Workbooks.shown(s, closedTitle, 0)).contains("共 2 项");
      List<String> closed = new ArrayList<>();
      for (int r = closedTitle + 2; r <= closedTitle + 3; r++) {
        closed.add(
            Workbooks.shown(s, r, 1)
                + " "
                + Workbooks.shown(s, r, 2)
                + " "
                + Workbooks.shown(s, r, 7));
      }
      assertThat(closed)
          .containsExactlyInAnyOrder(
              "销号丙 " + IdNumber.mask(CLOSED_DONE_ID) + " 已办结",
              "销号乙 " + IdNumber.mask(CLOSED_GONE_ID) + " 不再需要办理（已退出对象/迁出）");
      assertThat(String.join("\n", Workbooks.everyCell(book)))
          .doesNotContain(CLOSED_DONE_ID)
          .doesNotContain(CLOSED_GONE_ID);
    }
    String print;
    try (Stream<Path> files = Files.list(folder)) {
      print =
          Files.readString(
              files.filter(f -> f.toString().endsWith(".html")).findFirst().orElseThrow());
    }
    assertThat(print)
        .contains("【新增】")
        .contains("不再需要办理（已退出对象/迁出）")
        .contains(IdNumber.mask(CLOSED_GONE_ID))
        .doesNotContain(CLOSED_GONE_ID);
  }

  @Test
  void thePageSuppressesSmallVillageCategoryCountsTheWorkbookKeepsThem() {
    Sheet s = workbook.getSheet(CountyWorkbook.VILLAGE_CATEGORIES);
    // The category columns: from the fourth to the one before 参保目标人数.
    int categories = 0;
    while (!"参保目标人数".equals(Workbooks.shown(s, CountyWorkbook.HEADER_ROW, 3 + categories))) {
      categories++;
    }
    // A village with exactly one count of 1–4 and another non-zero count.
    int found = -1;
    for (int r = BODY; r <= s.getLastRowNum() && found < 0; r++) {
      int small = 0;
      int nonZero = 0;
      for (int c = 3; c < 3 + categories; c++) {
        long n = Workbooks.count(s, r, c);
        small += n > 0 && n < 5 ? 1 : 0;
        nonZero += n > 0 ? 1 : 0;
      }
      if (small == 1 && nonZero >= 2 && !"合计".equals(Workbooks.shown(s, r, 0))) {
        found = r;
      }
    }
    assertThat(found).as("a village with one small category count in the sample").isPositive();
    List<Long> counts = new ArrayList<>();
    for (int c = 3; c < 3 + categories; c++) {
      counts.add(Workbooks.count(s, found, c));
    }
    assertThat(counts).as("the workbook keeps every count").anyMatch(n -> n > 0 && n < 5);
    String code = Workbooks.shown(s, found, 1);
    String villageName = Workbooks.shown(s, found, 2);
    String table = html.substring(html.indexOf("各村（社区）分类别参保目标人数"));
    int at = table.indexOf("<td>" + code + "</td><td>" + villageName + "</td>");
    assertThat(at).as("%s in the page's village × category table", villageName).isPositive();
    String row = table.substring(at, table.indexOf("</tr>", at));
    assertThat(row.split("&lt;5", -1))
        .as("%s: the small count and a second cell read <5 (%s)", villageName, counts)
        .hasSize(3);
    assertThat(row).contains(">" + Html.count(Workbooks.count(s, found, 3 + categories)) + "<");
  }

  @Test
  void thePageHidesEveryFigureOfAVillageWithASmallTargetTheWorkbookKeepsThem() {
    Sheet s = workbook.getSheet(CountyWorkbook.VILLAGE_CATEGORIES);
    int total = 3;
    while (!"参保目标人数".equals(Workbooks.shown(s, CountyWorkbook.HEADER_ROW, total))) {
      total++;
    }
    int found = -1;
    for (int r = BODY; r <= s.getLastRowNum() && found < 0; r++) {
      long n = Workbooks.count(s, r, total);
      if (n > 0 && n < 5 && !"合计".equals(Workbooks.shown(s, r, 0))) {
        found = r;
      }
    }
    assertThat(found).as("a village of 1–4 target persons in the sample").isPositive();
    String code = Workbooks.shown(s, found, 1);
    String villageName = Workbooks.shown(s, found, 2);
    String table = html.substring(html.indexOf("各村（社区）参保情况"), html.indexOf("各村（社区）分类别参保目标人数"));
    int at = table.indexOf("<td>" + code + "</td><td>" + villageName + "</td>");
    assertThat(at).as("%s in the page's village table", villageName).isPositive();
    String row = table.substring(at, table.indexOf("</tr>", at));
    // Target, insured, rate, eligible, paid, rate, money: each would give the hidden total away.
    assertThat(row.split("&lt;5", -1)).as("%s: %s", villageName, row).hasSize(8);
  }
}
