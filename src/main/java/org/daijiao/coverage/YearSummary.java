package org.daijiao.coverage;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.count_if;
import static org.apache.spark.sql.functions.lit;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.daijiao.decide.GoldColumns;
import org.daijiao.spark.ColumnNames;

/**
 * The figures of a policy year that {@code daijiao run} summarises: the decisions per category, the
 * money per department and batch, and the coverage of the county and its townships. Counted by the
 * stats stage from the year's rows it has at hand (decisions, funding requests, coverage
 * statistics), before it releases them: nothing is read back. Aggregates only, a few dozen rows, so
 * they are sorted here rather than by a Spark job (an orderBy samples its input first).
 */
public final class YearSummary {
  private final Dataset<Row> eligibility;
  private final Dataset<Row> fundingRequests;
  private final Dataset<Row> coverageStats;

  /** The decisions of one category; category null: persons in no target category. */
  public record CategoryCount(String category, long persons, long inTarget, long eligible) {}

  /** The funding request of one department, batch and mode. */
  public record Funding(
      String department, String batch, String mode, long persons, BigDecimal subsidy) {}

  /** One row of the coverage statistics (category ALL); township null for the county's. */
  public record Coverage(
      String township,
      Long target,
      Long insured,
      BigDecimal insuredRate,
      Long paid,
      BigDecimal paidRate,
      Long unresolvedRosterRows) {}

  /** The county's coverage, none when nobody is in the target, and the townships'. */
  public record CoverageFigures(Optional<Coverage> county, List<Coverage> lowestRateFirst) {}

  /** All of them, counted once. */
  public record Figures(
      List<CategoryCount> categories, List<Funding> funding, CoverageFigures coverage) {}

  /**
   * Over one policy year's rows of {@code gold.eligibility}, {@code gold.department_funding} and
   * {@code gold.coverage_stats}.
   */
  public YearSummary(Dataset<Row> eligibility, Dataset<Row> funding, Dataset<Row> coverage) {
    this.eligibility = eligibility;
    this.fundingRequests = funding;
    this.coverageStats = coverage;
  }

  /** The three figures: three small Spark jobs. */
  public Figures figures() {
    return new Figures(categories(), funding(), coverage());
  }

  /** Persons, persons in the coverage target and eligible persons per category, by category. */
  private List<CategoryCount> categories() {
    String persons = CoverageColumns.PERSONS;
    String inTarget = GoldColumns.IN_COVERAGE_TARGET;
    String eligible = GoldColumns.ELIGIBLE;
    List<CategoryCount> counts = new ArrayList<>();
    for (Row r :
        eligibility
            .groupBy(col(ColumnNames.CATEGORY))
            .agg(
                count(lit(1)).as(persons),
                count_if(col(inTarget)).as(inTarget),
                count_if(col(eligible)).as(eligible))
            .collectAsList()) {
      counts.add(
          new CategoryCount(
              r.getAs(ColumnNames.CATEGORY),
              r.<Long>getAs(persons),
              r.<Long>getAs(inTarget),
              r.<Long>getAs(eligible)));
    }
    counts.sort(
        Comparator.comparing(CategoryCount::category, Comparator.nullsLast(String::compareTo)));
    return counts;
  }

  /** The funding requests of the year, by department, batch and mode. */
  private List<Funding> funding() {
    List<Funding> funding = new ArrayList<>();
    for (Row r :
        fundingRequests
            .select(
                col(ColumnNames.DEPARTMENT),
                col(ColumnNames.BATCH),
                col(ColumnNames.MODE),
                col(CoverageColumns.PERSONS),
                col(ColumnNames.SUBSIDY_AMOUNT))
            .collectAsList()) {
      funding.add(
          new Funding(
              r.getAs(ColumnNames.DEPARTMENT),
              r.getAs(ColumnNames.BATCH),
              r.getAs(ColumnNames.MODE),
              r.<Long>getAs(CoverageColumns.PERSONS),
              r.getAs(ColumnNames.SUBSIDY_AMOUNT)));
    }
    funding.sort(
        Comparator.comparing(Funding::department)
            .thenComparing(Funding::batch)
            .thenComparing(Funding::mode));
    return funding;
  }

  /** The county's row and the townships' (a few dozen) of category ALL: one read. */
  private CoverageFigures coverage() {
    List<Row> rows =
        coverageStats
            .filter(
                col(ColumnNames.CATEGORY)
                    .equalTo(CoverageStages.ALL)
                    .and(col(ColumnNames.LEVEL).isin(Level.COUNTY.name(), Level.TOWNSHIP.name())))
            .collectAsList();
    Optional<Coverage> county =
        rows.stream()
            .filter(r -> Level.COUNTY.name().equals(r.getAs(ColumnNames.LEVEL)))
            .findFirst()
            .map(YearSummary::coverage);
    List<Coverage> townships =
        rows.stream()
            .filter(r -> Level.TOWNSHIP.name().equals(r.getAs(ColumnNames.LEVEL)))
            .map(YearSummary::coverage)
            .sorted(
                Comparator.comparing(
                        Coverage::insuredRate, Comparator.nullsFirst(BigDecimal::compareTo))
                    .thenComparing(Coverage::township))
            .toList();
    return new CoverageFigures(county, townships);
  }

  private static Coverage coverage(Row r) {
    return new Coverage(
        r.getAs(ColumnNames.TOWNSHIP),
        r.getAs(ColumnNames.TARGET_PERSONS),
        r.getAs(ColumnNames.INSURED_PERSONS),
        r.getAs(ColumnNames.INSURED_RATE),
        r.getAs(CoverageColumns.PAID_PERSONS),
        r.getAs(CoverageColumns.PAID_RATE),
        r.getAs(CoverageColumns.UNRESOLVED_ROSTER_ROWS));
  }
}
