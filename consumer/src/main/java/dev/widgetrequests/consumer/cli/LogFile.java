package dev.widgetrequests.consumer.cli;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.FileAppender;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Adds the consumer's log file beside the console logging set up by logback.xml. */
public final class LogFile {
  private LogFile() {}

  /** Also writes every log line to {@code file} ({@code null}: console only). */
  public static void attach(Path file) {
    attach(file, LogFormat.text);
  }

  /** Also writes every log line to {@code file} ({@code null}: console only) in {@code format}. */
  public static void attach(Path file, LogFormat format) {
    attach(file, Logger.ROOT_LOGGER_NAME, false, format);
  }

  /**
   * Writes what {@code loggerName} and its children log to {@code file}; {@code only} keeps those
   * lines off the console.
   */
  public static void attach(Path file, String loggerName, boolean only) {
    attach(file, loggerName, only, LogFormat.text);
  }

  private static void attach(Path file, String loggerName, boolean only, LogFormat format) {
    if (file == null || !(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
      return;
    }
    String name = "file:" + file.toAbsolutePath();
    ch.qos.logback.classic.Logger root = context.getLogger(loggerName);
    root.setAdditive(!only);
    if (root.getAppender(name) != null) {
      return; // already logging there (several runs in one JVM)
    }
    FileAppender<ILoggingEvent> appender = new FileAppender<>();
    appender.setContext(context);
    appender.setName(name);
    appender.setFile(file.toString());
    appender.setAppend(true);
    appender.setEncoder(
        format.encoder(
            context, "%d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX} %-5level [%thread] %logger{24} - %msg%n"));
    appender.start();
    root.addAppender(appender);
  }

  /** Writes out buffered log lines before the process ends abruptly. */
  public static void flush() {
    if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
      context.stop();
    }
  }
}
