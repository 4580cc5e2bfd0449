package org.daijiao.report;

import static org.apache.spark.sql.functions.col;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.daijiao.coverage.CoverageColumns;
import org.daijiao.coverage.CoverageStages;
import org.daijiao.coverage.Level;
import org.daijiao.coverage.WorklistAction;
import org.daijiao.identity.Divisions;
import org.daijiao.ledger.Batch;
import org.daijiao.ledger.Mode;
import org.daijiao.person.Category;
import org.daijiao.policy.Department;
import org.daijiao.policy.FundingSource;
import org.daijiao.policy.Policy;
import org.daijiao.spark.ColumnNames;
import org.daijiao.spark.JobContext;
import org.daijiao.spark.TableName;
import org.daijiao.spark.Tables;

/**
 * Every figure of the county report for one policy year, read from the gold tables (a few hundred
 * aggregate rows, brought to the driver): the county, each township and village, each category, the
 * funding requests, the open actions of the work lists, and the run that produced them. No ID
 * number and no name: the work list is read only as counts per action.
 *
 * @param villageCategoryTargets per row of {@code villages}, the target persons of each category of
 *     {@code categories} (in that order), whose sum is the village's target
 * @param months the figures month by month ({@code gold.monthly_progress}), or why there are none
 */
public record CountyFigures(
    String countyName,
    int year,
    LocalDate asOf,
    FigureRow county,
    List<FigureRow> townships,
    FigureRow townshipTotal,
    List<FigureRow> villages,
    FigureRow villageTotal,
    List<FigureRow> categories,
    FigureRow categoryTotal,
    List<FundingRow> funding,
    List<FundingRow> byDepartment,
    List<FundingRow> byDepartmentAndBatch,
    FundingRow fundingTotal,
    List<ActionCount> openActions,
    ProducingRun run,
    List<List<Long>> villageCategoryTargets,
    MonthlyFigures months) {

  /** Persons and subsidy of {@code gold.department_funding}, summed over what is null here. */
  public record FundingRow(
      String department,
      String fundingSource,
      String batch,
      String mode,
      long persons,
      BigDecimal subsidy) {}

  /** The open actions of one kind in {@code gold.worklist}: persons, and yuan where it has any. */
  public record ActionCount(String action, long persons, BigDecimal amount) {}

  /** 彭水县2022年困难群体城乡居保代缴情况: the title and the file name of the report. */
  public String title() {
    return countyName + year + "年困难群体城乡居保代缴情况";
  }

  /** What every sheet and the page say under their title. */
  public String asOfNote() {
    return "数据截至 " + asOf + "；人数单位：人，金额单位：元；参保率、足额缴费率＝人数÷参保目标人数。";
  }

  /** Beside the page numbers of every printed page. */
  public String footer() {
    return "数据截至 " + asOf;
  }

  /**
   * The official townships with persons in the target, lowest insured rate first: the order of the
   * rate chart.
   */
  public List<FigureRow> townshipsByRate() {
    return townships.stream()
        .filter(t -> t.townshipCode() != null && t.insuredRate() != null)
        .sorted(Comparator.comparing(FigureRow::insuredRate).thenComparing(FigureRow::townshipCode))
        .toList();
  }

  /** The refunds due (事后补助), or none. */
  public Optional<ActionCount> refundsDue() {
    return openActions.stream()
        .filter(a -> a.action().equals(WorklistAction.REFUND.name()))
        .findFirst();
  }

  /**
   * Reads the figures of the context's policy year. The year's statistics and funding rows (a few
   * hundred) are read from Delta once and summed from memory; the work list only as counts.
   */
  public static CountyFigures load(JobContext context) {
    SparkSession spark = context.session();
    Policy policy = context.policy();
    int year = policy.policyYear();
    Dataset<Row> stats = inMemory(spark, ofYear(context, Tables.COVERAGE_STATS));
    Dataset<Row> funding = inMemory(spark, ofYear(context, Tables.DEPARTMENT_FUNDING));
    Dataset<Row> actions = ReportStages.openActions(ofYear(context, Tables.WORKLIST));
    Dataset<Row> officialTownships = Divisions.townships(spark);
    Dataset<Row> townships = ReportStages.townshipRows(stats, officialTownships);
    Dataset<Row> villages =
        ReportStages.villageRows(stats, officialTownships, Divisions.villages(spark));
    Dataset<Row> categories = ReportStages.categoryRows(stats);
    List<FigureRow> byCategory = new ArrayList<>(rows(categories));
    byCategory.sort(Comparator.comparingInt(r -> categoryRank(policy, r.category())));
    List<FigureRow> county = rows(ReportStages.countyRow(stats));
    FigureRow townshipTotal = rows(ReportStages.total(townships)).get(0);
    List<FigureRow> townshipRows = rows(townships);
    List<FigureRow> villageRows = rows(villages);
    Set<String> official = new HashSet<>();
    townshipRows.stream()
        .filter(t -> t.townshipCode() != null)
        .forEach(t -> official.add(t.township()));
    return new CountyFigures(
        policy.countyName(),
        year,
        context.asOf(),
        // No COUNTY row only when nobody is in the target: the (empty) total says the same.
        county.isEmpty() ? townshipTotal : county.get(0),
        townshipRows,
        townshipTotal,
        villageRows,
        rows(ReportStages.total(villages)).get(0),
        byCategory,
        rows(ReportStages.total(categories)).get(0),
        fundingRows(
            ReportStages.fundingBy(
                funding,
                ColumnNames.DEPARTMENT,
                ColumnNames.FUNDING_SOURCE,
                ColumnNames.BATCH,
                ColumnNames.MODE)),
        fundingRows(ReportStages.fundingBy(funding, ColumnNames.DEPARTMENT)),
        fundingRows(ReportStages.fundingBy(funding, ColumnNames.DEPARTMENT, ColumnNames.BATCH)),
        fundingRows(ReportStages.fundingBy(funding)).get(0),
        actionCounts(actions),
        ProducingRun.of(spark, context.warehouse(), year),
        villageCategoryTargets(stats, villageRows, byCategory),
        MonthlyFigures.load(spark, context.warehouse(), year, context.asOf(), official));
  }

  /**
   * The target persons of each category in each village, in the order of {@code villages} and
   * {@code categories}: a village's row of 分村, split as 分类别 splits the county (a few hundred
   * villages times a few categories).
   */
  private static List<List<Long>> villageCategoryTargets(
      Dataset<Row> stats, List<FigureRow> villages, List<FigureRow> categories) {
    Map<String, Long> targets = new HashMap<>();
    for (Row r :
        stats
            .filter(
                col(ColumnNames.LEVEL)
                    .equalTo(Level.VILLAGE.name())
                    .and(col(ColumnNames.CATEGORY).notEqual(CoverageStages.ALL)))
            .collectAsList()) {
      targets.put(
          placeKey(
              r.getAs(ColumnNames.TOWNSHIP),
              r.getAs(ColumnNames.VILLAGE),
              r.getAs(ColumnNames.CATEGORY)),
          r.<Long>getAs(ColumnNames.TARGET_PERSONS));
    }
    List<List<Long>> out = new ArrayList<>(villages.size());
    for (FigureRow v : villages) {
      List<Long> row = new ArrayList<>(categories.size());
      for (FigureRow c : categories) {
        row.add(targets.getOrDefault(placeKey(v.township(), v.village(), c.category()), 0L));
      }
      out.add(List.copyOf(row));
    }
    return List.copyOf(out);
  }

  private static String placeKey(String township, String village, String category) {
    return township + "\n" + village + "\n" + category;
  }

  private static Dataset<Row> ofYear(JobContext context, TableName table) {
    return context
        .warehouse()
        .read(context.session(), table)
        .filter(col(ColumnNames.POLICY_YEAR).equalTo(context.policyYear()));
  }

  /**
   * A small table's rows as a local relation: every figure below sums the same few hundred rows,
   * which would otherwise each time load the Delta snapshot and scan its files again.
   */
  private static Dataset<Row> inMemory(SparkSession spark, Dataset<Row> rows) {
    return spark.createDataFrame(rows.collectAsList(), rows.schema());
  }

  private static List<FigureRow> rows(Dataset<Row> rows) {
    return rows.collectAsList().stream().map(FigureRow::of).toList();
  }

  private static List<FundingRow> fundingRows(Dataset<Row> rows) {
    List<FundingRow> out = new ArrayList<>();
    for (Row r : rows.collectAsList()) {
      out.add(
          new FundingRow(
              text(r, ColumnNames.DEPARTMENT),
              text(r, ColumnNames.FUNDING_SOURCE),
              text(r, ColumnNames.BATCH),
              text(r, ColumnNames.MODE),
              r.<Long>getAs(CoverageColumns.PERSONS),
              r.getAs(ColumnNames.SUBSIDY_AMOUNT)));
    }
    out.sort(
        Comparator.comparingInt((FundingRow f) -> rank(Department.class, f.department()))
            .thenComparingInt(f -> rank(FundingSource.class, f.fundingSource()))
            .thenComparingInt(f -> rank(Batch.class, f.batch()))
            .thenComparingInt(f -> rank(Mode.class, f.mode())));
    return out;
  }

  private static List<ActionCount> actionCounts(Dataset<Row> rows) {
    List<ActionCount> out = new ArrayList<>();
    for (Row r : rows.collectAsList()) {
      out.add(
          new ActionCount(
              r.getAs(ColumnNames.ACTION),
              r.<Long>getAs(CoverageColumns.PERSONS),
              r.getAs(ColumnNames.AMOUNT)));
    }
    out.sort(Comparator.comparingInt(a -> ActionLabels.order(a.action())));
    return out;
  }

  private static String text(Row r, String column) {
    return r.schema().getFieldIndex(column).isDefined() ? r.getAs(column) : null;
  }

  /** §2(一)'s priority (特困 first); a code that is not a target category last. */
  private static int categoryRank(Policy policy, String code) {
    Category c = Category.ofCodeOrNull(code);
    return c == null ? Integer.MAX_VALUE : policy.priorityRank(c);
  }

  private static <E extends Enum<E>> int rank(Class<E> codes, String code) {
    if (code == null) {
      return -1;
    }
    for (E e : codes.getEnumConstants()) {
      if (e.name().equals(code)) {
        return e.ordinal();
      }
    }
    return Integer.MAX_VALUE;
  }
}
