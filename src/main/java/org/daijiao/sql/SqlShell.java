package org.daijiao.sql;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.daijiao.UserFacingException;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;

/**
 * The interactive {@code daijiao sql}: one Spark session for every statement typed, so that only
 * the first pays for starting Spark and reading a table's log. Line editing and history as
 * spark-sql users know them (JLine): a statement ends with a semicolon and may span lines, the up
 * arrow recalls earlier lines, Ctrl-R searches them, Ctrl-C drops the line being typed or cancels
 * the running statement, Ctrl-D or {@code quit;} leaves. The history file is readable by its owner
 * only: the statements typed may hold ID numbers.
 */
public final class SqlShell {
  private static final String PROMPT = "daijiao> ";
  private static final String CONTINUATION = "      -> ";
  private static final Set<PosixFilePermission> OWNER_ONLY =
      PosixFilePermissions.fromString("rw-------");

  private final Queries queries;
  private final Format format;
  private final int limit;
  private final Terminal terminal;
  private final Path history;

  /**
   * @param history where the lines typed are kept between sessions; null for none
   */
  public SqlShell(Queries queries, Format format, int limit, Terminal terminal, Path history) {
    this.queries = queries;
    this.format = format;
    this.limit = limit;
    this.terminal = terminal;
    this.history = history;
  }

  /** Reads and runs statements until Ctrl-D or quit. */
  public void run() {
    LineReaderBuilder builder =
        LineReaderBuilder.builder()
            .terminal(terminal)
            .appName("daijiao")
            // SQL writes != and !: no history expansion of !…
            .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true);
    Path historyFile = history == null ? null : ownerOnly(history);
    if (historyFile != null) {
      builder.variable(LineReader.HISTORY_FILE, historyFile);
    }
    LineReader reader = builder.build();
    PrintWriter out = terminal.writer();
    AtomicBoolean running = new AtomicBoolean();
    terminal.handle(
        Terminal.Signal.INT,
        signal -> {
          if (running.get()) {
            queries.cancelRunning();
          }
        });
    out.println("daijiao sql: statements end with ';'. Tables: SHOW TABLES; quit with Ctrl-D.");
    StringBuilder buffer = new StringBuilder();
    while (true) {
      String line;
      try {
        line = reader.readLine(buffer.isEmpty() ? PROMPT : CONTINUATION);
      } catch (UserInterruptException e) {
        buffer.setLength(0);
        continue;
      } catch (EndOfFileException e) {
        break;
      }
      if (buffer.isEmpty() && isQuit(line)) {
        break;
      }
      buffer.append(line).append('\n');
      if (!SqlScript.isComplete(buffer.toString())) {
        continue;
      }
      String text = buffer.toString();
      buffer.setLength(0);
      for (Statement s : SqlScript.split(text)) {
        running.set(true);
        try {
          runOne(s, out);
        } finally {
          running.set(false);
        }
      }
    }
    saveHistory(reader);
  }

  private void runOne(Statement statement, PrintWriter out) {
    long start = System.nanoTime();
    ResultPrinter printer = new ResultPrinter(format, limit, out, false);
    try {
      queries.inJobGroup(
          () -> {
            printer.print(statement, queries.run(statement));
            return null;
          });
      out.printf(Locale.ROOT, "Time taken: %.2f s%n", (System.nanoTime() - start) / 1e9);
    } catch (UserFacingException e) {
      out.println("daijiao: " + e.getMessage().strip().replaceAll("\\s*\\R\\s*", " "));
    } catch (Exception e) {
      // Spark's SparkException (a cancelled job) is checked but undeclared. As the command line
      // does: the message of an unexpected error may quote data.
      out.println(
          cancelled(e)
              ? "daijiao: cancelled."
              : "daijiao: internal error ("
                  + e.getClass().getName()
                  + "); the statement did not finish.");
    }
    out.flush();
  }

  private static boolean cancelled(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (String.valueOf(t.getMessage()).contains("cancelled")) {
        return true;
      }
    }
    return false;
  }

  private static boolean isQuit(String line) {
    String word = line.strip().replaceAll(";+$", "").strip().toLowerCase(Locale.ROOT);
    return word.equals("quit") || word.equals("exit");
  }

  /**
   * The history file, created or narrowed to its owner before anything is written to it; null (no
   * history) when it cannot be.
   */
  private static Path ownerOnly(Path file) {
    try {
      if (!Files.exists(file)) {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
      } else {
        Files.setPosixFilePermissions(file, OWNER_ONLY);
      }
      return file;
    } catch (UnsupportedOperationException e) {
      // Not a POSIX file system: its default permissions apply.
      return file;
    } catch (IOException e) {
      return null;
    }
  }

  private static void saveHistory(LineReader reader) {
    try {
      reader.getHistory().save();
    } catch (IOException e) {
      // The history is a convenience; losing the last lines must not fail the session.
    }
  }
}
