package dev.widgetrequests.consumer.cli;

import picocli.CommandLine;

/** Entry point of the consumer on its own, as in its container image. */
public final class ConsumerMain {
  private ConsumerMain() {}

  public static void main(String[] args) {
    System.exit(
        HelpLayout.configure(CliErrors.configure(new CommandLine(new ConsumerCommand())))
            .execute(args));
  }
}
