package dev.widgetrequests.cli;

import dev.widgetrequests.config.ConfigurationException;
import dev.widgetrequests.local.cli.LocalCommand;
import dev.widgetrequests.producer.cli.ProducerCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code widgets} launcher: one command per part of the pipeline. */
@Command(
    name = "widgets",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description =
        "Widget Requests: producer, request handler and consumer, with a local AWS stack.",
    subcommands = {CommandLine.HelpCommand.class, LocalCommand.class, ProducerCommand.class})
public final class WidgetsCommand implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /** The launcher with every subcommand and the project's error handling; used by tests too. */
  public static CommandLine commandLine() {
    CommandLine cli = new CommandLine(new WidgetsCommand());
    cli.setExecutionExceptionHandler(
        (exception, commandLine, parseResult) -> {
          if (exception instanceof ConfigurationException) {
            commandLine.getErr().println("widgets: " + exception.getMessage());
            return 2;
          }
          throw exception;
        });
    return cli;
  }
}
