package org.daijiao.ingest.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.daijiao.ingest.read.Fixtures.dateStyle;
import static org.daijiao.ingest.read.Fixtures.row;
import static org.daijiao.ingest.read.Fixtures.xlsx;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.daijiao.ingest.Source;
import org.junit.jupiter.api.Test;

class XlsxExportReaderTest {
  private static final Object[] HEADER = {"姓名", "身份证号码", "保障类别", "乡镇（街道）", "村（社区）", "保障开始日期"};

  private static ParsedFile civil(byte[] content) {
    return ExportReader.read("低保名单.xlsx", content, Source.CIVIL_AFFAIRS);
  }

  private static List<Long> lines(ParsedFile f) {
    return f.records().stream().map(RawRecord::line).toList();
  }

  @Test
  void plainSheetIsReadWithRowNumbersAsLines() {
    ParsedFile f =
        civil(
            xlsx(
                wb -> {
                  Sheet s = wb.createSheet("名单");
                  row(s, 0, HEADER);
                  row(s, 1, "张三", "500243198001010012", "低保", "汉葭街道", "河堡社区", "2022-01-05");
                  row(s, 2, "李四", "50024319900202002X", "特困", "保家镇", "鹿箐村", "2022/3/5");
                }));

    assertThat(f.format()).isEqualTo("xlsx");
    assertThat(f.headerLine()).isEqualTo(1);
    assertThat(lines(f)).containsExactly(2L, 3L);
    assertThat(f.records().get(1).values())
        .containsOnlyKeys(Source.CIVIL_AFFAIRS.columnNames())
        .containsEntry("name", "李四")
        .containsEntry("id_number", "50024319900202002X")
        .containsEntry("start_date", "2022/3/5")
        .containsEntry("end_date", null);
  }

  @Test
  void titleRowsAboveTheHeaderAreSkipped() {
    ParsedFile f =
        civil(
            xlsx(
                wb -> {
                  Sheet s = wb.createSheet();
                  row(s, 0, "2022年彭水县城乡低保对象名单");
                  s.addMergedRegion(new CellRangeAddress(0, 0, 0, 5));
                  row(s, 1, "填报单位：县民政局", null, null, null, "日期：2022-12-31");
                  row(s, 2, HEADER);
                  row(s, 3, "张三", "500243198001010012", "低保", "汉葭街道", "河堡社区", "2022-01-05");
                }));

    assertThat(f.headerLine()).isEqualTo(3);
    assertThat(lines(f)).as("张三 is on Excel row 4").containsExactly(4L);
  }

  @Test
  void firstSheetWithAHeaderIsReadWhenACoverSheetComesFirst() {
    ParsedFile f =
        civil(
            xlsx(
                wb -> {
                  row(wb.createSheet("填表说明"), 0, "请按要求填写");
                  Sheet data = wb.createSheet("名单");
                  row(data, 0, HEADER);
                  row(data, 1, "张三", "500243198001010012", "低保", null, null, "2022-01-05");
                  Sheet other = wb.createSheet("历年");
                  row(other, 0, HEADER);
                  row(other, 1, "王五", "500243197503030031", "低保", null, null, "2019-01-05");
                }));

    assertThat(f.records()).extracting(r -> r.values().get("name")).containsExactly("张三");
  }

  @Test
  void noSheetWithAHeaderNamesTheMissingColumnsAndTheFirstRowsHeaders() {
    byte[] content =
        xlsx(
            wb -> {
              row(wb.createSheet("空白"), 0);
              Sheet s = wb.createSheet("名单");
              row(s, 0, "姓名", "保障类别", "联系电话");
            });

    assertThatThrownBy(() -> civil(content))
        .isInstanceOfSatisfying(
            InputFileException.class,
            e -> {
              assertThat(e.line()).isEqualTo(1);
              assertThat(e.column()).isEqualTo("id_number");
            })
        .hasMessageContaining("低保名单.xlsx: line 1")
        .hasMessageContaining("sheet `名单`")
        .hasMessageContaining("`id_number`")
        .hasMessageContaining("`start_date`")
        .hasMessageContaining("found headers: 姓名, 保障类别, 联系电话");
  }

