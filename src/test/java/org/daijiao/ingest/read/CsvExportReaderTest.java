package org.daijiao.ingest.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.daijiao.ingest.read.Fixtures.BOM;
import static org.daijiao.ingest.read.Fixtures.CIVIL_HEADER;
import static org.daijiao.ingest.read.Fixtures.LI_SI;
import static org.daijiao.ingest.read.Fixtures.ZHANG_SAN;
import static org.daijiao.ingest.read.Fixtures.concat;
import static org.daijiao.ingest.read.Fixtures.gbk;
import static org.daijiao.ingest.read.Fixtures.utf8;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.daijiao.ingest.Source;
import org.junit.jupiter.api.Test;

class CsvExportReaderTest {
  private static ParsedFile civil(byte[] content) {
    return ExportReader.read("低保名单.csv", content, Source.CIVIL_AFFAIRS);
  }

  private static List<Long> lines(ParsedFile f) {
    return f.records().stream().map(RawRecord::line).toList();
  }

  @Test
  void utf8FileIsReadWithEveryCanonicalColumnAsKey() {
    ParsedFile f = civil(utf8(CIVIL_HEADER, ZHANG_SAN, LI_SI));

    assertThat(f.format()).isEqualTo("csv-utf8");
    assertThat(f.file()).isEqualTo("低保名单.csv");
    assertThat(f.headerLine()).isEqualTo(1);
    assertThat(f.headers()).containsExactly("姓名", "身份证号码", "保障类别", "乡镇（街道）", "村（社区）", "保障开始日期");
    assertThat(lines(f)).as("张三 on line 2, 李四 on line 3").containsExactly(2L, 3L);
    RawRecord zhang = f.records().get(0);
    assertThat(zhang.values())
        .as("every civil affairs column is a key, absent ones null")
        .containsOnlyKeys(Source.CIVIL_AFFAIRS.columnNames())
        .containsEntry("name", "张三")
        .containsEntry("id_number", "500243198001010012")
        .containsEntry("category", "低保")
        .containsEntry("township", "汉葭街道")
        .containsEntry("village", "河堡社区")
        .containsEntry("start_date", "2022-01-05")
        .containsEntry("end_date", null)
        .containsEntry("household_id", null);
    assertThat(zhang.extras()).isEmpty();
  }

  @Test
  void utf8WithBomIsRecognisedAndTheBomIsNotPartOfTheFirstHeader() {
    ParsedFile f = civil(concat(BOM, utf8(CIVIL_HEADER, ZHANG_SAN)));

    assertThat(f.format()).isEqualTo("csv-utf8-bom");
    assertThat(f.headers().get(0)).isEqualTo("姓名");
    assertThat(f.records().get(0).values()).containsEntry("name", "张三");
  }

  @Test
  void gbkFileFromWindowsExcelIsDecoded() {
    ParsedFile f = civil(gbk(CIVIL_HEADER, ZHANG_SAN, LI_SI));

    assertThat(f.format()).isEqualTo("csv-gbk");
    assertThat(f.records().get(1).values())
        .as("李四's row decoded from GBK")
        .containsEntry("name", "李四")
        .containsEntry("category", "特困")
        .containsEntry("village", "鹿箐村");
  }

  @Test
  void gbkFileWithAStrayUtf8BomIsStillGbk() {
    ParsedFile f = civil(concat(BOM, gbk(CIVIL_HEADER, ZHANG_SAN)));

    assertThat(f.format()).isEqualTo("csv-gbk");
    assertThat(f.headers().get(0)).isEqualTo("姓名");
    assertThat(f.records().get(0).values()).containsEntry("township", "汉葭街道");
  }

  @Test
  void fileWithUtf8AndGbkLinesIsDecodedLineByLine() {
    ParsedFile f = civil(concat(utf8(CIVIL_HEADER, ZHANG_SAN), gbk(LI_SI)));

    assertThat(f.format()).isEqualTo("csv-mixed");
    assertThat(f.records()).extracting(r -> r.values().get("name")).containsExactly("张三", "李四");
    assertThat(lines(f)).containsExactly(2L, 3L);
  }

