package org.daijiao.cli;

import java.io.PrintWriter;
import org.daijiao.UserFacingException;
import org.daijiao.spark.FailureCause;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code bin/daijiao}: the one entry point. Only this class decides the exit code: 0 on success, 1
 * with a one-line cause on stderr when something is wrong with the input or the options, 2 for a
 * usage error.
 */
@Command(
    name = "daijiao",
    mixinStandardHelpOptions = true,
    version = "daijiao 0.1.0",
    description = {
      "代缴: pays the resident pension contributions of Pengshui County's poor groups, and"
          + " proves it.",
      "Reads the departments' exports, resolves each person's identity, applies the"
          + " county's notice and keeps the subsidy ledger, the funding requests, the coverage"
          + " statistics and the work lists as Delta tables. Every command takes --help; the"
          + " guide is README.md, the rules docs/rules.md."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  bin/daijiao run                                  # the bundled sample, end to end",
      "  bin/daijiao sql \"SELECT * FROM gold.coverage_stats WHERE level = 'COUNTY'\"",
      "  bin/daijiao explain --id 50024319740404276X      # why this person got this decision"
    },
    subcommands = {
      RunCommand.class,
      IngestCommand.class,
      ResolveCommand.class,
      DecideCommand.class,
      StatsCommand.class,
      SqlCommand.class,
      ExplainCommand.class,
      GenerateCommand.class,
      ExportCommand.class,
      ReportCommand.class,
      WorklistsCommand.class,
      RunsCommand.class,
      DiffCommand.class,
      CompareCommand.class,
      MaintainCommand.class,
      BackupCommand.class,
      RestoreCommand.class,
      DuckdbViewsCommand.class,
      CommandLine.HelpCommand.class
    })
public final class Main implements Runnable {
  /** Columns of the help texts. */
  static final int USAGE_WIDTH = 100;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.err);
  }

  public static void main(String[] args) {
    System.exit(execute(args));
  }

  /**
   * The command line of {@code bin/daijiao} and its commands, with the help's width: wide enough
   * that the command list shows each command's one-sentence summary on one line.
   */
  static CommandLine commandLine() {
    CommandLine cli = new CommandLine(new Main());
    cli.getSubcommands()
        .get("help")
        .getCommandSpec()
        .usageMessage()
        .header("Shows the help of a command, as COMMAND --help does.")
        .description(new String[0])
        .footerHeading("%nExamples:%n")
        .footer("  bin/daijiao help run", "  bin/daijiao help sql");
    cli.setUsageHelpWidth(USAGE_WIDTH);
    return cli;
  }

  /** Runs a command line and returns the exit code (tests call this instead of main). */
  public static int execute(String... args) {
    CommandLine cli = commandLine();
    cli.setErr(new PrintWriter(System.err, true));
    cli.setExecutionExceptionHandler(
        (e, commandLine, parseResult) -> {
          boolean verbose =
              parseResult.hasMatchedOption("--verbose")
                  || parseResult.subcommand() != null
                      && parseResult.subcommand().hasMatchedOption("--verbose");
          return reportFailure(e, verbose);
        });
    try {
      return cli.execute(args);
    } catch (Error e) {
      // Out of memory, a file system's FSError: picocli hands only exceptions to the handler.
      return reportFailure(e, java.util.Arrays.asList(args).contains("--verbose"));
    }
  }

  static int reportFailure(Throwable e, boolean verbose) {
    if (verbose) {
      e.printStackTrace(System.err);
    }
    // A full disk, a refused permission, a driver out of memory: named with the fix, not a bug.
    java.util.Optional<UserFacingException> named = FailureCause.named(e);
    if (named.isPresent()) {
      // docs/operations.md#exit-codes: a one-line cause. Spark's analysis messages span several
      // lines; they are joined.
      System.err.println(
          "daijiao: "
              + String.valueOf(named.get().getMessage()).strip().replaceAll("\\s*\\R\\s*", " "));
    } else {
      // Messages of unexpected errors may quote data: only the type goes out unless --verbose.
      System.err.println(
          "daijiao: internal error ("
              + e.getClass().getName()
              + "); run again with --verbose for details and report it.");
    }
    return 1;
  }
}
