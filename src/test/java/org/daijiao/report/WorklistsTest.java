package org.daijiao.report;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.spark.sql.Row;
import org.daijiao.ReportRun;
import org.daijiao.SampleRun;
import org.daijiao.TestSpark;
import org.daijiao.coverage.WorklistAction;
import org.daijiao.identity.Divisions;
import org.daijiao.report.WorklistBooks.Entry;
import org.daijiao.report.WorklistBooks.Township;
import org.daijiao.report.WorklistBooks.Village;
import org.daijiao.spark.ColumnNames;
import org.daijiao.spark.Tables;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 9 part 2, done when: each township's work-list workbook of the sample run, read back with
 * POI, holds every open action of {@code gold.worklist} once, on its village's sheet, with the ID
 * masked and no full ID anywhere; it prints on A4 with its header repeated, page numbers and the
 * as-of date.
 */
class WorklistsTest {
  private static final String TITLE = "彭水县2022年代缴工作清单";
  private static final Pattern MASKED = Pattern.compile("\\d{6}\\*{8}[\\dX]{4}");

  /**
   * A FIX_ID row shows the value exported, masked as written (IdNumber.maskAsWritten): at most six
   * characters before the stars and four after, so a number one digit short keeps its length.
   */
  private static final Pattern MASKED_AS_WRITTEN = Pattern.compile("[^*]{0,6}\\*+[^*]{0,4}");

  private static final int BODY = WorklistWorkbook.HEADER_ROW + 1;

  private static List<Path> workbooks;

  @BeforeAll
  static void theWorkListsOfTheSampleRun() throws IOException {
    ReportRun.Result run = ReportRun.get();
    assertThat(run.worklistsExit()).as("exit code; stderr: %s", run.stderr()).isZero();
    try (Stream<Path> files = Files.list(run.worklistFolder())) {
      workbooks = files.filter(f -> f.toString().endsWith(".xlsx")).sorted().toList();
    }
  }

  /** An action as the clerk reads it: place, name, masked ID, category, what, how much, by when. */
  private static String line(
      String place,
      String name,
      String id,
      String category,
      String action,
      String amount,
      String deadline) {
    return String.join(" | ", place, name, id, category, action, amount, deadline);
  }

  @Test
  void oneWorkbookPerTownshipWithOpenActionsNamedByTheTownship() {
    List<String> townships =
        SampleRun.get()
            .warehouse()
            .read(TestSpark.session(), Tables.WORKLIST)
            .select(col(ColumnNames.TOWNSHIP))
            .distinct()
            .collectAsList()
            .stream()
            .map(r -> r.getString(0) + "_" + TITLE + ".xlsx")
            .toList();
    assertThat(workbooks)
        .extracting(p -> p.getFileName().toString())
        .containsExactlyInAnyOrderElementsOf(townships);
    assertThat(townships).hasSize(39);
  }

