package dev.widgetrequests.consumer.cli;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.Encoder;
import java.util.Iterator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How log lines are written: for people ({@code text}) or one JSON object a line ({@code json}).
 */
public enum LogFormat {
  text,
  json;

  /** An encoder writing this format, started. */
  Encoder<ILoggingEvent> encoder(LoggerContext context, String textPattern) {
    Encoder<ILoggingEvent> encoder;
    if (this == json) {
      // The line as people read it, plus what a shipper indexes; no pattern-and-arguments split.
      JsonEncoder lines = new JsonEncoder();
      lines.setWithFormattedMessage(true);
      lines.setWithMessage(false);
      lines.setWithArguments(false);
      lines.setWithContext(false);
      lines.setWithSequenceNumber(false);
      lines.setWithNanoseconds(false);
      encoder = lines;
    } else {
      PatternLayoutEncoder pattern = new PatternLayoutEncoder();
      pattern.setPattern(textPattern);
      encoder = pattern;
    }
    encoder.setContext(context);
    encoder.start();
    return encoder;
  }

  /** The console's pattern in logback.xml. */
  private static final String CONSOLE_PATTERN = "%d{HH:mm:ss.SSS} %-5level %logger{0} - %msg%n";

  /** Switches the console (set up by logback.xml) to this format. */
  void applyToConsole() {
    if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
      return;
    }
    ch.qos.logback.classic.Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
    for (Iterator<Appender<ILoggingEvent>> it = root.iteratorForAppenders(); it.hasNext(); ) {
      if (it.next() instanceof ConsoleAppender<ILoggingEvent> console) {
        console.stop();
        console.setEncoder(encoder(context, CONSOLE_PATTERN));
        console.start();
      }
    }
  }
}
