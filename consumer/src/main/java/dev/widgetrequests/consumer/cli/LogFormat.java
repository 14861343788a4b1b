package dev.widgetrequests.consumer.cli;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.OutputStreamAppender;
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
      encoder = new JsonEncoder();
    } else {
      PatternLayoutEncoder pattern = new PatternLayoutEncoder();
      pattern.setPattern(textPattern);
      encoder = pattern;
    }
    encoder.setContext(context);
    encoder.start();
    return encoder;
  }

  /** Switches the console (set up by logback.xml as text) to this format. */
  void applyToConsole() {
    if (this == text || !(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
      return;
    }
    ch.qos.logback.classic.Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
    for (Iterator<Appender<ILoggingEvent>> it = root.iteratorForAppenders(); it.hasNext(); ) {
      if (it.next() instanceof OutputStreamAppender<ILoggingEvent> console) {
        console.stop();
        console.setEncoder(encoder(context, null));
        console.start();
      }
    }
  }
}
