package dev.widgetrequests.producer.cli;

import dev.widgetrequests.config.ConfigurationException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import picocli.CommandLine;

/** Runs the producer command with the widgets launcher's handling of configuration errors. */
final class Launcher {
  final StringWriter out = new StringWriter();
  final StringWriter err = new StringWriter();
  private final CommandLine commandLine;

  Launcher(Map<String, String> environment) {
    commandLine = new CommandLine(new ProducerCommand(environment, java.time.Clock.systemUTC()));
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));
    commandLine.setExecutionExceptionHandler(
        (exception, cli, parseResult) -> {
          if (exception instanceof ConfigurationException) {
            cli.getErr().println("widgets: " + exception.getMessage());
            return 2;
          }
          throw exception;
        });
  }

  int run(String... args) {
    return commandLine.execute(args);
  }
}
