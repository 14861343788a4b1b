package dev.widgetrequests.consumer.cli;

import dev.widgetrequests.config.ConfigurationException;
import picocli.CommandLine;

/**
 * How every command line of the project reports errors: usage and configuration errors as one line
 * with the fix and exit code 2, other failures as exit code 1.
 */
public final class CliErrors {
  private CliErrors() {}

  /** Installs the project's error handling on {@code cli} and returns it. */
  public static CommandLine configure(CommandLine cli) {
    cli.setParameterExceptionHandler(
        (exception, args) -> {
          CommandLine command = exception.getCommandLine();
          command
              .getErr()
              .println(command.getCommandSpec().qualifiedName() + ": " + exception.getMessage());
          command
              .getErr()
              .println(
                  "Try '" + command.getCommandSpec().qualifiedName() + " --help' for the options.");
          return 2;
        });
    cli.setExecutionExceptionHandler(
        (exception, command, parseResult) -> {
          if (exception instanceof ConfigurationException) {
            command
                .getErr()
                .println(command.getCommandSpec().qualifiedName() + ": " + exception.getMessage());
            return 2;
          }
          throw exception;
        });
    return cli;
  }
}
