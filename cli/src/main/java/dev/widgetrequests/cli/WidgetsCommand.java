package dev.widgetrequests.cli;

import dev.widgetrequests.bench.BenchCommand;
import dev.widgetrequests.cli.redrive.RedriveCommand;
import dev.widgetrequests.consumer.cli.CliErrors;
import dev.widgetrequests.consumer.cli.ConsumerCommand;
import dev.widgetrequests.consumer.cli.HelpLayout;
import dev.widgetrequests.local.cli.LocalCommand;
import dev.widgetrequests.producer.cli.ProducerCommand;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code widgets} launcher: one command per part of the pipeline. */
@Command(
    name = "widgets",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description =
        "Widget Requests: producer, request handler and consumer, with a local AWS stack.",
    footer = {
      "",
      "The ./widgets launcher also runs:",
      "  test      Builds everything and runs every unit and integration test.",
      "  build     Rebuilds the launcher's jars now (done anyway when sources change).",
      "",
      "'widgets COMMAND --help' explains a command and its options. Exit codes: 0 ok,"
          + " 1 failure, 2 usage or configuration error.",
      "Start with 'widgets demo', then 'widgets local'; see README.md."
    },
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

  /** Commands the launcher script runs itself, before Java starts. */
  private static final List<String> LAUNCHER_COMMANDS = List.of("test", "build");

  /** The launcher with every subcommand and the project's error handling; used by tests too. */
  public static CommandLine commandLine() {
    CommandLine cli =
        HelpLayout.configure(CliErrors.configure(new CommandLine(new WidgetsCommand())));
    CommandLine.IParameterExceptionHandler usageErrors = cli.getParameterExceptionHandler();
    cli.setParameterExceptionHandler(
        (exception, args) -> {
          if (exception.getCommandLine() == cli
              && exception instanceof CommandLine.UnmatchedArgumentException
              && args.length > 0
              && !args[0].startsWith("-")) {
            cli.getErr()
                .printf(
                    "widgets: unknown command '%s'; the commands are %s (widgets --help says what"
                        + " each does)%n",
                    args[0], String.join(", ", commandNames(cli)));
            return 2;
          }
          return usageErrors.handleParseException(exception, args);
        });
    return cli;
  }

  private static List<String> commandNames(CommandLine cli) {
    List<String> names = new ArrayList<>();
    cli.getSubcommands().keySet().stream().filter(name -> !name.equals("help")).forEach(names::add);
    names.addAll(LAUNCHER_COMMANDS);
    return names;
  }
}
