package dev.widgetrequests.producer.cli;

import dev.widgetrequests.aws.AwsClients;
import dev.widgetrequests.aws.cli.AwsOptions;
import dev.widgetrequests.model.config.MessageSize;
import dev.widgetrequests.producer.generate.TypeNames;
import dev.widgetrequests.producer.run.Producer;
import dev.widgetrequests.producer.run.ProducerSettings;
import dev.widgetrequests.producer.run.ProductionSummary;
import dev.widgetrequests.producer.run.Progress;
import dev.widgetrequests.producer.run.StopReason;
import dev.widgetrequests.producer.run.TerminalProgress;
import dev.widgetrequests.producer.sink.BucketSink;
import dev.widgetrequests.producer.sink.ClaimCheckSink;
import dev.widgetrequests.producer.sink.QueueSink;
import dev.widgetrequests.producer.sink.RequestSink;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code widgets producer}: a drop-in for the course's producer.jar, reproducible and fast. */
@Command(
    name = "producer",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Generates widget requests like the course producer: a warm-up of creates, then about 60%% "
          + "create, 30%% update, 10%% delete.",
      "-rb: one S3 object per request, key = epoch milliseconds (unique, in production order). "
          + "-rq: one SQS message per request, body = the request JSON. Both: claim check, the "
          + "object in S3 and an SQS Extended Client pointer to it in the queue.",
      "Stops at --max-widget-requests or --max-runtime, whichever comes first; Ctrl-C stops "
          + "cleanly and reports what was sent."
    })
public final class ProducerCommand implements Callable<Integer> {
  /** How often a run whose output is not a terminal says how far it is. */
  private static final Duration PROGRESS_INTERVAL = Duration.ofSeconds(5);

  @Option(
      names = {"-rb", "--request-bucket"},
      paramLabel = "BUCKET",
      description =
          "S3 bucket for the requests, one object each; with -rq, the claim-check bucket.")
  String requestBucket;

  @Option(
      names = {"-rq", "--request-queue"},
      paramLabel = "URL",
      description = "SQS queue URL for the requests; with -rb, gets pointers to the objects.")
  String requestQueue;

  @Option(
      names = {"-mwr", "--max-widget-requests"},
      paramLabel = "N",
      defaultValue = "1000",
      description = "Stop after N requests (default: ${DEFAULT-VALUE}).")
  long maxRequests;

  @Option(
      names = {"-ird", "--inter-request-delay"},
      paramLabel = "MS",
      defaultValue = "100",
      description =
          "Pause after each request, in milliseconds; 0 sends as fast as possible, in parallel "
              + "and in SQS batches of 10 (default: ${DEFAULT-VALUE}).")
  long interRequestDelay;

  @Option(
      names = {"-mrt", "--max-runtime"},
      paramLabel = "MS",
      defaultValue = "30000",
      description = "Stop after this many milliseconds; 0 = no limit (default: ${DEFAULT-VALUE}).")
  long maxRuntime;

  @Option(
      names = "--payload-bucket",
      paramLabel = "BUCKET",
      description =
          "With -rq alone: a request too large for a message (--max-message-bytes, or the "
              + "queue's MaximumMessageSize if smaller) goes by claim check into BUCKET; the "
              + "others go inline. Without it such a request stops the run.")
  String payloadBucket;

  @Option(
      names = "--max-message-bytes",
      paramLabel = "SIZE",
      description =
          "The largest message sent inline: bytes, KiB or MiB, 1KiB to 1MiB (default: "
              + "$WIDGETS_MAX_MESSAGE_BYTES, else 256KiB). A larger request goes by claim check.")
  String maxMessageBytes;

  @Option(
      names = "--type-names",
      paramLabel = "short|long",
      defaultValue = "short",
      description =
          "How request types are spelled: short = create|update|delete, as the course producer "
              + "sends; long = WidgetCreateRequest|WidgetUpdateRequest|WidgetDeleteRequest, the "
              + "course schema's spelling (default: ${DEFAULT-VALUE}).")
  String typeNames;

  @Option(
      names = "--owner-groups",
      negatable = true,
      defaultValue = "true",
      fallbackValue = "true",
      description =
          "On a standard queue, give each message its owner as MessageGroupId, so that SQS fair "
              + "queues keep one busy owner from delaying the others; --no-owner-groups sends "
              + "none. A FIFO queue always groups by widget (default: on).")
  boolean ownerGroups;

  @Mixin AwsOptions aws;

