package dev.widgetrequests.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code widgets bench}: throughput of the consumer, side by side with a baseline and a ceiling.
 */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Measures throughput on a private local stack: produces N requests, drains them with the"
          + " project's consumer (a child 'widgets consumer' process with its defaults), with a"
          + " one-request-at-a-time consumer (the seed's design; a sample) and with the raw ceiling"
          + " (bare SDK loops making only the calls a request needs, the writes being the store's"
          + " own items or objects, built beforehand; the same loops also in a JVM of their own"
          + " run as the consumer's, and writing plain copies of the bare body),"
          + " at 0 ms and at --latency MS added to every call. Prints req/s, p50/p99 latency, the"
          + " ratios, the consumer's peak RSS and CPU per request, and per drainer the AWS calls"
          + " per request, DynamoDB write and read units per request and the list-price cost of a"
          + " million requests, as a Markdown table. The consumer's counts come from its metrics"
          + " endpoint, the calls from the local stack. Path hot-widget measures the consumer"
          + " alone on two runs queued in full before it starts, whatever -n: one widget's create"
          + " and 600 updates with 60 other widgets' creates among them, and 661 creates of"
          + " distinct widgets; it prints both rates, their ratio, and how soon after the"
          + " consumer's first receive the last of the 60 other widgets was stored, in a table of"
          + " its own. How to read it: docs/bench/README.md."
    })
public final class BenchCommand implements Callable<Integer> {
  /** A producer round sends this many times N: N alone goes out in about a second. */
  static final int PRODUCER_REQUESTS_PER_DRAIN = 4;

  static final int PRODUCER_ROUNDS = 5;

  @Option(
      names = {"-n", "--requests"},
      paramLabel = "N",
      defaultValue = "5000",
      description = "Requests per drain (default: ${DEFAULT-VALUE}).")
  int requests;

  @Option(
      names = "--latency",
      paramLabel = "MS",
      defaultValue = "20",
      description = "Latency added to every call in the second round (default: ${DEFAULT-VALUE}).")
  int latency;

  @Option(
      names = "--paths",
      paramLabel = "PATH[,PATH...]",
      split = ",",
      defaultValue = "queue-dynamodb,queue-s3,claim-check,bucket-dynamodb,hot-widget",
      description = "Paths to measure (default: ${DEFAULT-VALUE}).")
  List<String> paths;

  @Option(
      names = "--warm-up",
      paramLabel = "N",
      defaultValue = "5000",
      description =
          "The consumer first drains N more requests, not counted, so its figures are those of a"
              + " warmed-up service, as the raw ceiling's, which runs in this warm JVM (default:"
              + " ${DEFAULT-VALUE}; 0: none).")
  int warmUp;

  @Option(
      names = "--baseline-sample",
      paramLabel = "N",
      defaultValue = "200",
      description =
          "The one-at-a-time consumer drains at most N requests (default: ${DEFAULT-VALUE}).")
  int baselineSample;

  @Option(
      names = "--producer",
      description =
          "Also compare the producer (-ird 0) with a bare SDK batch-send loop to the same queue:"
              + " five rounds each of 4 N requests, taking turns (each first in every other round);"
              + " the table gives the medians.")
  boolean producer;

  @Option(
      names = "--quick",
      description =
          "A smoke run of a few seconds: 100 requests, no warm-up, 0 ms only, baseline sample 20.")
  boolean quick;

  @Option(
      names = "--consumer-jvm-option",
      paramLabel = "OPTION",
      description = "Extra JVM option for the consumer process, e.g. -XX:StartFlightRecording=...")
  List<String> consumerJvmOptions = new ArrayList<>();

  @Option(
      names = "--consumer-option",
      paramLabel = "OPTION",
      description =
          "Extra 'widgets consumer' option for the consumer process, e.g. --concurrency=256"
              + " (default: none, the consumer's own defaults).")
  List<String> consumerOptions = new ArrayList<>();

  @Option(
      names = "--seed",
      paramLabel = "SEED",
      defaultValue = "5250",
      description = "Seed of the request stream (default: ${DEFAULT-VALUE}).")
  long seed;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    if (requests < 1 || latency < 0 || baselineSample < 1 || warmUp < 0) {
      throw new ParameterException(
          spec.commandLine(),
          "-n and --baseline-sample must be at least 1, --latency and --warm-up at least 0");
    }
    List<BenchPath> chosen;
    try {
      chosen = paths.stream().map(BenchPath::of).toList();
    } catch (IllegalArgumentException unknown) {
      throw new ParameterException(spec.commandLine(), unknown.getMessage());
    }
    BenchSettings settings =
        new BenchSettings(
            quick ? 100 : requests,
            quick ? 0 : warmUp,
            quick ? 20 : baselineSample,
            Duration.ofSeconds(quick ? 5 : 20),
            quick || latency == 0 ? List.of(0) : Arrays.asList(0, latency),
            chosen,
            producer,
            quick ? 100 : PRODUCER_REQUESTS_PER_DRAIN * requests,
            quick ? 1 : PRODUCER_ROUNDS,
            List.copyOf(consumerJvmOptions),
            List.copyOf(consumerOptions),
            seed);
    BenchTable table = new BenchRunner(settings, System.out, System.console() != null).run();
    System.out.println();
    table.print(System.out);
    return 0;
  }
}