  @Test
  void utf8LineThatAlsoPassesAsGb18030IsStillReadAsUtf8InAGbkFile() {
    byte[] zhangUtf8 = utf8(ZHANG_SAN);
    assertThat(CsvText.decodesStrictly(CsvText.GBK, zhangUtf8, 0, zhangUtf8.length))
        .as("precondition: 张三's UTF-8 bytes are also valid GB18030 (garbage) text")
        .isTrue();

    ParsedFile f = civil(concat(gbk(CIVIL_HEADER, LI_SI), zhangUtf8));

    assertThat(f.format()).isEqualTo("csv-mixed");
    assertThat(f.records())
        .as("张三 must not come out as GB18030 mojibake")
        .extracting(r -> r.values().get("name"))
        .containsExactly("李四", "张三");
  }

  @Test
  void lineThatIsNeitherUtf8NorGbkIsNamed() {
    // 0xFF starts no UTF-8 sequence and no GB18030 character.
    byte[] broken = {(byte) 0xFF, (byte) 0xFE, (byte) 0xFF, ',', 'x', '\n'};
    byte[] content =
        concat(utf8(CIVIL_HEADER, ZHANG_SAN), gbk(LI_SI), new byte[] {'a', ','}, broken);

    assertThatThrownBy(() -> civil(content))
        .isInstanceOf(InputFileException.class)
        .hasMessageContaining("低保名单.csv: line 4")
        .hasMessageContaining("neither UTF-8 nor GBK")
        .satisfies(e -> assertThat(((InputFileException) e).line()).isEqualTo(4));
  }

  @Test
  void tabAndSemicolonDelimitersAreDetectedFromTheHeader() {
    ParsedFile tab = civil(utf8(CIVIL_HEADER.replace(',', '\t'), ZHANG_SAN.replace(',', '\t')));
    ParsedFile semi =
        ExportReader.read(
            "x.txt",
            utf8(CIVIL_HEADER.replace(',', ';'), "张三;5002;低保, 二类;;;2022-01-05"),
            Source.CIVIL_AFFAIRS);

    assertThat(tab.records().get(0).values()).containsEntry("village", "河堡社区");
    assertThat(semi.records().get(0).values())
        .as("a comma inside a semicolon file is part of the value")
        .containsEntry("category", "低保, 二类");
  }

  @Test
  void quotedFieldWithLineBreakAndCommaKeepsLineNumbersOfLaterRecords() {
    ParsedFile f =
        civil(
            utf8(
                CIVIL_HEADER,
                "张三,500243198001010012,低保,汉葭街道,\"河堡社区\n二组, 3号\",2022-01-05",
                LI_SI,
                "\"王五\",500243197503030031,\"低\"\"保\"\"\",保家镇,\"a\r\nb\r\nc\",2022-02-01",
                "赵六,500243196004040040,特困,保家镇,鹿箐村,2022-01-01"));

    assertThat(f.records().get(0).values()).containsEntry("village", "河堡社区\n二组, 3号");
    assertThat(f.records().get(2).values())
        .containsEntry("category", "低\"保\"")
        .containsEntry("village", "a\r\nb\r\nc");
    assertThat(lines(f))
        .as("张三 starts on 2 and spans 2 lines, 李四 on 4, 王五 on 5 spanning 3, 赵六 on 8")
        .containsExactly(2L, 4L, 5L, 8L);
  }

  @Test
  void crlfAndLoneCrLineEndingsCountAsOneLineEach() {
    byte[] crlf =
        (CIVIL_HEADER + "\r\n" + ZHANG_SAN + "\r\n\r\n" + LI_SI + "\r\n")
            .getBytes(StandardCharsets.UTF_8);
    byte[] cr = (CIVIL_HEADER + "\r" + ZHANG_SAN + "\r" + LI_SI).getBytes(StandardCharsets.UTF_8);

    assertThat(lines(civil(crlf))).containsExactly(2L, 4L);
    assertThat(lines(civil(cr))).containsExactly(2L, 3L);
  }

