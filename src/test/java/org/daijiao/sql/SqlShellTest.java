package org.daijiao.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.daijiao.PipelineFixture;
import org.daijiao.TestSpark;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.DumbTerminal;
import org.junit.jupiter.api.Test;

/**
 * The interactive shell, typed at through a dumb terminal: statements end at a semicolon and may
 * span lines, a statement that fails or would write is answered and the shell goes on, and every
 * statement runs on the one session. The history file is its owner's only.
 */
class SqlShellTest {
  @Test
  void statementsRunOneAfterAnotherOnOneSessionUntilQuit() throws Exception {
    Path history = PipelineFixture.tempDir("sql-shell").resolve("history");
    String typed =
        "SELECT 1 AS one;\n"
            + "SELECT 'two'\n"
            + "  AS two; SELECT 3 AS three;\n"
            + "DROP TABLE gold.subsidy_ledger;\n"
            + "SELECT no_such_column;\n"
            + "SELECT 4 AS four;\n"
            + "quit\n"
            + "SELECT 5 AS never;\n";
    ByteArrayOutputStream screen = new ByteArrayOutputStream();
    // A DumbTerminal of its own: TerminalBuilder picks a pseudo-terminal where one exists, which
    // echoes the input and closes before the shell reads it.
    try (Terminal terminal =
        new DumbTerminal(
            new ByteArrayInputStream(typed.getBytes(StandardCharsets.UTF_8)), screen)) {
      Queries queries = new Queries(TestSpark.session(), false, sql -> {});
      new SqlShell(queries, Format.table, 10, terminal, history).run();
    }
    String shown = screen.toString(StandardCharsets.UTF_8);
    assertThat(shown)
        .as("what the shell showed")
        .contains("one\n---\n1\n(1 rows)\nTime taken: ")
        .contains("two\n---\ntwo\n(1 rows)\n")
        .contains("three\n-----\n3\n(1 rows)\n")
        .contains("daijiao: statement 1 (line 1, DROP) would change the warehouse")
        .contains("daijiao: statement 1 (line 1, SELECT) cannot run: ")
        .contains("four\n----\n4\n(1 rows)\n")
        .doesNotContain("never");
    assertThat(Files.getPosixFilePermissions(history))
        .as("permissions of the history file: the statements typed may hold ID numbers")
        .isEqualTo(PosixFilePermissions.fromString("rw-------"));
    assertThat(Files.readString(history)).contains("SELECT 4 AS four;");
  }
}
