package dev.widgetrequests.cli;

import dev.widgetrequests.bench.BenchCommand;
import dev.widgetrequests.cli.redrive.RedriveCommand;
import dev.widgetrequests.consumer.cli.CliErrors;
import dev.widgetrequests.consumer.cli.ConsumerCommand;
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
    subcommands = {
      CommandLine.HelpCommand.class,
      DemoCommand.class,
      LocalCommand.class,
      ProducerCommand.class,
      ConsumerCommand.class,
      RedriveCommand.class,
      BenchCommand.class
    })
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
    return CliErrors.configure(new CommandLine(new WidgetsCommand()));
  }
}
