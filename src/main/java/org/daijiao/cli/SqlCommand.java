package org.daijiao.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.daijiao.UserFacingException;
import org.daijiao.UserFacingException.Code;
import org.daijiao.ops.RunTables;
import org.daijiao.sql.Format;
import org.daijiao.sql.Queries;
import org.daijiao.sql.ResultPrinter;
import org.daijiao.sql.SqlScript;
import org.daijiao.sql.SqlShell;
import org.daijiao.sql.Statement;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Query any table as {@code <layer>.<table>}: one query, a script of statements ({@code -f}), or,
 * with neither, an interactive shell on one Spark session. Read-only unless {@code --allow-writes}
 * (decided on Spark's parsed plan, {@code sql/ReadOnly}). Stdout carries only the results, so they
 * can be piped (formats: {@code sql/ResultPrinter}).
 */
@Command(
    name = "sql",
    mixinStandardHelpOptions = true,
    description = {
      "Queries the warehouse's tables with Spark SQL, read-only.",
      "QUERY runs one query; -f FILE runs the statements of a file ('-' for stdin),"
          + " separated by ';'; with neither, on a terminal, an interactive shell keeps one"
          + " session for every statement.",
      "Tables are named layer.table (bronze, quality, silver, gold, ops). A statement that"
          + " would change a table is refused unless --allow-writes.",
      "Without --run, every table is read as the last finished run left it; time travel"
          + " with VERSION AS OF n or TIMESTAMP AS OF '…' (docs/analysts.md)."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  bin/daijiao sql \"SELECT * FROM gold.coverage_stats WHERE level = 'COUNTY'\"",
      "  bin/daijiao sql --format csv -f queries.sql > out.csv",
      "  bin/daijiao sql --run 20221231T020000-3f9a \"SELECT count(*) FROM gold.subsidy_ledger\""
    })
public final class SqlCommand implements Callable<Integer> {
  @Mixin CommonOptions common;

  @Option(
      names = "--format",
      description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).",
      defaultValue = "table")
  Format format;

  @Option(
      names = "--limit",
      description =
          "Most rows printed in table format (default: ${DEFAULT-VALUE}); csv and json print all.",
      defaultValue = "200")
  int limit;

  @Option(
      names = {"-f", "--file"},
      paramLabel = "FILE",
      description =
          "Run the statements of FILE ('-' for standard input), separated by ';'. csv and table"
              + " put a blank line between result sets; json prints one document per statement"
              + " and line.")
  String file;

  @Option(
      names = "--allow-writes",
      description =
          "Let statements change tables (INSERT, UPDATE, DELETE, MERGE, DROP, ALTER, CREATE …)."
              + " A table changed by hand is replaced by the next run.")
  boolean allowWrites;

  @Option(
      names = "--run",
      paramLabel = "RUN_ID",
      description =
          "Read every table as the recorded run RUN_ID left it (`daijiao runs` lists them);"
              + " default: as the last finished run left it.")
  String run;

  @Parameters(
      arity = "0..1",
      paramLabel = "QUERY",
      description = "The SQL query, e.g. \"SELECT * FROM gold.coverage_stats\".")
  String query;

  @Override
  public Integer call() {
    if (query != null && file != null) {
      throw new UserFacingException(Code.OPTION, "Give either a QUERY or -f FILE, not both.");
    }
    String script = query != null ? query : file != null ? read(file) : null;
    boolean shell = script == null && System.console() != null;
    if (!shell && script == null) {
      // No terminal to talk with: the statements come from standard input, as with -f -.
      script = read("-");
    }
    List<Statement> statements = shell ? List.of() : statements(script);
    try (Spark spark = new Spark(common)) {
      Queries queries = new Queries(spark.session, allowWrites, sql -> registerTables(spark, sql));
      if (shell) {
        shell(queries);
      } else {
        queries.check(statements);
        PrintWriter out =
            new PrintWriter(
                new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        // One query prints as sql always has; anything else as a script's result sets.
        ResultPrinter printer =
            new ResultPrinter(format, limit, out, query == null || statements.size() > 1);
        for (Statement s : statements) {
          queries.inJobGroup(
              () -> {
                printer.print(s, queries.run(s));
                return null;
              });
        }
        out.flush();
      }
    }
    return 0;
  }

  /**
   * Makes the tables that {@code sql} names queryable as {@code layer.table} (every table when it
   * names none, e.g. SHOW TABLES): the one place this command registers tables.
   */
  private void registerTables(Spark spark, String sql) {
    if (allowWrites && run == null) {
      // A statement that changes a table changes its latest version, not a run's view of it.
      spark.warehouse.registerNamedIn(spark.session, sql);
    } else {
      // As the last finished run (or --run RUN_ID) left each table (docs/operations.md#readers).
      RunTables.registerNamedIn(spark.session, spark.warehouse, sql, run, System.err);
    }
  }

  private void shell(Queries queries) {
    try (Terminal terminal = TerminalBuilder.builder().system(true).build()) {
      new SqlShell(queries, format, limit, terminal, historyFile()).run();
    } catch (IOException e) {
      throw new UserFacingException(
          Code.OPTION,
          "The terminal cannot be used for the shell ("
              + e.getMessage()
              + "): pass a QUERY or -f FILE instead.");
    }
  }

  /** {@code ~/.daijiao_sql_history}, readable by its owner only; none without a home folder. */
  private static Path historyFile() {
    String home = System.getProperty("user.home");
    return home == null || home.isBlank() ? null : Path.of(home, ".daijiao_sql_history");
  }

  private static String read(String file) {
    try {
      return file.equals("-")
          ? new String(System.in.readAllBytes(), StandardCharsets.UTF_8)
          : Files.readString(Path.of(file), StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new UserFacingException(
          Code.OPTION, "-f " + file + ": no such file; give the path of a file of SQL statements.");
    } catch (IOException e) {
      throw new UserFacingException(
          Code.OPTION,
          "-f " + file + " cannot be read as UTF-8 text (" + e.getClass().getSimpleName() + ").");
    }
  }

  private static List<Statement> statements(String script) {
    List<Statement> statements = SqlScript.split(script);
    if (statements.isEmpty()) {
      throw new UserFacingException(
          Code.QUERY, "There is no SQL statement to run (only blanks, comments or ';').");
    }
    return statements;
  }
}
