package org.daijiao.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Scripts are split where Spark's own lexer sees a semicolon, never inside a string, a quoted name
 * or a comment; each statement keeps the line it starts on, for messages.
 */
class SqlScriptTest {
  @Test
  void semicolonsInStringsQuotedNamesAndCommentsDoNotEndAStatement() {
    String script =
        "SELECT 'a;b' AS s, \"c;d\" AS t, `e;f` FROM gold.x; -- a comment; with a semicolon\n"
            + "SELECT 'it\\'s; still one' /* a block; comment /* nested; */ still; */ AS u;\n"
            + "\n"
            + "  SELECT 3";
    assertThat(SqlScript.split(script))
        .as("three statements, each with the line it starts on")
        .containsExactly(
            new Statement(1, 1, "SELECT 'a;b' AS s, \"c;d\" AS t, `e;f` FROM gold.x"),
            new Statement(
                2,
                2,
                "SELECT 'it\\'s; still one' /* a block; comment /* nested; */ still; */ AS u"),
            new Statement(3, 4, "SELECT 3"));
  }

  @Test
  void emptyStatementsAndCommentsAloneAreNoStatements() {
    assertThat(SqlScript.split(";;\n-- only a comment;\n/* and; another */ ;  ")).isEmpty();
    assertThat(SqlScript.split("-- first\nSHOW TABLES;;"))
        .containsExactly(new Statement(1, 2, "SHOW TABLES"));
  }

  @Test
  void chineseTextAndCharactersBeyondTheBasicPlaneKeepTheirPlace() {
    List<Statement> statements = SqlScript.split("SELECT '彭水𠀀县' AS a; SELECT '汉葭街道' AS b");
    assertThat(statements)
        .extracting(Statement::text)
        .containsExactly("SELECT '彭水𠀀县' AS a", "SELECT '汉葭街道' AS b");
  }

  @Test
  void aStatementIsCompleteOnlyAtASemicolonOutsideQuotesAndComments() {
    assertThat(SqlScript.isComplete("SELECT 1;")).isTrue();
    assertThat(SqlScript.isComplete("SELECT 1;  -- done\n")).isTrue();
    assertThat(SqlScript.isComplete("SELECT 1\nFROM gold.x")).as("no semicolon yet").isFalse();
    assertThat(SqlScript.isComplete("SELECT 'a;")).as("a string still open").isFalse();
    assertThat(SqlScript.isComplete("SELECT 1 /* a comment;")).as("a comment still open").isFalse();
    assertThat(SqlScript.isComplete("SELECT `a;")).as("a quoted name still open").isFalse();
    assertThat(SqlScript.isComplete("")).isFalse();
  }

  @Test
  void aMessageQuotesOnlyTheFirstWordOfAStatement() {
    assertThat(new Statement(2, 5, "delete FROM gold.eligibility WHERE id_number = 'x'").where())
        .isEqualTo("statement 2 (line 5, DELETE)");
  }
}