  @Test
  void blankLinesAndRowsOfEmptyCellsAreSkippedWithoutShiftingLineNumbers() {
    ParsedFile f =
        civil(utf8("", "  ", CIVIL_HEADER, "", ZHANG_SAN, ",,,,,", " , ,", LI_SI, "", ""));

    assertThat(f.headerLine()).isEqualTo(3);
    assertThat(lines(f)).as("张三 on line 5, 李四 on line 8").containsExactly(5L, 8L);
  }

  @Test
  void valuesKeepTheirRawTextAndEmptyCellsAreNull() {
    ParsedFile f = civil(utf8(CIVIL_HEADER, " 张三 ,500243198001010012 ,低保,,\"\",2022-01-05"));

    assertThat(f.records().get(0).values())
        .as("spaces are left for the downstream parser; empty cells become null")
        .containsEntry("name", " 张三 ")
        .containsEntry("id_number", "500243198001010012 ")
        .containsEntry("township", null)
        .containsEntry("village", null);
  }

  @Test
  void unknownColumnsAndSurplusCellsGoToExtrasInHeaderOrder() {
    ParsedFile f =
        civil(
            utf8(
                "备注," + CIVIL_HEADER + ",联系电话",
                "新增," + ZHANG_SAN + ",13800000000,多余1,,多余2",
                "," + LI_SI));

    assertThat(f.records().get(0).extras())
        .containsExactly(
            java.util.Map.entry("备注", "新增"),
            java.util.Map.entry("联系电话", "13800000000"),
            java.util.Map.entry("_col9", "多余1"),
            java.util.Map.entry("_col11", "多余2"));
    assertThat(f.records().get(1).extras())
        .as("a short row: unknown columns still keys, values null")
        .containsOnlyKeys("备注", "联系电话")
        .containsEntry("联系电话", null);
    assertThat(f.records().get(1).values()).containsEntry("start_date", "2022/3/5");
  }

  @Test
  void shortRowHasNullForTheMissingCells() {
    ParsedFile f = civil(utf8(CIVIL_HEADER, "张三,500243198001010012,低保"));

    assertThat(f.records().get(0).values())
        .containsEntry("category", "低保")
        .containsEntry("start_date", null);
  }

  @Test
  void unterminatedQuoteAtEndOfFileNamesTheLineWhereTheQuoteStarted() {
    byte[] truncated =
        (CIVIL_HEADER + "\n" + ZHANG_SAN + "\n李四,500243199002020028,特困,保家镇,\"鹿箐村\n三组,20")
            .getBytes(StandardCharsets.UTF_8);

    assertThatThrownBy(() -> civil(truncated))
        .isInstanceOf(InputFileException.class)
        .hasMessageStartingWith("低保名单.csv: line 3: ")
        .hasMessageContaining("never closed")
        .hasMessageNotContaining("500243199002020028");
  }

  @Test
  void textAfterAClosingQuoteIsReportedOnItsLine() {
    assertThatThrownBy(() -> civil(utf8(CIVIL_HEADER, ZHANG_SAN, "李四,\"5002\"43,特困,,,2022-01-01")))
        .isInstanceOf(InputFileException.class)
        .hasMessageStartingWith("低保名单.csv: line 3: ")
        .hasMessageContaining("doubled");
  }

  @Test
  void emptyAndWhitespaceOnlyFilesHaveNoHeaderRow() {
    for (byte[] empty :
        List.of(
            new byte[0],
            "  \n\r\n\t\n".getBytes(StandardCharsets.UTF_8),
            BOM,
            utf8(",,,", " , ", "\t"))) {
      assertThatThrownBy(() -> civil(empty))
          .isInstanceOf(InputFileException.class)
          .hasMessageContaining("empty file, no header row");
    }
  }

