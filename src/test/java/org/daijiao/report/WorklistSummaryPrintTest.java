package org.daijiao.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.PageMargin;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.daijiao.coverage.WorklistAction;
import org.daijiao.report.WorklistBooks.Entry;
import org.daijiao.report.WorklistBooks.Township;
import org.daijiao.report.WorklistBooks.Village;
import org.junit.jupiter.api.Test;

/**
 * The 汇总 sheet of a township's work lists prints on A4 landscape at full size: one column per
 * action under a short header, the full words of each action in a note below the table, the
 * instructions wrapped within the table's width, and the print area the table's columns. With the
 * full words as headers, fit-to-width shrank the page too small to read (.ci/office-check measures
 * the rendered text in LibreOffice).
 */
class WorklistSummaryPrintTest {
  private static final LocalDate AS_OF = LocalDate.of(2022, 12, 31);

  /** A4 landscape less the sheets' margins (0.5 in each side), in pixels at 96 dpi. */
  private static final double PRINTABLE_PIXELS = (297 / 25.4 - 0.5 - 0.5) * 96;

  /** A township whose two villages have between them one open action of every kind. */
  private static XSSFWorkbook everyActionInTwoVillages() throws IOException {
    List<Entry> first = new ArrayList<>();
    List<Entry> second = new ArrayList<>();
    int n = 0;
    for (WorklistAction action : WorklistAction.values()) {
      Entry e =
          new Entry(
              "某" + n,
              "500243********00" + (10 + n),
              "DIBAO",
              action.name(),
              new BigDecimal("30.00"),
              LocalDate.of(2022, 8, 31));
      (n++ % 2 == 0 ? first : second).add(e);
    }
    Township township =
        new Township(
            "汉葭街道",
            "500243001",
            List.of(
                new Village("鼓楼社区", "500243001001", first),
                new Village("芦渡湖社区", "500243001006", second)));
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    WorklistWorkbook.write("彭水县2022年代缴工作清单", AS_OF, township, bytes);
    return new XSSFWorkbook(new ByteArrayInputStream(bytes.toByteArray()));
  }

  @Test
  void theSummaryFitsA4LandscapeAtFullSizeWithShortHeadersSpelledOutBelow() throws IOException {
    try (XSSFWorkbook book = everyActionInTwoVillages()) {
      XSSFSheet s = book.getSheet(WorklistWorkbook.SUMMARY);
      int header = WorklistWorkbook.HEADER_ROW;
      int actions = WorklistAction.values().length;
      int columns = 2 + actions + 1;
      List<String> headers = new ArrayList<>();
      for (int c = 0; c < columns; c++) {
        headers.add(Workbooks.shown(s, header, c));
        assertThat(Workbooks.cell(s, header, c).getCellStyle().getWrapText())
            .as("header cell %d wraps", c)
            .isTrue();
      }
      assertThat(headers)
          .containsExactly(
              "村（社区）", "村（社区）代码", "参保登记", "缴个人部分", "退还代缴", "转移接续", "达龄领待遇", "核对身份证号", "合计（人次）");

      // Below the table (two villages and the total), one note per action: short words, full words.
      int notes = header + 1 + 2 + 1 + 1;
      List<String> below = new ArrayList<>();
      for (int r = notes; r < notes + actions; r++) {
        below.add(Workbooks.shown(s, r, 0).strip());
      }
      assertThat(below)
          .containsExactly(
              "注：参保登记：参保登记（未参加城乡居保）",
              "缴个人部分：缴纳个人缴费部分",
              "退还代缴：退还代缴资金（已全额自缴，事后补助）",
              "转移接续：跨县参保，办理转移接续",
              "达龄领待遇：年满60周岁，办理待遇领取（达龄一个，发放一个）",
              "核对身份证号：核对身份证号码（部门名单中的号码无效，请对照身份证更正）");

      PrintSetup print = s.getPrintSetup();
      assertThat(print.getPaperSize()).isEqualTo(PrintSetup.A4_PAPERSIZE);
      assertThat(print.getLandscape()).isTrue();
      assertThat(s.getFitToPage()).isTrue();
      assertThat(print.getFitWidth()).as("one page wide").isEqualTo((short) 1);
      assertThat(s.getMargin(PageMargin.LEFT) + s.getMargin(PageMargin.RIGHT)).isEqualTo(1.0);
      double width = 0;
      for (int c = 0; c < columns; c++) {
        width += s.getColumnWidthInPixels(c);
      }
      assertThat(width)
          .as("the table's natural width fits the page: fit-to-width prints it at 100 %")
          .isLessThanOrEqualTo(PRINTABLE_PIXELS);
      assertThat(book.getPrintArea(0))
          .as("the notes wrap within the table: nothing runs off to the right")
          .isEqualTo("汇总!$A$1:$I$" + (notes + actions));
      assertThat(s.getMergedRegions())
          .as("the instructions and the notes, each across the table's width")
          .contains(new CellRangeAddress(1, 1, 0, columns - 1));
      assertThat(Workbooks.cell(s, 1, 0).getCellStyle().getWrapText()).isTrue();
      assertThat(Workbooks.shown(s, 1, 0)).isEqualTo(WorklistWorkbook.instructions(AS_OF));
    }
  }
}
