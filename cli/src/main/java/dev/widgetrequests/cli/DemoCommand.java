package dev.widgetrequests.cli;

import dev.widgetrequests.cli.demo.DemoRunner;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code widgets demo}: the whole pipeline on the embedded stack, checked, in one command. */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Runs the whole system on an embedded local AWS stack and checks it: sends requests through"
          + " every path (S3 bucket, SQS standard queue body, claim check = S3 object + SQS"
          + " pointer, HTTP POST to the request handler), plus a few invalid ones; consumes them"
          + " with several consumers sharing the queue and the bucket into an S3 bucket, then the"
          + " same requests into a DynamoDB table; checks that both stores hold the same widgets,"
          + " exactly the in-order result of the requests, and that every source is drained;"
          + " prints a summary."
    },
    footer = {
      "",
      "Exit codes: 0 every check passed, 1 a check failed (the summary says which), 2 usage error."
    })
public final class DemoCommand implements Callable<Integer> {

  @Option(
      names = "--requests",
      paramLabel = "N",
      defaultValue = "100",
      description = "Requests per path and round (default: ${DEFAULT-VALUE}).")
  int requests;

  @Option(
      names = "--seed",
      paramLabel = "SEED",
      defaultValue = "5250",
      description =
          "Seed of the request streams; the same seed gives the same run (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--concurrency",
      paramLabel = "N",
      defaultValue = "16",
      description = "Requests in flight per consumer (default: ${DEFAULT-VALUE}).")
  int concurrency;

  @Option(
      names = "--log-file",
      paramLabel = "FILE",
      defaultValue = "widgets-demo.log",
      description = "Where the one-line-per-request log goes (default: ${DEFAULT-VALUE}).")
  String logFile;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    if (requests < 1 || concurrency < 1) {
      throw new ParameterException(
          spec.commandLine(), "--requests and --concurrency must be at least 1");
    }
    return new DemoRunner(requests, seed, concurrency, java.nio.file.Path.of(logFile)).run();
  }
}