  @Test
  void headerOnlyFileHasNoRecordsAndIsNotAnError() {
    ParsedFile f = civil(CIVIL_HEADER.getBytes(StandardCharsets.UTF_8));

    assertThat(f.records()).isEmpty();
    assertThat(f.headerLine()).isEqualTo(1);
  }

  @Test
  void twoHeadersMeaningTheSameColumnAreRefusedNamingBoth() {
    assertThatThrownBy(() -> civil(utf8("身份证号,姓名,保障类别,证件号码,保障开始日期", "x,y,z,w,v")))
        .isInstanceOfSatisfying(
            InputFileException.class,
            e -> {
              assertThat(e.column()).isEqualTo("id_number");
              assertThat(e.line()).isEqualTo(1);
            })
        .hasMessageContaining("身份证号")
        .hasMessageContaining("证件号码")
        .hasMessageContaining("`id_number`");
  }

  @Test
  void missingRequiredColumnNamesFileLineColumnAndAliases() {
    assertThatThrownBy(() -> civil(utf8("姓名,保障类别,保障开始日期,联系电话", "张三,低保,2022-01-05,138")))
        .isInstanceOfSatisfying(
            InputFileException.class,
            e -> {
              assertThat(e.file()).isEqualTo("低保名单.csv");
              assertThat(e.line()).isEqualTo(1);
              assertThat(e.column()).isEqualTo("id_number");
            })
        .hasMessageStartingWith("低保名单.csv: line 1: required column `id_number` (身份证号码/身份证号/证件号码")
        .hasMessageContaining("found headers: 姓名, 保障类别, 保障开始日期, 联系电话");
  }

  @Test
  void fileWithoutHeaderRowIsRefusedWithoutQuotingItsData() {
    assertThatThrownBy(() -> civil(utf8(ZHANG_SAN, LI_SI)))
        .isInstanceOf(InputFileException.class)
        .hasMessageContaining("line 1")
        .hasMessageContaining("header row missing")
        .hasMessageNotContaining("500243198001010012")
        .hasMessageNotContaining("张三");
  }

  @Test
  void titleRowAboveTheHeaderIsSkipped() {
    ParsedFile f = civil(utf8("2022年彭水县低保对象名单,,,,,", CIVIL_HEADER, ZHANG_SAN));

    assertThat(f.headerLine()).isEqualTo(2);
    assertThat(lines(f)).containsExactly(3L);
  }

  @Test
  void workbookOrBinaryBytesWithCsvNameAreRefused() {
    byte[] zip = {'P', 'K', 3, 4, 20, 0, 0, 0};
    byte[] utf16 = CIVIL_HEADER.getBytes(StandardCharsets.UTF_16LE);

    assertThatThrownBy(() -> civil(zip)).hasMessageContaining("rename it to .xlsx");
    assertThatThrownBy(() -> civil(utf16)).hasMessageContaining("binary data");
    assertThatThrownBy(() -> civil(concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, utf16)))
        .hasMessageContaining("UTF-16");
  }

  @Test
  void manyRecordsKeepExactLineNumbers() {
    StringBuilder sb = new StringBuilder(CIVIL_HEADER).append('\n');
    int n = 20_000;
    for (int i = 0; i < n; i++) {
      sb.append(i % 7 == 0 ? "\"张\n三\"" : "张三")
          .append(",5002431980010100")
          .append(i % 100)
          .append(",低保,,,2022-01-05\n");
    }
    ParsedFile f = civil(sb.toString().getBytes(StandardCharsets.UTF_8));

    assertThat(f.records()).hasSize(n);
    long expected = 2;
    for (int i = 0; i < n; i++) {
      assertThat(f.records().get(i).line()).as("record %d", i).isEqualTo(expected);
      expected += i % 7 == 0 ? 2 : 1;
    }
  }
}
