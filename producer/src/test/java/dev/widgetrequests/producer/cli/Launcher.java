package dev.widgetrequests.producer.cli;

import dev.widgetrequests.consumer.cli.CliErrors;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.util.Map;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Runs {@code widgets producer ARGS} as the widgets launcher does: under a {@code widgets} parent,
 * with the project's error handling, capturing what it prints.
 */
final class Launcher {
  @Command(name = "widgets")
  static final class Widgets {}

  final StringWriter out = new StringWriter();
  final StringWriter err = new StringWriter();
  private final CommandLine commandLine;

  Launcher(Map<String, String> environment) {
    commandLine =
        CliErrors.configure(
            new CommandLine(new Widgets())
                .addSubcommand(new ProducerCommand(environment, Clock.systemUTC())));
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));
  }

  int run(String... args) {
    return commandLine.execute(
        Stream.concat(Stream.of("producer"), Stream.of(args)).toArray(String[]::new));
  }
}
