package org.daijiao.sql;

import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CodePointCharStream;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.misc.Interval;
import org.apache.spark.sql.catalyst.parser.SqlBaseLexer;
import org.apache.spark.sql.catalyst.parser.UpperCaseCharStream;

/**
 * Splits SQL text into statements at the semicolons Spark's own lexer sees: a semicolon inside a
 * string ('…', "…", with backslash escapes), a quoted name (`…`) or a comment (-- …, nested /* …
 * *&#47;) does not end a statement, exactly as Spark reads the text. Spark 3.5 parses one statement
 * at a time, so a script is split here first.
 */
public final class SqlScript {
  private SqlScript() {}

  /** The statements of {@code script}, in order; empty ones (;;) and comments alone are dropped. */
  public static List<Statement> split(String script) {
    CodePointCharStream chars = CharStreams.fromString(script);
    List<Statement> statements = new ArrayList<>();
    Token first = null;
    Token last = null;
    for (Token t : tokens(chars)) {
      if (t.getType() == SqlBaseLexer.SEMICOLON) {
        if (first != null) {
          statements.add(statement(chars, statements.size() + 1, first, last));
        }
        first = null;
        last = null;
      } else if (t.getChannel() == Token.DEFAULT_CHANNEL) {
        first = first == null ? t : first;
        last = t;
      }
    }
    if (first != null) {
      statements.add(statement(chars, statements.size() + 1, first, last));
    }
    return statements;
  }

  /**
   * True when {@code text} ends a statement: its last token (comments and blanks aside) is a
   * semicolon, and no quote or comment is left open. The shell reads lines until then, as spark-sql
   * and psql do.
   */
  public static boolean isComplete(String text) {
    SqlBaseLexer lexer = lexer(CharStreams.fromString(text));
    Token last = null;
    boolean openQuote = false;
    for (Token t : lexer.getAllTokens()) {
      if (t.getChannel() == Token.DEFAULT_CHANNEL) {
        last = t;
        // A quote the lexer could not close is a lone UNRECOGNIZED quote character.
        openQuote |= t.getType() == SqlBaseLexer.UNRECOGNIZED && "'\"`".contains(t.getText());
      }
    }
    return last != null
        && last.getType() == SqlBaseLexer.SEMICOLON
        && !openQuote
        && !lexer.has_unclosed_bracketed_comment;
  }

  private static List<? extends Token> tokens(CodePointCharStream chars) {
    return lexer(chars).getAllTokens();
  }

  private static SqlBaseLexer lexer(CodePointCharStream chars) {
    SqlBaseLexer lexer = new SqlBaseLexer(new UpperCaseCharStream(chars));
    // An unclosed quote becomes an UNRECOGNIZED token, which the parser then reports with its
    // position; the lexer itself must not print to the console.
    lexer.removeErrorListeners();
    return lexer;
  }

  private static Statement statement(
      CodePointCharStream chars, int number, Token first, Token last) {
    // Token positions count code points: the text comes from the stream, not from String.substring.
    String text = chars.getText(Interval.of(first.getStartIndex(), last.getStopIndex()));
    return new Statement(number, first.getLine(), text);
  }
}
