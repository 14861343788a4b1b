package dev.widgetrequests.consumer.cli;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.filter.Filter;
import ch.qos.logback.core.spi.FilterReply;
import java.util.Iterator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How much the consumer says: the level of its own log lines, and the console's line per request.
 */
public final class ConsoleLog {
  /** The project's loggers; the libraries' stay at the warnings logback.xml sets. */
  private static final String PROJECT = "dev.widgetrequests";

  /** The logger of the line per request. */
  private static final String REQUESTS = "dev.widgetrequests.consumer.requests";

  /** Levels a user may choose for the project's lines. */
  public enum Level {
    error,
    warn,
    info,
    debug
  }

  private ConsoleLog() {}

  /**
   * Logs the project's lines from {@code level} up, to the console and the log file alike; with
   * {@code quiet}, the line per request stays off the console (the log file still gets it).
   */
  public static void apply(Level level, boolean quiet) {
    if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
      return;
    }
    context.getLogger(PROJECT).setLevel(ch.qos.logback.classic.Level.toLevel(level.name()));
    ch.qos.logback.classic.Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
    for (Iterator<Appender<ILoggingEvent>> it = root.iteratorForAppenders(); it.hasNext(); ) {
      if (it.next() instanceof ConsoleAppender<ILoggingEvent> console) {
        console.clearAllFilters();
        if (quiet) {
          console.addFilter(new WithoutRequestLines());
        }
      }
    }
  }

  private static final class WithoutRequestLines extends Filter<ILoggingEvent> {
    WithoutRequestLines() {
      start();
    }

    @Override
    public FilterReply decide(ILoggingEvent event) {
      return event.getLoggerName().equals(REQUESTS) ? FilterReply.DENY : FilterReply.NEUTRAL;
    }
  }
}
