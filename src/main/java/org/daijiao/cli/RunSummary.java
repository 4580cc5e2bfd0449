package org.daijiao.cli;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.count_if;
import static org.apache.spark.sql.functions.lit;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.daijiao.coverage.CoverageColumns;
import org.daijiao.coverage.CoverageStages;
import org.daijiao.coverage.Level;
import org.daijiao.decide.GoldColumns;
import org.daijiao.ingest.IngestJob;
import org.daijiao.resolve.ResolveJob;
import org.daijiao.spark.TableName;
import org.daijiao.spark.Tables;
import org.daijiao.spark.Warehouse;

/**
 * The summary a data team reads after a run: rows per source, persons, categories, eligibility, the
 * money per department and batch, and coverage (county and the three lowest townships). Aggregates
 * only, from the gold tables just written: no ID number, no name.
 */
final class RunSummary {
  private final SparkSession spark;
  private final Warehouse warehouse;
  private final int year;

  RunSummary(SparkSession spark, Warehouse warehouse, int year) {
    this.spark = spark;
    this.warehouse = warehouse;
    this.year = year;
  }

  void print(PrintStream out, IngestJob.Result ingest, ResolveJob.Result resolve, LocalDate asOf) {
    out.printf(
        "daijiao — policy year %d, as of %s, warehouse %s%n%n", year, asOf, warehouse.root());
    out.printf("%-21s %5s %9s %9s %9s%n", "source", "files", "read", "accepted", "rejected");
    resolve
        .counts()
        .forEach(
            (source, c) ->
                out.printf(
                    "%-21s %5d %,9d %,9d %,9d%n",
                    source, ingest.files().get(source), c.read(), c.accepted(), c.rejected()));
    out.printf(
        "%npersons on the rosters: %,d   identity conflicts (same ID, different names): %,d%n",
        resolve.persons(), resolve.identityConflicts());
    printDecisions(out);
    printCoverage(out);
  }

  static void printReconciliation(PrintStream out, ResolveJob.Result r) {
    out.printf("%-21s %9s %9s %9s%n", "source", "read", "accepted", "rejected");
    r.counts()
        .forEach(
            (s, c) ->
                out.printf("%-21s %,9d %,9d %,9d%n", s, c.read(), c.accepted(), c.rejected()));
    out.printf("persons: %,d   identity conflicts: %,d%n", r.persons(), r.identityConflicts());
  }

  private void printDecisions(PrintStream out) {
    Dataset<Row> eligibility = ofYear(Tables.ELIGIBILITY);
    out.printf("%n%-18s %9s %9s %9s%n", "category", "persons", "target", "eligible");
    // A few rows: sorted here, not by a Spark job (an orderBy samples its input first).
    List<Row> categories =
        new java.util.ArrayList<>(
            eligibility
                .groupBy(col(GoldColumns.CATEGORY))
                .agg(
                    count(lit(1)),
                    count_if(col(GoldColumns.IN_COVERAGE_TARGET)),
                    count_if(col(GoldColumns.ELIGIBLE)))
                .collectAsList());
    categories.sort(
        java.util.Comparator.comparing(
            (Row r) -> r.getString(0), java.util.Comparator.nullsLast(String::compareTo)));
    for (Row r : categories) {
      out.printf(
          "%-18s %,9d %,9d %,9d%n",
          r.isNullAt(0) ? "(no target cat.)" : r.getString(0),
          r.getLong(1),
          r.getLong(2),
          r.getLong(3));
    }
    out.printf(
        "%n%-28s %-9s %-16s %8s %12s%n", "department", "batch", "mode", "persons", "subsidy (元)");
    BigDecimal total = BigDecimal.ZERO;
    List<Row> funding =
        new java.util.ArrayList<>(
            ofYear(Tables.DEPARTMENT_FUNDING)
                .select(
                    col(CoverageColumns.DEPARTMENT),
                    col(CoverageColumns.BATCH),
                    col(CoverageColumns.MODE),
                    col(CoverageColumns.PERSONS),
                    col(CoverageColumns.SUBSIDY_AMOUNT))
                .collectAsList());
    funding.sort(
        java.util.Comparator.comparing((Row r) -> r.getString(0))
            .thenComparing(r -> r.getString(1))
            .thenComparing(r -> r.getString(2)));
    for (Row r : funding) {
      out.printf(
          "%-28s %-9s %-16s %,8d %12s%n",
          r.getString(0),
          r.getString(1),
          r.getString(2),
          r.getLong(3),
          r.getDecimal(4).toPlainString());
      total = total.add(r.getDecimal(4));
    }
    out.printf("%-28s %-9s %-16s %8s %12s%n", "total", "", "", "", total.toPlainString());
  }

  void printCoverage(PrintStream out) {
    // The county's row and the townships' (a few dozen): one read, sorted here.
    List<Row> rows =
        ofYear(Tables.COVERAGE_STATS)
            .filter(
                col(CoverageColumns.CATEGORY)
                    .equalTo(CoverageStages.ALL)
                    .and(
                        col(CoverageColumns.LEVEL)
                            .isin(Level.COUNTY.name(), Level.TOWNSHIP.name())))
            .collectAsList();
    List<Row> county =
        rows.stream()
            .filter(r -> Level.COUNTY.name().equals(r.getAs(CoverageColumns.LEVEL)))
            .toList();
    if (county.isEmpty()) {
      out.println("\ncoverage: no person in the coverage target");
      return;
    }
    Row c = county.get(0);
    out.printf(
        "%ncoverage (county): target %,d   insured %,d (%s)   paid %,d (%s)"
            + "   roster rows without a usable ID (not in the target): %,d%n",
        c.<Long>getAs(CoverageColumns.TARGET_PERSONS),
        c.<Long>getAs(CoverageColumns.INSURED_PERSONS),
        percent(c.getAs(CoverageColumns.INSURED_RATE)),
        c.<Long>getAs(CoverageColumns.PAID_PERSONS),
        percent(c.getAs(CoverageColumns.PAID_RATE)),
        c.<Long>getAs(CoverageColumns.UNRESOLVED_ROSTER_ROWS));
    out.println("lowest insured rate, townships:");
    for (Row t :
        rows.stream()
            .filter(r -> Level.TOWNSHIP.name().equals(r.getAs(CoverageColumns.LEVEL)))
            .sorted(
                java.util.Comparator.comparing(
                        (Row r) -> r.<BigDecimal>getAs(CoverageColumns.INSURED_RATE),
                        java.util.Comparator.nullsFirst(BigDecimal::compareTo))
                    .thenComparing(r -> r.<String>getAs(CoverageColumns.TOWNSHIP)))
            .limit(3)
            .toList()) {
      out.printf(
          "  %-12s %s of %,d insured%n",
          t.<String>getAs(CoverageColumns.TOWNSHIP),
          percent(t.getAs(CoverageColumns.INSURED_RATE)),
          t.<Long>getAs(CoverageColumns.TARGET_PERSONS));
    }
  }

  private Dataset<Row> ofYear(TableName table) {
    return warehouse.read(spark, table).filter(col(GoldColumns.POLICY_YEAR).equalTo(year));
  }

  private static String percent(BigDecimal rate) {
    return rate == null
        ? "n/a"
        : rate.movePointRight(2).setScale(1, java.math.RoundingMode.HALF_UP) + " %";
  }
}
