package org.daijiao.sql;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.not;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.sql.AnalysisException;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.analysis.UnresolvedNamespace;
import org.apache.spark.sql.catalyst.plans.logical.LogicalPlan;
import org.apache.spark.sql.catalyst.plans.logical.ShowTables;
import org.daijiao.UserFacingException;
import org.daijiao.UserFacingException.Code;
import org.daijiao.identity.IdNumber;
import org.daijiao.spark.JobGroups;
import org.daijiao.spark.Warehouse;

/**
 * Runs the statements of {@code daijiao sql} on one session: parses each with Spark's parser,
 * refuses one that would change a table unless writes are allowed ({@link ReadOnly}), registers the
 * tables it names, and runs it. Messages name the statement by number, line and first word and
 * never quote the rest of it (it may hold an ID number); ID numbers in Spark's messages are masked.
 */
public final class Queries {
  /** The job group of every statement, so that the shell's Ctrl-C can cancel the running one. */
  private static final String GROUP = "daijiao-sql";

  /** The column of SHOW TABLES that tells a temporary view (Spark's own name for it). */
  private static final String IS_TEMPORARY = "isTemporary";

  private static final Pattern ID_18 = Pattern.compile("(?<![0-9])[0-9]{17}[0-9Xx](?![0-9])");
  private static final Pattern DIGITS_15 = Pattern.compile("(?<![0-9])([0-9]{6})[0-9]{9}(?![0-9])");

  private final SparkSession spark;
  private final boolean allowWrites;
  private final Consumer<String> registerTables;

  /**
   * @param registerTables makes the tables a statement names queryable as {@code layer.table} (all
   *     of them when it names none); the command line knows the warehouse
   */
  public Queries(SparkSession spark, boolean allowWrites, Consumer<String> registerTables) {
    this.spark = spark;
    this.allowWrites = allowWrites;
    this.registerTables = registerTables;
  }

  /**
   * Parses every statement and checks that each may run, before any runs: a script with a write in
   * its tenth statement changes nothing, not nine statements' worth.
   *
   * @throws UserFacingException for the first statement that is not valid SQL or would write
   */
  public void check(List<Statement> statements) {
    for (Statement s : statements) {
      mayRun(s, parse(s));
    }
  }

  /**
   * Runs one statement: a command has run when this returns; a query's rows are computed when
   * printed (inside {@link #inJobGroup}, so that they can be cancelled).
   */
  public Dataset<Row> run(Statement statement) {
    LogicalPlan plan = parse(statement);
    mayRun(statement, plan);
    registerTables.accept(statement.text());
    try {
      if (listsEveryLayer(plan)) {
        return tablesOfEveryLayer((ShowTables) plan);
      }
      return spark.sql(statement.text());
    } catch (Exception e) {
      // Spark throws AnalysisException (a checked exception) without declaring it.
      if (e instanceof AnalysisException a) {
        throw new UserFacingException(
            Code.QUERY, statement.where() + " cannot run: " + masked(a.getSimpleMessage()));
      }
      throw e instanceof RuntimeException r ? r : new IllegalStateException(e);
    }
  }

  /** Runs {@code work} (a statement and the printing of its rows) in the cancellable group. */
  public <T> T inJobGroup(Supplier<T> work) {
    // Reads are interrupted on cancel, so that Ctrl-C stops a long query at once; writes
    // (--allow-writes) are left to stop at their next check, as Spark advises for HDFS.
    return JobGroups.run(spark, GROUP, "daijiao sql", !allowWrites, work);
  }

  /** Cancels the Spark jobs of the statement running now, if any (the shell's Ctrl-C). */
  public void cancelRunning() {
    spark.sparkContext().cancelJobGroup(GROUP);
  }

  private LogicalPlan parse(Statement statement) {
    try {
      return spark.sessionState().sqlParser().parsePlan(statement.text());
    } catch (Exception e) {
      if (e.getClass().getName().endsWith("ParseException")) {
        throw new UserFacingException(
            Code.QUERY,
            statement.where()
                + " is not valid SQL: "
                + masked(
                    String.valueOf(e.getMessage())
                        .lines()
                        .filter(line -> !line.isBlank())
                        .findFirst()
                        .orElse("")));
      }
      throw e instanceof RuntimeException r ? r : new IllegalStateException(e);
    }
  }

  private void mayRun(Statement statement, LogicalPlan plan) {
    Optional<String> change = ReadOnly.change(plan);
    if (change.isPresent() && !allowWrites) {
      throw new UserFacingException(
          Code.READ_ONLY,
          statement.where()
              + " would change the warehouse ("
              + change.get()
              + ") and daijiao sql only reads: "
              + Code.READ_ONLY.fix()
              + ".");
    }
  }

  /**
   * SHOW TABLES with no namespace and none chosen by USE: the tables of every layer, as an analyst
   * expects of a warehouse named layer by layer, rather than Spark's empty default namespace.
   */
  private boolean listsEveryLayer(LogicalPlan plan) {
    return plan instanceof ShowTables show
        && show.namespace() instanceof UnresolvedNamespace ns
        && ns.multipartIdentifier().isEmpty()
        && spark.catalog().currentDatabase().equals("default");
  }

  private Dataset<Row> tablesOfEveryLayer(ShowTables show) {
    String like =
        show.pattern().isDefined()
            ? " LIKE '" + show.pattern().get().replace("\\", "\\\\").replace("'", "\\'") + "'"
            : "";
    // Temporary views are listed with every namespace: once, from the default one.
    Dataset<Row> tables = spark.sql("SHOW TABLES" + like);
    for (String layer : Warehouse.LAYERS) {
      if (spark.catalog().databaseExists(layer)) {
        tables =
            tables.union(spark.sql("SHOW TABLES IN " + layer + like).where(not(col(IS_TEMPORARY))));
      }
    }
    return tables;
  }

  /** A message with every ID-shaped digit run masked as work lists mask IDs. */
  static String masked(String message) {
    Matcher ids = ID_18.matcher(message);
    StringBuilder out = new StringBuilder();
    while (ids.find()) {
      ids.appendReplacement(out, Matcher.quoteReplacement(IdNumber.mask(ids.group())));
    }
    ids.appendTail(out);
    return DIGITS_15.matcher(out).replaceAll("$1*********");
  }
}
