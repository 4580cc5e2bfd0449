package org.daijiao.cli;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.apache.spark.sql.Row;
import org.daijiao.UserFacingException;
import org.daijiao.UserFacingException.Code;
import org.daijiao.decide.Decider;
import org.daijiao.decide.DecisionLookup;
import org.daijiao.decide.ExplainedDecision;
import org.daijiao.decide.Explanation;
import org.daijiao.identity.IdNumber;
import org.daijiao.person.PersonTimeline;
import org.daijiao.policy.Policy;
import org.daijiao.policy.RunParameters;
import org.daijiao.repair.RejectedRows;
import org.daijiao.repair.RepairExplanation;
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
      "Explains one person's decision rule by rule, citing the notice.",
      "With --id: the categories held, the age window, the exclusions, the resolution, the"
          + " tier, the money, the batch and the status, each with its clause; the ID is masked."
          + " With --line: a roster row rejected for its ID number and its repair candidates."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  bin/daijiao explain --id 50024319740404276X",
      "  bin/daijiao explain --id 50024319740404276X --as-of 2022-08-31",
      "  bin/daijiao explain --line civil_affairs:minzheng_b.csv:18"
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
      Optional<PersonTimeline> timeline =
          DecisionLookup.timeline(spark.session, w, key, policy.policyYear(), asOf);
      if (timeline.isEmpty()) {
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
      ExplainedDecision explained = new Decider(policy, asOf).explain(timeline.get());
      out.println(Explanation.render(timeline.get(), explained, policy));
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
      List<Row> candidates =
          RejectedRows.candidates(spark.session, spark.warehouse, source, sourceFile, line);
      if (!candidates.isEmpty()) {
        out.print(RepairExplanation.render(candidates));
        return 0;
      }
      Optional<RejectedRows.Rejection> rejected =
          RejectedRows.rejection(spark.session, spark.warehouse, source, sourceFile, line);
      out.println(
          sourceFile
              + " line "
              + line
              + (rejected.isEmpty()
                  ? ": not a rejected row of this run (it was read, or the file has no such line)."
                  : ": rejected, "
                      + rejected.get().reason()
                      + " ("
                      + rejected.get().detail()
                      + "); not for its ID number, so no repair candidates."));
    }
    return 0;
  }

  /** The as_of of the stored decisions of the year, so that the explanation matches them. */
  private LocalDate asOf(Spark spark, Policy policy) {
    if (policyOptions.asOf != null) {
      return policyOptions.asOf(policy);
    }
    return DecisionLookup.decidedAsOf(spark.session, spark.warehouse, policy.policyYear())
        .orElseGet(() -> policyOptions.asOf(policy));
  }
}
