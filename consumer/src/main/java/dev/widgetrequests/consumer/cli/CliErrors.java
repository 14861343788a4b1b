package dev.widgetrequests.consumer.cli;

import dev.widgetrequests.model.config.ConfigurationException;
import picocli.CommandLine;
import software.amazon.awssdk.core.exception.SdkClientException;

/**
 * How every command line of the project reports errors: usage and configuration errors (missing
 * credentials included) as one line with the fix and exit code 2; an AWS endpoint that does not
 * answer as one line and exit code 1; anything else as exit code 1.
 */
public final class CliErrors {
  /** Usually the exports of {@code widgets local} were not pasted into this terminal. */
  static final String NO_CREDENTIALS =
      "no AWS credentials found: for the local stack, paste the exports `widgets local` printed;"
          + " for AWS, configure credentials (aws configure, AWS_PROFILE or -p PROFILE)";

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
          String name = command.getCommandSpec().qualifiedName();
          if (lacksCredentials(exception)) {
            command.getErr().println(name + ": " + NO_CREDENTIALS);
            return 2;
          }
          if (exception instanceof ConfigurationException) {
            command.getErr().println(name + ": " + exception.getMessage());
            return 2;
          }
          if (exception instanceof SdkClientException) {
            // Nothing answered: a wrong endpoint, or no network. One line, no stack trace.
            command
                .getErr()
                .println(
                    name
                        + ": cannot reach AWS ("
                        + firstLine(exception.getMessage())
                        + "): check --endpoint-url / AWS_ENDPOINT_URL*, the region and the network");
            return 1;
          }
          throw exception;
        });
    return cli;
  }

  /**
   * Whether the SDK's credential chain found nothing: the SDK has no exception type of its own for
   * it, only this message, which a resource check may have wrapped or quoted.
   */
  private static boolean lacksCredentials(Throwable exception) {
    for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
      if (cause.getMessage() != null
          && cause.getMessage().contains("Unable to load credentials from any of the providers")) {
        return true;
      }
      if (cause.getCause() == cause) {
        break;
      }
    }
    return false;
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "no answer";
    }
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}
