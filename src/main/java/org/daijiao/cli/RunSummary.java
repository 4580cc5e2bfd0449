package org.daijiao.cli;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.daijiao.coverage.YearSummary;
import org.daijiao.ingest.IngestJob;
import org.daijiao.resolve.ResolveJob;
import org.daijiao.spark.Warehouse;

/**
 * The summary a data team reads after a run: rows per source, persons, categories, eligibility, the
 * money per department and batch, and coverage (county and the three lowest townships). Aggregates
 * only, counted by the stats stage from the year's rows it wrote ({@link YearSummary}): no ID
 * number, no name.
 */
final class RunSummary {
  private final Warehouse warehouse;
  private final int year;
  private final YearSummary.Figures figures;

  RunSummary(Warehouse warehouse, int year, YearSummary.Figures figures) {
    this.warehouse = warehouse;
    this.year = year;
    this.figures = figures;
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
    out.printf("%n%-18s %9s %9s %9s%n", "category", "persons", "target", "eligible");
    for (YearSummary.CategoryCount c : figures.categories()) {
      out.printf(
          "%-18s %,9d %,9d %,9d%n",
          c.category() == null ? "(no target cat.)" : c.category(),
          c.persons(),
          c.inTarget(),
          c.eligible());
    }
    out.printf(
        "%n%-28s %-9s %-16s %8s %12s%n", "department", "batch", "mode", "persons", "subsidy (元)");
    BigDecimal total = BigDecimal.ZERO;
    for (YearSummary.Funding f : figures.funding()) {
      out.printf(
          "%-28s %-9s %-16s %,8d %12s%n",
          f.department(), f.batch(), f.mode(), f.persons(), f.subsidy().toPlainString());
      total = total.add(f.subsidy());
    }
    out.printf("%-28s %-9s %-16s %8s %12s%n", "total", "", "", "", total.toPlainString());
  }

  void printCoverage(PrintStream out) {
    YearSummary.CoverageFigures coverage = figures.coverage();
    if (coverage.county().isEmpty()) {
      out.println("\ncoverage: no person in the coverage target");
      return;
    }
    YearSummary.Coverage c = coverage.county().get();
    out.printf(
        "%ncoverage (county): target %,d   insured %,d (%s)   paid %,d (%s)"
            + "   roster rows without a usable ID (not in the target): %,d%n",
        c.target(),
        c.insured(),
        percent(c.insuredRate()),
        c.paid(),
        percent(c.paidRate()),
        c.unresolvedRosterRows());
    out.println("lowest insured rate, townships:");
    for (YearSummary.Coverage t : coverage.lowestRateFirst().stream().limit(3).toList()) {
      out.printf("  %-12s %s of %,d insured%n", t.township(), percent(t.insuredRate()), t.target());
    }
  }

  private static String percent(BigDecimal rate) {
    return rate == null
        ? "n/a"
        : rate.movePointRight(2).setScale(1, java.math.RoundingMode.HALF_UP) + " %";
  }
}
