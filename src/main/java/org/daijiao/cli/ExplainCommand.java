package org.daijiao.cli;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.max;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.daijiao.UserFacingException;
import org.daijiao.UserFacingException.Code;
import org.daijiao.decide.Decider;
import org.daijiao.decide.DecisionRows;
import org.daijiao.decide.ExplainedDecision;
import org.daijiao.decide.Explanation;
import org.daijiao.decide.GoldColumns;
import org.daijiao.decide.TimelineStage;
import org.daijiao.identity.IdNumber;
import org.daijiao.person.PersonTimeline;
import org.daijiao.policy.Policy;
import org.daijiao.policy.RunParameters;
import org.daijiao.quality.QualityColumns;
import org.daijiao.repair.RepairColumns;
import org.daijiao.repair.RepairExplanation;
import org.daijiao.resolve.SilverColumns;
import org.daijiao.spark.RecordedParameters;
import org.daijiao.spark.Tables;
import org.daijiao.spark.Warehouse;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Why a person got the decision they got, rule by rule with the clause of the notice behind each
 * step — what a clerk reads to answer a resident. Runs the same rules as {@code decide} on the
 * person's silver records. With {@code --line}, why a roster row was rejected for its ID number and
 * its repair candidates (docs/inputs.md#id-repair).
 */
@Command(
    name = "explain",
    mixinStandardHelpOptions = true,
    description = {
      "Explain one person's decision for a policy year, citing the notice's clauses;",
      "or (--line) a roster row rejected for its ID number and its repair candidates."
    })
final class ExplainCommand implements Callable<Integer> {
  @Mixin CommonOptions common;
  @Mixin PolicyOptions policyOptions;

  @ArgGroup(multiplicity = "1")
  Subject subject;

  /** Whom or what to explain: a person, or a rejected row. */
  static final class Subject {
    @Option(
        names = "--id",
        required = true,
        paramLabel = "ID",
        description =
            "The person's ID number, in any form the normaliser accepts (15 or 18 digits, spaces,"
                + " x).")
    String id;

    @Option(
        names = "--line",
        required = true,
        paramLabel = "SOURCE:FILE:LINE",
        description =
            "A roster row rejected for its ID number, as quality.id_repair_candidates names it:"
                + " civil_affairs:civil_affairs/a.csv:17 (the file also without its folder).")
    String line;
  }

  @Override
  public Integer call() {
    if (subject.line != null) {
      return explainLine(subject.line);
    }
    String id = subject.id;
    Policy policy = policyOptions.policy();
    IdNumber.Verdict verdict = IdNumber.parse(id, policy.minBirthDate(), policy.yearEnd());
    if (!verdict.valid()) {
      throw new UserFacingException(
          Code.OPTION,
          "--id is not a valid ID number (" + verdict.problem() + ": " + verdict.detail() + ").");
    }
    String key = verdict.id();
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    try (Spark spark = new Spark(common)) {
      Warehouse w = spark.warehouse;
      // The policy and as_of the year's decisions were made with, unless the command line gives its
      // own.
      Optional<RunParameters> recorded =
          policyOptions.asOf == null && policyOptions.policyFile == null
              ? RecordedParameters.ofYear(spark.session, w, Tables.ELIGIBILITY, policy.policyYear())
              : Optional.empty();
      if (recorded.isPresent()) {
        policy = recorded.get().loadPolicy();
      }
      LocalDate asOf = recorded.isPresent() ? recorded.get().asOf() : asOf(spark, policy);
      Dataset<Row> persons = only(w.read(spark.session, Tables.PERSONS), key);
      List<Row> rows =
          TimelineStage.timelines(
                  persons,
                  only(w.read(spark.session, Tables.CATEGORY_PERIODS), key),
                  only(w.read(spark.session, Tables.EXCLUSION_PERIODS), key),
                  only(w.read(spark.session, Tables.ENROLLMENTS), key),
                  only(w.read(spark.session, Tables.PAYMENTS), key),
                  policy.policyYear(),
                  asOf)
              .collectAsList();
      if (rows.isEmpty()) {
        out.println(
            IdNumber.mask(key)
                + ": not on any roster (civil affairs, rural revitalisation, disability) with a record"
                + " starting on or before "
                + asOf
                + ", so not in the "
                + policy.policyYear()
                + " decisions. Check quality.rejected_records for rows of the person that could not be read.");
        return 0;
      }
      PersonTimeline timeline = DecisionRows.toTimeline(rows.get(0));
      ExplainedDecision explained = new Decider(policy, asOf).explain(timeline);
      out.println(Explanation.render(timeline, explained, policy));
    }
    return 0;
  }

  /** docs/inputs.md#id-repair: a rejected roster row and its repair candidates, IDs masked. */
  private int explainLine(String at) {
    int lineAt = at.lastIndexOf(':');
    int sourceAt = at.indexOf(':');
    long line;
    try {
      line = Long.parseLong(at.substring(lineAt + 1));
    } catch (NumberFormatException | StringIndexOutOfBoundsException e) {
      line = 0;
    }
    if (sourceAt <= 0 || sourceAt == lineAt || line < 1) {
      throw new UserFacingException(
          Code.OPTION,
          "--line must be SOURCE:FILE:LINE, e.g. civil_affairs:civil_affairs/a.csv:17.");
    }
    String source = at.substring(0, sourceAt);
    String file = at.substring(sourceAt + 1, lineAt);
    String sourceFile = file.startsWith(source + "/") ? file : source + "/" + file;
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    try (Spark spark = new Spark(common)) {
      Warehouse w = spark.warehouse;
      if (!w.exists(spark.session, Tables.ID_REPAIR_CANDIDATES)) {
        throw new UserFacingException(
            Code.MISSING_TABLE,
            Tables.ID_REPAIR_CANDIDATES + " does not exist in " + w.root() + " yet.");
      }
      Column row =
          col(RepairColumns.SOURCE)
              .equalTo(source)
              .and(col(RepairColumns.SOURCE_FILE).equalTo(sourceFile))
              .and(col(RepairColumns.LINE).equalTo(line));
      List<Row> rows =
          w.read(spark.session, Tables.ID_REPAIR_CANDIDATES)
              .filter(row)
              .orderBy(col(RepairColumns.CANDIDATE_ID_NUMBER))
              .collectAsList();
      if (!rows.isEmpty()) {
        out.print(RepairExplanation.render(rows));
        return 0;
      }
      List<Row> rejected =
          w.read(spark.session, Tables.REJECTED_RECORDS)
              .filter(row)
              .select(col(QualityColumns.REASON), col(QualityColumns.DETAIL))
              .collectAsList();
      out.println(
          sourceFile
              + " line "
              + line
              + (rejected.isEmpty()
                  ? ": not a rejected row of this run (it was read, or the file has no such line)."
                  : ": rejected, "
                      + rejected.get(0).getString(0)
                      + " ("
                      + rejected.get(0).getString(1)
                      + "); not for its ID number, so no repair candidates."));
    }
    return 0;
  }

  /** The as_of of the stored decisions of the year, so that the explanation matches them. */
  private LocalDate asOf(Spark spark, Policy policy) {
    if (policyOptions.asOf != null || !spark.warehouse.exists(spark.session, Tables.ELIGIBILITY)) {
      return policyOptions.asOf(policy);
    }
    Row r =
        spark
            .warehouse
            .read(spark.session, Tables.ELIGIBILITY)
            .filter(col(GoldColumns.POLICY_YEAR).equalTo(policy.policyYear()))
            .select(max(col(GoldColumns.AS_OF)))
            .first();
    return r.isNullAt(0) ? policyOptions.asOf(policy) : r.getAs(0);
  }

  private static Dataset<Row> only(Dataset<Row> table, String id) {
    return table.filter(col(SilverColumns.ID_NUMBER).equalTo(id));
  }
}
