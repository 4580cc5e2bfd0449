package org.daijiao.sql;

import java.security.CodeSource;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.apache.spark.sql.catalyst.analysis.LocalTempView$;
import org.apache.spark.sql.catalyst.analysis.UnresolvedFunction;
import org.apache.spark.sql.catalyst.expressions.Expression;
import org.apache.spark.sql.catalyst.expressions.SubqueryExpression;
import org.apache.spark.sql.catalyst.plans.QueryPlan;
import org.apache.spark.sql.catalyst.plans.logical.Command;
import org.apache.spark.sql.catalyst.plans.logical.DescribeColumn;
import org.apache.spark.sql.catalyst.plans.logical.DescribeFunction;
import org.apache.spark.sql.catalyst.plans.logical.DescribeNamespace;
import org.apache.spark.sql.catalyst.plans.logical.DescribeRelation;
import org.apache.spark.sql.catalyst.plans.logical.InsertIntoDir;
import org.apache.spark.sql.catalyst.plans.logical.LogicalPlan;
import org.apache.spark.sql.catalyst.plans.logical.ParsedStatement;
import org.apache.spark.sql.catalyst.plans.logical.ScriptTransformation;
import org.apache.spark.sql.catalyst.plans.logical.SetCatalogAndNamespace;
import org.apache.spark.sql.catalyst.plans.logical.ShowColumns;
import org.apache.spark.sql.catalyst.plans.logical.ShowCreateTable;
import org.apache.spark.sql.catalyst.plans.logical.ShowFunctions;
import org.apache.spark.sql.catalyst.plans.logical.ShowNamespaces;
import org.apache.spark.sql.catalyst.plans.logical.ShowPartitions;
import org.apache.spark.sql.catalyst.plans.logical.ShowTableExtended;
import org.apache.spark.sql.catalyst.plans.logical.ShowTableProperties;
import org.apache.spark.sql.catalyst.plans.logical.ShowTables;
import org.apache.spark.sql.catalyst.plans.logical.ShowViews;
import org.apache.spark.sql.delta.commands.DescribeDeltaDetailCommand;
import org.apache.spark.sql.delta.commands.DescribeDeltaHistory;
import org.apache.spark.sql.execution.command.CreateViewCommand;
import org.apache.spark.sql.execution.command.DescribeQueryCommand;
import org.apache.spark.sql.execution.command.ExplainCommand;
import org.apache.spark.sql.execution.command.ResetCommand;
import org.apache.spark.sql.execution.command.SetCommand;
import org.apache.spark.sql.execution.command.ShowCurrentNamespaceCommand;
import scala.collection.JavaConverters;

/**
 * Whether a parsed statement only reads. Decided on the plan Spark's parser (with Delta's
 * extension) makes of it, never on keywords: a statement reads when its plan is a query made of
 * Spark's own query nodes only, or one of the commands that only show something.
 *
 * <p>Anything else is taken as a change: a command (DELETE, UPDATE, MERGE, DROP, ALTER, CREATE,
 * TRUNCATE, OPTIMIZE, VACUUM, CACHE, ADD JAR …), an INSERT (a parsed statement), INSERT OVERWRITE
 * DIRECTORY, a node that Delta's parser adds (RESTORE, CLONE are not Spark commands) — and two
 * things that run code of the user's choosing inside a query: SELECT TRANSFORM … USING 'script' and
 * the reflect/java_method functions. A new kind of statement in a later Spark or Delta is therefore
 * refused until it is listed here, never let through unnoticed.
 */
public final class ReadOnly {
  /** Commands that only show something (SHOW, DESCRIBE, EXPLAIN) or set the session (SET, USE). */
  private static final Set<Class<?>> SHOWING =
      Set.of(
          ShowTables.class,
          ShowTableExtended.class,
          ShowNamespaces.class,
          ShowColumns.class,
          ShowTableProperties.class,
          ShowCreateTable.class,
          ShowPartitions.class,
          ShowViews.class,
          ShowFunctions.class,
          ShowCurrentNamespaceCommand.class,
          DescribeRelation.class,
          DescribeColumn.class,
          DescribeNamespace.class,
          DescribeFunction.class,
          DescribeDeltaHistory.class,
          DescribeDeltaDetailCommand.class,
          SetCommand.class,
          ResetCommand.class,
          SetCatalogAndNamespace.class);

  /** Functions that call any static Java method: a query could change anything through them. */
  private static final Set<String> REFLECTION = Set.of("reflect", "java_method");

  /** Where Spark's own plan nodes come from; Delta puts some of its own into Spark's packages. */
  private static final CodeSource SPARK_PLANS =
      LogicalPlan.class.getProtectionDomain().getCodeSource();

  private ReadOnly() {}

  /**
   * What in {@code plan} would change something (a plan node's name, e.g. {@code DeleteFromTable}),
   * or empty when the statement only reads.
   */
  public static Optional<String> change(LogicalPlan plan) {
    if (plan instanceof ExplainCommand) {
      // EXPLAIN plans the statement and never runs it, writes included.
      return Optional.empty();
    }
    if (plan instanceof CreateViewCommand view && view.viewType() == LocalTempView$.MODULE$) {
      // A temporary view lives in this session only; its query must still only read.
      return changeInQuery(view.plan());
    }
    if (plan instanceof DescribeQueryCommand describe) {
      return changeInQuery(describe.plan());
    }
    if (SHOWING.contains(plan.getClass())) {
      return Optional.empty();
    }
    return changeInQuery(plan);
  }

  /** The first node of a query's tree, its subqueries and CTEs that is not a plain query node. */
  private static Optional<String> changeInQuery(LogicalPlan query) {
    Deque<QueryPlan<?>> open = new ArrayDeque<>();
    open.push(query);
    while (!open.isEmpty()) {
      QueryPlan<?> node = open.pop();
      if (node instanceof Command
          || node instanceof ParsedStatement
          || node instanceof InsertIntoDir
          || node instanceof ScriptTransformation
          || !Objects.equals(node.getClass().getProtectionDomain().getCodeSource(), SPARK_PLANS)) {
        return Optional.of(node.nodeName());
      }
      for (Expression e : JavaConverters.seqAsJavaList(node.expressions())) {
        Optional<String> inExpression = changeIn(e, open);
        if (inExpression.isPresent()) {
          return inExpression;
        }
      }
      JavaConverters.seqAsJavaList(node.children()).forEach(open::push);
      // CTE definitions and a command's query are inner children, not children.
      JavaConverters.seqAsJavaList(node.innerChildren()).forEach(open::push);
    }
    return Optional.empty();
  }

  /** A call to a reflection function in {@code e}; subquery plans go on {@code open}. */
  private static Optional<String> changeIn(Expression e, Deque<QueryPlan<?>> open) {
    Deque<Expression> expressions = new ArrayDeque<>();
    expressions.push(e);
    while (!expressions.isEmpty()) {
      Expression x = expressions.pop();
      if (x instanceof UnresolvedFunction f
          && REFLECTION.contains(f.nameParts().last().toLowerCase(Locale.ROOT))) {
        return Optional.of(f.nameParts().last() + "()");
      }
      if (x instanceof SubqueryExpression s) {
        open.push(s.plan());
      }
      JavaConverters.seqAsJavaList(x.children()).forEach(expressions::push);
    }
    return Optional.empty();
  }
}