  @Test
  void twoRowHeaderWithMergedCellsTakesTheTopLeftTextAndTheSubHeaders() {
    ParsedFile f =
        civil(
            xlsx(
                wb -> {
                  Sheet s = wb.createSheet();
                  row(s, 0, "2022年低保名单");
                  row(s, 1, "姓名", "身份证号码", "保障类别", "保障开始日期", "地址");
                  row(s, 2, null, null, null, null, "乡镇", "村");
                  for (int c = 0; c < 4; c++) {
                    s.addMergedRegion(new CellRangeAddress(1, 2, c, c));
                  }
                  s.addMergedRegion(new CellRangeAddress(1, 1, 4, 5));
                  row(s, 3, "张三", "500243198001010012", "低保", "2022-01-05", "汉葭街道", "河堡社区");
                }));

    assertThat(f.headerLine()).isEqualTo(2);
    assertThat(f.headers()).containsExactly("姓名", "身份证号码", "保障类别", "保障开始日期", "乡镇", "村");
    assertThat(lines(f)).as("the data start under the two header rows").containsExactly(4L);
    assertThat(f.records().get(0).values())
        .containsEntry("township", "汉葭街道")
        .containsEntry("village", "河堡社区");
  }

  @Test
  void headerMergedAcrossTwoColumnsNamesOnlyTheFirst() {
    ParsedFile f =
        civil(
            xlsx(
                wb -> {
                  Sheet s = wb.createSheet();
                  row(s, 0, "姓名", "身份证号码", null, "保障类别", "保障开始日期");
                  s.addMergedRegion(new CellRangeAddress(0, 0, 1, 2));
                  row(s, 1, "张三", "500243198001010012", "备用", "低保", "2022-01-05");
                }));

    assertThat(f.records().get(0).values()).containsEntry("id_number", "500243198001010012");
    assertThat(f.records().get(0).extras()).containsExactly(Map.entry("_col3", "备用"));
  }

  @Test
  void townshipMergedDownOverItsPeopleIsGivenToEachOfThem() {
    ParsedFile f =
        civil(
            xlsx(
                wb -> {
                  Sheet s = wb.createSheet();
                  row(s, 0, HEADER);
                  row(s, 1, "张三", "500243198001010012", "低保", "保家镇", "鹿箐村", "2022-01-05");
                  row(s, 2, "李四", "50024319900202002X", "特困", null, "鹿箐村", "2022-01-05");
                  s.addMergedRegion(new CellRangeAddress(1, 2, 3, 3));
                }));

    assertThat(f.records())
        .extracting(r -> r.values().get("township"))
        .containsExactly("保家镇", "保家镇");
  }

  @Test
  void blankRowsAreSkippedAndRowNumbersKept() {
    ParsedFile f =
        civil(
            xlsx(
                wb -> {
                  Sheet s = wb.createSheet();
                  row(s, 0, HEADER);
                  row(s, 1, "张三", "500243198001010012", "低保", null, null, "2022-01-05");
                  row(s, 2, "", " ", null);
                  Row styledOnly = s.createRow(3);
                  styledOnly.createCell(0).setCellStyle(dateStyle(s, "yyyy-mm-dd"));
                  row(s, 5, "李四", "50024319900202002X", "特困", null, null, "2022-01-05");
                }));

    assertThat(lines(f)).as("rows 3, 4 and 5 are empty").containsExactly(2L, 6L);
  }

  @Test
  void formulaCellsGiveTheirCachedValue() {
    ParsedFile f =
        civil(
            xlsx(
                wb -> {
                  Sheet s = wb.createSheet();
                  row(s, 0, "姓名", "身份证号码", "保障类别", "保障开始日期", "户编号", "备注", "合计");
                  row(
                      s,
                      1,
                      "=\"张\"&\"三\"",
                      "500243198001010012",
                      "低保",
                      "=DATE(2022,3,5)",
                      "=40+2",
                      "=1/0",
                      "=0.1+0.2");
                  s.getRow(1).getCell(3).setCellStyle(dateStyle(s, "yyyy\"年\"m\"月\"d\"日\""));
                }));

    assertThat(f.records().get(0).values())
        .containsEntry("name", "张三")
        .as("a date formula is an ISO date")
        .containsEntry("start_date", "2022-03-05")
        .containsEntry("household_id", "42");
    assertThat(f.records().get(0).extras())
        .as("an error result is empty")
        .containsEntry("备注", null)
        .as("numbers as Excel shows them, 15 significant digits")
        .containsEntry("合计", "0.3");
  }

