package dev.widgetrequests.consumer.cli;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.rolling.FixedWindowRollingPolicy;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.SizeBasedTriggeringPolicy;
import ch.qos.logback.core.util.FileSize;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Adds the consumer's log file beside the console logging set up by logback.xml. The file rolls
 * over at {@link #MAX_SIZE} and keeps {@link #OLDER_FILES} older ones ({@code FILE.1} the newest),
 * so a consumer that runs for weeks, or a directory where it runs every day, never fills the disk.
 */
public final class LogFile {
  static final long MAX_SIZE = 10L * 1024 * 1024;
  static final int OLDER_FILES = 3;

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
    attach(file, loggerName, only, format, MAX_SIZE, OLDER_FILES);
  }

  /** As above, rolling over at {@code maxBytes} and keeping {@code olderFiles}: for tests. */
  static void attach(
      Path file, String loggerName, boolean only, LogFormat format, long maxBytes, int olderFiles) {
    if (file == null || !(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
      return;
    }
    String name = "file:" + file.toAbsolutePath();
    ch.qos.logback.classic.Logger root = context.getLogger(loggerName);
    root.setAdditive(!only);
    if (root.getAppender(name) != null) {
      return; // already logging there (several runs in one JVM)
    }
    RollingFileAppender<ILoggingEvent> appender = new RollingFileAppender<>();
    appender.setContext(context);
    appender.setName(name);
    appender.setFile(file.toString());
    appender.setAppend(true);
    FixedWindowRollingPolicy rolling = new FixedWindowRollingPolicy();
    rolling.setContext(context);
    rolling.setParent(appender);
    rolling.setFileNamePattern(file + ".%i");
    rolling.setMinIndex(1);
    rolling.setMaxIndex(olderFiles);
    rolling.start();
    SizeBasedTriggeringPolicy<ILoggingEvent> trigger = new SizeBasedTriggeringPolicy<>();
    trigger.setContext(context);
    trigger.setMaxFileSize(new FileSize(maxBytes));
    // The file's size is looked at once a second at most (logback's default: once a minute).
    trigger.setCheckIncrement(ch.qos.logback.core.util.Duration.buildBySeconds(1));
    trigger.start();
    appender.setRollingPolicy(rolling);
    appender.setTriggeringPolicy(trigger);
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