  @Test
  void everyOpenActionIsOnItsVillagesSheetOnceWithTheIdMasked() {
    List<String> expected = new ArrayList<>();
    for (Row r :
        SampleRun.get()
            .warehouse()
            .read(TestSpark.session(), Tables.WORKLIST)
            .filter(col(ColumnNames.POLICY_YEAR).equalTo(2022))
            .collectAsList()) {
      BigDecimal amount = r.getAs(ColumnNames.AMOUNT);
      LocalDate deadline = r.getAs(ColumnNames.DEADLINE);
      expected.add(
          line(
              ReportLabels.township(r.getAs(ColumnNames.TOWNSHIP))
                  + " "
                  + ReportLabels.village(r.getAs(ColumnNames.VILLAGE)),
              r.getAs(ColumnNames.NAME),
              r.getAs(ColumnNames.ID_NUMBER),
              ReportLabels.category(r.getAs(ColumnNames.CATEGORY)),
              ActionLabels.label(r.getAs(ColumnNames.ACTION)),
              amount == null ? "" : Html.money(amount),
              deadline == null ? "" : deadline.toString()));
    }
    List<String> listed = new ArrayList<>();
    for (Path file : workbooks) {
      try (XSSFWorkbook book = Workbooks.open(file)) {
        assertThat(book.getSheetName(0)).isEqualTo(WorklistWorkbook.SUMMARY);
        for (int i = 1; i < book.getNumberOfSheets(); i++) {
          Sheet s = book.getSheetAt(i);
          String place = Workbooks.shown(s, 0, 0).substring((TITLE + "：").length());
          assertThat(place).as("the sheet's title names its village").endsWith(s.getSheetName());
          for (int r = BODY; r <= s.getLastRowNum(); r++) {
            String id = Workbooks.shown(s, r, 2);
            boolean fixId =
                Workbooks.shown(s, r, 4).equals(ActionLabels.label(WorklistAction.FIX_ID.name()));
            assertThat(id)
                .as("%s %s row %d: a masked ID", file.getFileName(), place, r + 1)
                .matches(fixId ? MASKED_AS_WRITTEN : MASKED);
            assertThat(Workbooks.shown(s, r, 0)).as("序号").isEqualTo(String.valueOf(r - BODY + 1));
            assertThat(
                    List.of(
                        Workbooks.shown(s, r, 7),
                        Workbooks.shown(s, r, 8),
                        Workbooks.shown(s, r, 9)))
                .as("the clerk's columns are empty")
                .containsOnly("");
            listed.add(
                line(
                    place,
                    Workbooks.shown(s, r, 1),
                    id,
                    Workbooks.shown(s, r, 3),
                    Workbooks.shown(s, r, 4),
                    Workbooks.shown(s, r, 5),
                    Workbooks.shown(s, r, 6)));
          }
        }
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
    assertThat(expected).as("the sample's open actions").hasSizeGreaterThan(500);
    assertThat(listed)
        .as("every open action of gold.worklist, each once, on its village's sheet")
        .containsExactlyInAnyOrderElementsOf(expected);
  }

  @Test
  void noFullIdNumberAnywhereInTheWorkbooksOrThePrintViews() throws IOException {
    // Any run of 15 or 18 digits: a full ID of any person, in any cell or in the page.
    Pattern full = Pattern.compile("\\d{17}[\\dX]|\\d{15}");
    for (Path file : workbooks) {
      try (XSSFWorkbook book = Workbooks.open(file)) {
        for (String cell : Workbooks.everyCell(book)) {
          String value = cell.substring(cell.indexOf('\t') + 1);
          assertThat(full.matcher(value).find())
              .as("%s %s holds a full ID number", file.getFileName(), cell.split("\t")[0])
              .isFalse();
        }
      }
      Path html = Path.of(file.toString().replace(".xlsx", ".html"));
      String page = Files.readString(html, StandardCharsets.UTF_8);
      assertThat(full.matcher(page).find())
          .as("%s holds a full ID number", html.getFileName())
          .isFalse();
    }
  }

  @Test
  void eachVillagePrintsOnA4WithItsHeaderRepeatedPageNumbersAndTheAsOfDate() throws IOException {
    assertThat(workbooks).as("one workbook per township with open actions").isNotEmpty();
    for (Path workbook : workbooks) {
      try (XSSFWorkbook book = Workbooks.open(workbook)) {
        assertThat(book.getNumberOfSheets()).as("%s has a village sheet", workbook).isPositive();
        for (Sheet s : book) {
          assertThat(s.getPrintSetup().getPaperSize()).isEqualTo(PrintSetup.A4_PAPERSIZE);
          assertThat(s.getPrintSetup().getLandscape()).as("ten columns: landscape").isTrue();
          assertThat(s.getRepeatingRows())
              .as("%s: its title and header on every page", s.getSheetName())
              .isEqualTo(CellRangeAddress.valueOf("1:3"));
          assertThat(s.getFooter().getCenter()).contains("&P").contains("&N");
          assertThat(s.getFooter().getRight()).isEqualTo("数据截至 2022-12-31");
          assertThat(s.getPaneInformation().getHorizontalSplitTopRow()).isEqualTo((short) BODY);
        }
      }
    }
  }

  @Test
  void anActionThisBuildHasNoWordsForIsStillListedWithItsCode() throws IOException {
    Township township =
        new Township(
            "汉葭街道",
            "500243001",
            List.of(
                new Village(
                    "鼓楼社区",
                    "500243001001",
                    List.of(
                        new Entry(
                            "某甲", "500243********123X", "DIBAO", "CHECK_SOMETHING_NEW", null, null),
                        new Entry(
                            "某乙",
                            "500243********0012",
                            "TEKUN",
                            "ENROL",
                            new BigDecimal("0.00"),
                            LocalDate.of(2022, 8, 31))))));
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    WorklistWorkbook.write(TITLE, LocalDate.of(2022, 12, 31), township, bytes);
    try (XSSFWorkbook book =
        new XSSFWorkbook(new java.io.ByteArrayInputStream(bytes.toByteArray()))) {
      Sheet village = book.getSheet("鼓楼社区");
      assertThat(Workbooks.shown(village, BODY, 4))
          .as("an action code a later build adds, which this build has no words for")
          .isEqualTo("CHECK_SOMETHING_NEW");
      assertThat(Workbooks.shown(book.getSheet(WorklistWorkbook.SUMMARY), 2, 3))
          .as("its column on the summary sheet")
          .isEqualTo("CHECK_SOMETHING_NEW");
    }
    assertThat(WorklistHtml.page(TITLE, LocalDate.of(2022, 12, 31), township))
        .contains(">CHECK_SOMETHING_NEW<");
  }

  @Test
  void aTownshipIsNamedOfficiallyOrWithoutItsSuffix() {
    List<Township> none = List.of();
    assertThat(WorklistBooks.resolve("汉葭", none)).isEqualTo("汉葭街道");
    assertThat(WorklistBooks.resolve(" 保家镇 ", none)).isEqualTo("保家镇");
    assertThat(Divisions.all().stream().filter(d -> d.level().equals("township")).count())
        .isEqualTo(39);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> WorklistBooks.resolve("火星乡", none))
        .isInstanceOf(org.daijiao.UserFacingException.class)
        .hasMessageContaining("--township 火星乡")
        .hasMessageContaining("汉葭街道, 绍庆街道, 靛水街道")
        .hasMessageContaining("龙塘乡");
    Township mars = new Township("火星乡", null, List.of());
    assertThat(WorklistBooks.resolve("火星乡", List.of(mars)))
        .as("a township the rosters wrote, which the work list holds")
        .isEqualTo("火星乡");
  }
}
