package dev.widgetrequests.consumer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.spi.FilterReply;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

class ConsoleLogTest {
  private static final LoggerContext CONTEXT = (LoggerContext) LoggerFactory.getILoggerFactory();

  @AfterEach
  void backToTheDefaults() {
    ConsoleLog.apply(ConsoleLog.Level.info, false);
  }

  @Test
  void quiet_keepsTheLinePerRequestOffTheConsole_butNotTheOtherLines() {
    ConsoleLog.apply(ConsoleLog.Level.info, true);

    assertThat(consoleDecision("dev.widgetrequests.consumer.requests", Level.WARN))
        .isEqualTo(FilterReply.DENY);
    assertThat(consoleDecision("dev.widgetrequests.consumer.progress", Level.INFO))
        .isNotEqualTo(FilterReply.DENY);
  }

  @Test
  void withoutQuiet_theConsoleShowsEveryRequest() {
    ConsoleLog.apply(ConsoleLog.Level.info, true);
    ConsoleLog.apply(ConsoleLog.Level.info, false);

    assertThat(consoleDecision("dev.widgetrequests.consumer.requests", Level.INFO))
        .isNotEqualTo(FilterReply.DENY);
  }

  @Test
  void logLevel_setsTheLevelOfTheProjectsOwnLines() {
    Logger requests = LoggerFactory.getLogger("dev.widgetrequests.consumer.requests");

    ConsoleLog.apply(ConsoleLog.Level.warn, false);
    assertThat(requests.isInfoEnabled()).isFalse();
    assertThat(requests.isWarnEnabled()).isTrue();

    ConsoleLog.apply(ConsoleLog.Level.debug, false);
    assertThat(requests.isDebugEnabled()).isTrue();
  }

  @Test
  void consumerHelp_documentsLogLevelAndQuiet() {
    StringWriter out = new StringWriter();
    CommandLine cli = CliErrors.configure(new CommandLine(new ConsumerCommand()));
    cli.setOut(new PrintWriter(out, true));

    assertThat(cli.execute("--help")).isZero();
    assertThat(out.toString()).contains("--log-level", "--quiet", "(default: info)");
  }

  private static FilterReply consoleDecision(String loggerName, Level level) {
    ConsoleAppender<ILoggingEvent> console = console();
    LoggingEvent event =
        new LoggingEvent(
            "test", CONTEXT.getLogger(loggerName), level, "applied  create r-1", null, null);
    return console.getFilterChainDecision(event);
  }

  private static ConsoleAppender<ILoggingEvent> console() {
    var root = CONTEXT.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    for (var it = root.iteratorForAppenders(); it.hasNext(); ) {
      if (it.next() instanceof ConsoleAppender<ILoggingEvent> console) {
        return console;
      }
    }
    throw new AssertionError("logback.xml sets up no console appender");
  }
}
