package org.daijiao.report;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.daijiao.policy.Policy;
import org.daijiao.report.CountyFigures.ActionCount;
import org.daijiao.report.CountyFigures.FundingRow;
import org.daijiao.report.ProducingRun.InputFile;
import org.daijiao.report.ProducingRun.SourceCount;
import org.daijiao.report.Sheets.Column;
import org.daijiao.report.Sheets.Kind;

/**
 * The report's first sheet, 汇总: the county's figures, the subsidy per department and batch, the
 * open actions of the work lists, and where the figures come from — the run that produced them and
 * its input files with rows read, accepted and rejected.
 */
final class CountySummarySheet {
  private final XSSFSheet sheet;
  private final SheetStyles styles;
  private final CountyFigures figures;
  private final Policy policy;

  private CountySummarySheet(
      XSSFSheet sheet, SheetStyles styles, CountyFigures figures, Policy policy) {
    this.sheet = sheet;
    this.styles = styles;
    this.figures = figures;
    this.policy = policy;
  }

  static void write(XSSFSheet sheet, SheetStyles styles, CountyFigures figures, Policy policy) {
    new CountySummarySheet(sheet, styles, figures, policy).write();
  }

  private void write() {
    int r = Sheets.line(sheet, styles.title, 0, figures.title());
    r = Sheets.line(sheet, styles.note, r, figures.asOfNote());
    r = Sheets.line(sheet, styles.section, r + 1, "一、总体情况");
    r = overall(r);
    r = Sheets.line(sheet, styles.section, r + 1, "二、各部门代缴资金（按批次）");
    r = byDepartmentAndBatch(r);
    r = Sheets.line(sheet, styles.section, r + 1, "三、待办事项（村级工作清单）");
    r = openActions(r);
    r = Sheets.line(sheet, styles.section, r + 1, "四、数据来源");
    r = Sheets.line(sheet, styles.note, r, runNote(figures.run()));
    r = Sheets.line(sheet, styles.note, r, inputsNote(figures.run()));
    Sheets.table(
        sheet,
        styles,
        r,
        0,
        List.of(
            new Column("来源", Kind.TEXT),
            new Column("文件", Kind.TEXT),
            new Column("读取行数", Kind.COUNT),
            new Column("接受行数", Kind.COUNT),
            new Column("拒收行数", Kind.COUNT)),
        inputRows(figures.run()),
        null);
    Sheets.sizeColumns(sheet, 0, 5);
    Sheets.printOnA4(sheet, false, -1, -1, null, figures.footer());
  }

  private int overall(int r) {
    FigureRow c = figures.county();
    ActionCount refunds =
        figures.refundsDue().orElse(new ActionCount("REFUND", 0, BigDecimal.ZERO));
    List<List<Object>> rows = new ArrayList<>();
    rows.add(List.of("参保目标人数（人）", c.target()));
    rows.add(List.of("已参保人数（人）", c.insured()));
    rows.add(nullable("参保率", Sheets.rate(c.insuredRate())));
    rows.add(List.of("代缴对象人数（人）", c.eligible()));
    rows.add(List.of("已足额缴费人数（人）", c.paid()));
    rows.add(nullable("足额缴费率", Sheets.rate(c.paidRate())));
    rows.add(List.of("代缴资金合计", Sheets.money(c.subsidy())));
    rows.add(List.of("待退还（事后补助）人数（人）", refunds.persons()));
    rows.add(List.of("待退还（事后补助）金额", Sheets.money(refunds.amount())));
    return Sheets.table(
        sheet,
        styles,
        r,
        0,
        List.of(new Column("指标", Kind.TEXT), new Column("数值", Kind.RATE)),
        rows,
        null);
  }

  private int byDepartmentAndBatch(int r) {
    List<List<Object>> rows = new ArrayList<>();
    for (FundingRow f : figures.byDepartmentAndBatch()) {
      rows.add(
          List.of(
              ReportLabels.department(f.department()),
              ReportLabels.batch(f.batch(), policy),
              f.persons(),
              Sheets.money(f.subsidy())));
    }
    FundingRow total = figures.fundingTotal();
    return Sheets.table(
        sheet,
        styles,
        r,
        0,
        List.of(
            new Column("认定部门", Kind.TEXT),
            new Column("批次", Kind.TEXT),
            new Column("人数", Kind.COUNT),
            new Column("代缴资金（元）", Kind.MONEY)),
        rows,
        List.of("合计", "", total.persons(), Sheets.money(total.subsidy())));
  }

  private int openActions(int r) {
    List<List<Object>> rows = new ArrayList<>();
    long open = 0;
    for (ActionCount a : figures.openActions()) {
      rows.add(
          nullable(
              ActionLabels.label(a.action()),
              a.persons(),
              a.amount() == null ? null : Sheets.money(a.amount())));
      open += a.persons();
    }
    return Sheets.table(
        sheet,
        styles,
        r,
        0,
        List.of(
            new Column("事项", Kind.TEXT),
            new Column("人次", Kind.COUNT),
            new Column("金额（元）", Kind.MONEY)),
        rows,
        nullable("合计", open, null));
  }

  /** Per source its files, then the source's reconciliation (read = accepted + rejected). */
  static List<List<Object>> inputRows(ProducingRun run) {
    List<List<Object>> rows = new ArrayList<>();
    for (SourceCount s : run.sources()) {
      String source = ReportLabels.source(s.source());
      for (InputFile f : run.files()) {
        if (f.source().equals(s.source())) {
          rows.add(List.of(source, f.file(), f.read(), f.accepted(), f.rejected()));
        }
      }
      rows.add(List.of(source + " 小计", "", s.read(), s.accepted(), s.rejected()));
    }
    return rows;
  }

  static String runNote(ProducingRun run) {
    return "产生本报告的运行：gold.coverage_stats 第 "
        + run.version()
        + " 版，写入于 "
        + CountyWorkbook.TIME.format(run.writtenAt().atZone(CountyWorkbook.COUNTY_TIME))
        + "（北京时间）；输入批次："
        + String.join("、", run.batchIds())
        + "。";
  }

  static String inputsNote(ProducingRun run) {
    return run.inputsOfThatRun()
        ? "下列为该次运行读取的输入文件及行数（读取＝接受＋拒收）。"
        : "该次运行的输入记录已不可追溯（超过保留期），下列为仓库中当前的输入文件及行数。";
  }

  /** A row that may hold nulls (List.of may not). */
  private static List<Object> nullable(Object... values) {
    List<Object> row = new ArrayList<>(values.length);
    for (Object v : values) {
      row.add(v);
    }
    return row;
  }
}