  @Test
  void cellTypesBecomeTheTextAClerkSees() {
    ParsedFile f =
        civil(
            xlsx(
                wb -> {
                  Sheet s = wb.createSheet();
                  row(s, 0, "姓名", "身份证号码", "保障类别", "保障开始日期", "保障结束日期", "户编号", "金额", "是否", "错误");
                  row(
                      s,
                      1,
                      "张三",
                      500243198001010012L,
                      "低保",
                      LocalDate.of(2022, 1, 5),
                      44652,
                      100,
                      70.5,
                      true,
                      null);
                  Cell error = s.getRow(1).createCell(8);
                  error.setCellErrorValue(FormulaError.NA.getCode());
                }));

    RawRecord r = f.records().get(0);
    assertThat(r.values())
        .as("an 18-digit ID stored as a number lost its last digits: read as Excel shows it")
        .containsEntry("id_number", "5.00243E+17")
        .as("a date-formatted cell is an ISO date")
        .containsEntry("start_date", "2022-01-05")
        .as("a date serial without date format stays the serial number")
        .containsEntry("end_date", "44652")
        .containsEntry("household_id", "100");
    assertThat(r.extras())
        .containsEntry("金额", "70.5")
        .containsEntry("是否", "true")
        .containsEntry("错误", null);
  }

  @Test
  void fifteenDigitIdStoredAsNumberKeepsAllItsDigits() {
    ParsedFile f =
        civil(
            xlsx(
                wb -> {
                  Sheet s = wb.createSheet();
                  row(s, 0, HEADER);
                  row(s, 1, "张三", 500243800101001L, "低保", null, null, "2022-01-05");
                }));

    assertThat(f.records().get(0).values())
        .as("an old 15-digit ID fits in Excel's 15 digits and must come out unchanged")
        .containsEntry("id_number", "500243800101001");
  }

  @Test
  void formattedEmptyCellFarToTheRightAddsNothing() {
    ParsedFile f =
        civil(
            xlsx(
                wb -> {
                  Sheet s = wb.createSheet();
                  row(s, 0, HEADER);
                  Row r = row(s, 1, "张三", "500243198001010012", "低保", null, null, "2022-01-05");
                  r.createCell(16000).setCellStyle(dateStyle(s, "yyyy-mm-dd"));
                }));

    assertThat(f.records().get(0).extras()).isEmpty();
  }

  @Test
  void duplicateHeadersInAWorkbookAreRefused() {
    byte[] content = xlsx(wb -> row(wb.createSheet(), 0, "身份证号码", "公民身份号码", "保障类别", "保障开始日期"));

    assertThatThrownBy(() -> civil(content))
        .isInstanceOf(InputFileException.class)
        .hasMessageContaining("身份证号码")
        .hasMessageContaining("公民身份号码")
        .hasMessageContaining("`id_number`");
  }

  @Test
  void headerOnlyWorkbookHasNoRecords() {
    assertThat(civil(xlsx(wb -> row(wb.createSheet(), 0, HEADER))).records()).isEmpty();
  }

  @Test
  void emptyWorkbookHasNoHeaderRow() {
    assertThatThrownBy(() -> civil(xlsx(wb -> wb.createSheet())))
        .hasMessageContaining("empty file, no header row");
  }

  @Test
  void oldXlsWorkbooksAreRefusedWithTheFix() {
    byte[] ole2 = {
      (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1, 0
    };

    assertThatThrownBy(() -> ExportReader.read("名单.xls", ole2, Source.CIVIL_AFFAIRS))
        .isInstanceOf(InputFileException.class)
        .hasMessageStartingWith("名单.xls: ")
        .hasMessageContaining("save as .xlsx or .csv");
    assertThatThrownBy(() -> civil(ole2))
        .as("an .xls renamed to .xlsx, or a password-protected workbook")
        .hasMessageContaining("old binary .xls workbook or a password-protected one");
  }

  @Test
  void textOrDamagedBytesWithXlsxNameAreRefused() {
    byte[] text = "姓名,身份证号码\n".getBytes(StandardCharsets.UTF_8);
    byte[] damaged = {'P', 'K', 3, 4, 1, 2, 3, 4, 5, 6, 7, 8};

    assertThatThrownBy(() -> civil(text)).hasMessageContaining("not a zip archive");
    assertThatThrownBy(() -> civil(damaged)).hasMessageContaining("cannot be opened");
  }

  @Test
  void unknownFileTypesAreRefusedAndExtensionsIgnoreCase() {
    byte[] content = xlsx(wb -> row(wb.createSheet(), 0, HEADER));

    assertThat(ExportReader.read("名单.XLSX", content, Source.CIVIL_AFFAIRS).format())
        .isEqualTo("xlsx");
    assertThatThrownBy(() -> ExportReader.read("名单.pdf", content, Source.CIVIL_AFFAIRS))
        .isInstanceOf(InputFileException.class)
        .hasMessageContaining("unknown file type");
  }
}