  @Option(
      names = "--seed",
      description =
          "Seed of the request stream: the same seed gives the same requests, ids included "
              + "(default: taken from the clock and printed).")
  Long seed;

  @Spec CommandSpec spec;

  private final Map<String, String> environment;
  private final Clock clock;

  public ProducerCommand() {
    this(System.getenv(), Clock.systemUTC());
  }

  /** For tests: the environment to read endpoints from, and the clock for keys and timing. */
  ProducerCommand(Map<String, String> environment, Clock clock) {
    this.environment = Map.copyOf(environment);
    this.clock = clock;
  }

  @Override
  public Integer call() {
    ProducerSettings settings = settings();
    PrintWriter out = spec.commandLine().getOut();
    try (AwsClients clients = new AwsClients(aws.settings(environment))) {
      RequestSink sink = sink(clients);
      sink.verify();
      out.printf(
          "Producing up to %d requests to %s%s; seed %d%n",
          settings.maxRequests(),
          sink.describe(),
          settings.maxRuntime().isZero()
              ? ""
              : " (stops after --max-runtime " + seconds(settings.maxRuntime()) + ")",
          settings.seed());
      out.flush();
      return produce(new Producer(sink, settings, clock, progress(out, settings)), out, settings);
    }
  }

  private int produce(Producer producer, PrintWriter out, ProducerSettings settings) {
    try (StopOnSignal stopOnSignal = StopOnSignal.install(producer::stop, out)) {
      ProductionSummary summary = producer.run();
      out.println(summary.line());
      if (summary.stopReason() == StopReason.RUNTIME_LIMIT) {
        out.printf(
            "stopped at %d of %d requests: --max-runtime %s reached (-mrt 0 for no limit)%n",
            summary.sent().total(), settings.maxRequests(), seconds(settings.maxRuntime()));
      }
      int exitCode = 0;
      if (summary.failed()) {
        spec.commandLine().getErr().println("widgets producer: " + summary.failure());
        exitCode = 1;
      }
      out.flush();
      stopOnSignal.finished(exitCode);
      return exitCode;
    }
  }

  private ProducerSettings settings() {
    if (requestBucket == null && requestQueue == null) {
      throw usage("Missing -rb/--request-bucket or -rq/--request-queue (or both, for claim check)");
    }
    if (maxRequests < 0 || interRequestDelay < 0 || maxRuntime < 0) {
      throw usage("-mwr, -ird and -mrt must not be negative");
    }
    if (payloadBucket != null && (requestQueue == null || requestBucket != null)) {
      throw usage(
          "--payload-bucket goes with -rq alone (with -rb and -rq every request goes by claim"
              + " check into the -rb bucket)");
    }
    TypeNames names;
    try {
      names = TypeNames.named(typeNames);
    } catch (IllegalArgumentException e) {
      throw usage("--type-names takes short or long, not '" + typeNames + "'");
    }
    return new ProducerSettings(
        maxRequests,
        Duration.ofMillis(interRequestDelay),
        Duration.ofMillis(maxRuntime),
        seed != null ? seed : clock.millis(),
        names);
  }

  private MessageSize messageSize() {
    return maxMessageBytes == null
        ? MessageSize.fromEnvironment(environment)
        : MessageSize.parse(maxMessageBytes, "--max-message-bytes");
  }

  private ParameterException usage(String message) {
    return new ParameterException(spec.commandLine(), message);
  }

  private RequestSink sink(AwsClients clients) {
    if (requestQueue == null) {
      return new BucketSink(clients.s3(), requestBucket);
    }
    QueueSink queue = new QueueSink(clients.sqs(), requestQueue, ownerGroups, messageSize());
    if (payloadBucket != null) {
      return ClaimCheckSink.whenTooLarge(new BucketSink(clients.s3(), payloadBucket), queue);
    }
    if (requestBucket == null) {
      return queue;
    }
    return new ClaimCheckSink(new BucketSink(clients.s3(), requestBucket), queue);
  }

  private static Progress progress(PrintWriter out, ProducerSettings settings) {
    return System.console() != null
        ? new TerminalProgress(out)
        : new LineProgress(out, settings.maxRequests(), PROGRESS_INTERVAL);
  }

  /** {@code 30 s}, {@code 0.3 s}: as people set it. */
  private static String seconds(Duration duration) {
    double seconds = duration.toMillis() / 1000.0;
    return (seconds == Math.rint(seconds)
            ? String.format(Locale.ROOT, "%.0f", seconds)
            : String.format(Locale.ROOT, "%s", seconds))
        + " s";
  }
}
