package org.daijiao;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.Configurator;
import org.apache.logging.log4j.core.config.Property;

/**
 * Everything a run says: every log event at INFO and above (TRACE for daijiao's own loggers), with
 * its stack trace, and everything written to System.out and System.err. {@link #close} restores the
 * logging configuration from its file and the standard streams.
 */
final class CapturedOutput implements AutoCloseable {
  private final List<String> logLines = Collections.synchronizedList(new ArrayList<>());
  private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
  private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
  private final PrintStream originalOut = System.out;
  private final PrintStream originalErr = System.err;
  private final LoggerContext context = (LoggerContext) LogManager.getContext(false);
  private final AbstractAppender appender;

  private CapturedOutput() {
    appender =
        new AbstractAppender("daijiao-capture", null, null, true, Property.EMPTY_ARRAY) {
          @Override
          public void append(LogEvent event) {
            StringBuilder line = new StringBuilder();
            line.append(event.getLevel())
                .append(' ')
                .append(event.getLoggerName())
                .append(": ")
                .append(event.getMessage().getFormattedMessage());
            for (Throwable t = event.getThrown(); t != null; t = t.getCause()) {
              line.append("\n  caused by ").append(t);
              for (StackTraceElement e : t.getStackTrace()) {
                line.append("\n    at ").append(e);
              }
            }
            logLines.add(line.toString());
          }
        };
    appender.start();
  }

  /** Starts capturing: logging as verbose as a run can stand, and both standard streams. */
  static CapturedOutput start() {
    CapturedOutput c = new CapturedOutput();
    Configuration config = c.context.getConfiguration();
    config.addAppender(c.appender);
    // Every logger of the current configuration gets the appender: some may not be additive.
    // The console appenders go for the time of the capture: INFO from Spark would flood the test
    // report.
    List<org.apache.logging.log4j.core.config.LoggerConfig> loggers =
        new ArrayList<>(config.getLoggers().values());
    loggers.add(config.getRootLogger());
    for (var logger : loggers) {
      for (String name : List.copyOf(logger.getAppenders().keySet())) {
        logger.removeAppender(name);
      }
      logger.addAppender(c.appender, Level.ALL, null);
    }
    Configurator.setAllLevels(LogManager.ROOT_LOGGER_NAME, Level.INFO);
    Configurator.setAllLevels("org.daijiao", Level.TRACE);
    c.context.updateLoggers();
    System.setOut(new PrintStream(new Tee(c.originalOut, c.stdout), true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(new Tee(c.originalErr, c.stderr), true, StandardCharsets.UTF_8));
    return c;
  }

  List<String> logLines() {
    synchronized (logLines) {
      return List.copyOf(logLines);
    }
  }

  String stdout() {
    return stdout.toString(StandardCharsets.UTF_8);
  }

  String stderr() {
    return stderr.toString(StandardCharsets.UTF_8);
  }

  @Override
  public void close() {
    System.out.flush();
    System.err.flush();
    System.setOut(originalOut);
    System.setErr(originalErr);
    appender.stop();
    // Back to daijiao-log4j2.properties: levels as configured, the capture appender gone.
    context.reconfigure();
  }

  /** Writes to the original stream (so a failing run can still be read) and to the capture. */
  private static final class Tee extends OutputStream {
    private final OutputStream a;
    private final OutputStream b;

    Tee(OutputStream a, OutputStream b) {
      this.a = a;
      this.b = b;
    }

    @Override
    public synchronized void write(int c) {
      try {
        a.write(c);
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
      synchronized (b) {
        try {
          b.write(c);
        } catch (java.io.IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      }
    }

    @Override
    public synchronized void write(byte[] buf, int off, int len) {
      try {
        a.write(buf, off, len);
        synchronized (b) {
          b.write(buf, off, len);
        }
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }

    @Override
    public void flush() throws java.io.IOException {
      a.flush();
    }
  }
}
