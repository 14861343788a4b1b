package dev.widgetrequests.consumer.cli;

import dev.widgetrequests.aws.AwsClients;
import dev.widgetrequests.aws.cli.AwsOptions;
import dev.widgetrequests.consumer.engine.ConsumerEngine;
import dev.widgetrequests.consumer.engine.ConsumerStats;
import dev.widgetrequests.consumer.metrics.AwsCallTimer;
import dev.widgetrequests.consumer.metrics.ConsumedCapacityMeter;
import dev.widgetrequests.consumer.metrics.ConsumerMetrics;
import dev.widgetrequests.consumer.metrics.ConsumerWatch;
import java.net.InetAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code widgets consumer}: applies widget requests from a bucket or queue to a store. */
@Command(
    name = "consumer",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    usageHelpAutoWidth = true,
    description = {
      "Takes widget requests from an S3 bucket (smallest key first) or an SQS queue (request JSON,"
          + " or a pointer to it in S3), applies create / update / delete, stores widgets in an S3"
          + " bucket or a DynamoDB table, and deletes each request once applied. Invalid requests"
          + " are logged and dead-lettered, never lost.",
      "",
      "Give exactly one source (-rb or -rq) and one store (-wb, -dwt, or --storage-strategy with"
          + " --request-destination)."
    },
    footer = {
      "",
      "Examples:",
      "  widgets consumer -rb usu-cs5250-requests -wb usu-cs5250-web -r us-east-1",
      "  widgets consumer -rq https://sqs.us-east-1.amazonaws.com/123456789012/cs5250-requests"
          + " -dwt widgets",
      "  widgets consumer --storage-strategy dynamodb --request-destination widgets"
          + " --queue-url http://127.0.0.1:9324/000000000000/widget-requests"
          + " --exit-when-idle 5",
      "",
      "Exit codes: 0 stopped normally (also on Ctrl-C / SIGTERM), 1 failure, 2 usage or"
          + " configuration error (missing bucket, queue or table)."
    })
public final class ConsumerCommand implements Callable<Integer> {
  private static final Logger log = LoggerFactory.getLogger(ConsumerCommand.class);

  @Spec CommandSpec spec;

  @Option(
      names = {"-rb", "--request-bucket", "--request-source"},
      paramLabel = "BUCKET",
      description = "Read requests from this S3 bucket, smallest key first.")
  String requestBucket;

  @Option(
      names = {"-rq", "--request-queue", "--queue-url"},
      paramLabel = "URL",
      description = "Read requests from this SQS queue URL.")
  String requestQueue;

  @Option(
      names = {"-wb", "--widget-bucket"},
      paramLabel = "BUCKET",
      description = "Store widgets in this S3 bucket.")
  String widgetBucket;

  @Option(
      names = {"-dwt", "--dynamodb-widget-table"},
      paramLabel = "TABLE",
      description = "Store widgets in this DynamoDB table.")
  String widgetTable;

  @Option(
      names = "--storage-strategy",
      paramLabel = "s3|dynamodb",
      description = "Store kind for --request-destination (the seed consumer's vocabulary).")
  StorageStrategy storageStrategy;

  @Option(
      names = "--request-destination",
      paramLabel = "BUCKET_OR_TABLE",
      description = "Bucket or table named by --storage-strategy.")
  String requestDestination;

  @Option(
      names = {"-wkp", "--widget-key-prefix"},
      paramLabel = "PREFIX",
      defaultValue = "widgets/",
      description =
          "Key prefix of widget objects in the widget bucket (default: ${DEFAULT-VALUE}).")
  String widgetKeyPrefix;

  @Option(
      names = "--dynamodb-key-attribute",
      paramLabel = "NAME",
      defaultValue = "id",
      description = "Partition key attribute of the widget table (default: ${DEFAULT-VALUE}).")
  String keyAttribute;

  @Option(
      names = {"-mrt", "--max-runtime"},
      paramLabel = "MS",
      defaultValue = "0",
      description = "Stop after this many milliseconds; 0 runs until stopped (default).")
  long maxRuntimeMillis;

  @Option(
      names = "--exit-when-idle",
      paramLabel = "SECONDS",
      description = "Stop once no request has come for this many seconds (for scripts).")
  Long exitWhenIdleSeconds;

  @Option(
      names = {"-qwt", "--queue-wait-timeout"},
      paramLabel = "SECONDS",
      defaultValue = "10",
      description = "SQS long-poll wait, 0-20 (default: ${DEFAULT-VALUE}).")
  int queueWaitSeconds;

  @Option(
      names = {"-qvt", "--queue-visibility-timeout"},
      paramLabel = "SECONDS",
      description = "Visibility timeout of received messages (default: the queue's own).")
  Integer visibilityTimeoutSeconds;

  @Option(
      names = "--dead-letter-queue",
      paramLabel = "URL",
      description =
          "Send invalid requests here (default: the request queue's redrive target; with none,"
              + " they are logged whole).")
  String deadLetterQueue;

  @Option(
      names = "--payload-bucket",
      paramLabel = "BUCKET",
      description =
          "Queue source: a bucket pointers may lead to (claim-check payloads, S3 event"
              + " notifications); repeatable. A pointer to any other bucket is dead-lettered"
              + " unread.")
  List<String> payloadBuckets;

  @Option(
      names = "--max-message-bytes",
      paramLabel = "SIZE",
      description =
          "The largest request read, inline or from an object: bytes, KiB or MiB, 1KiB to 1MiB"
              + " (default: $WIDGETS_MAX_MESSAGE_BYTES, else 256KiB). A larger one is"
              + " dead-lettered or moved aside as too large.")
  String maxMessageBytes;

  @Option(
      names = "--rejected-prefix",
      paramLabel = "PREFIX",
      defaultValue = "rejected/",
      description =
          "Bucket source: move invalid requests under this prefix (default: ${DEFAULT-VALUE}).")
  String rejectedPrefix;

  @Option(
      names = "--poll-interval",
      paramLabel = "MS",
      defaultValue = "100",
      description =
          "Bucket source: wait this long before looking again at an empty bucket (default: ${DEFAULT-VALUE}).")
  long pollIntervalMillis;

  @Option(
      names = "--key-max-age",
      paramLabel = "SECONDS",
      defaultValue = "900",
      description =
          "A claimed order key (the request-key attribute, a request object's key) is kept only"
              + " if it lies at most this long before the time AWS received the request"
              + " (SentTimestamp, LastModified); else that time orders the request, with a"
              + " warning (default: ${DEFAULT-VALUE}).")
  long keyMaxAgeSeconds;

  @Option(
      names = "--key-max-ahead",
      paramLabel = "MS",
      defaultValue = "2000",
      description = "...and at most this long after it: clock skew (default: ${DEFAULT-VALUE}).")
  long keyMaxAheadMillis;

  @Option(
      names = "--concurrency",
      paramLabel = "N",
      defaultValue = "128",
      description =
          "Requests in flight at once, never two of one widget; several receives run at once to"
              + " keep them busy (default: ${DEFAULT-VALUE}, right for AWS's ~20 ms per call).")
  int concurrency;

  @Option(
      names = "--max-rate",
      paramLabel = "PER_SECOND",
      defaultValue = "0",
      description =
          "Take at most this many requests a second from the source, to spare a store with little"
              + " capacity; a throttling store slows the consumer anyway (default: 0, no cap).")
  double maxRate;

  @Mixin AwsOptions aws;

  @Option(
      names = "--endpoint-url-s3",
      paramLabel = "URL",
      description = "S3 endpoint only (wins over --endpoint-url).")
  URI s3EndpointUrl;

  @Option(
      names = "--endpoint-url-sqs",
      paramLabel = "URL",
      description = "SQS endpoint only (wins over --endpoint-url).")
  URI sqsEndpointUrl;

  @Option(
      names = "--endpoint-url-dynamodb",
      paramLabel = "URL",
      description = "DynamoDB endpoint only (wins over --endpoint-url).")
  URI dynamoDbEndpointUrl;

  @Option(
      names = "--log-file",
      paramLabel = "FILE",
      defaultValue = "widgets-consumer.log",
      description =
          "Also log to this file; 'none' for console only. It rolls over at 10 MB and keeps"
              + " three older files, FILE.1 to FILE.3 (default: ${DEFAULT-VALUE}).")
  String logFile;

  @Option(
      names = "--log-level",
      paramLabel = "error|warn|info|debug",
      defaultValue = "info",
      description =
          "Log the consumer's own lines from this level up; warn leaves out the applied requests"
              + " and the progress lines (default: ${DEFAULT-VALUE}).")
  ConsoleLog.Level logLevel;

  @Option(
      names = {"-q", "--quiet"},
      description =
          "No line per request on the console (the log file still gets them); progress, warnings"
              + " about the consumer itself and errors stay.")
  boolean quiet;

  @Option(
      names = "--log-format",
      paramLabel = "text|json",
      defaultValue = "text",
      description =
          "Log lines for people (text) or one JSON object a line (default: ${DEFAULT-VALUE}).")
  LogFormat logFormat;

  @Option(
      names = "--metrics-port",
      paramLabel = "PORT",
      description =
          "Serve Prometheus metrics on this port at /metrics (default: off; 0 = any free port).")
  Integer metricsPort;

  @Option(
      names = "--metrics-bind",
      paramLabel = "ADDRESS",
      defaultValue = "${env:WIDGETS_METRICS_BIND:-127.0.0.1}",
      description =
          "Address the metrics port listens on (default: ${DEFAULT-VALUE}, this host only;"
              + " environment WIDGETS_METRICS_BIND). A container gives 0.0.0.0 so a scraper beside"
              + " it can read the metrics; the image sets that.")
  String metricsBind;

  @Option(
      names = "--progress-interval",
      paramLabel = "SECONDS",
      defaultValue = "5",
      description =
          "Log a progress line this often while requests flow; 0 = never (default: ${DEFAULT-VALUE}).")
  long progressIntervalSeconds;

  enum StorageStrategy {
    s3,
    dynamodb
  }

  @Override
  public Integer call() {
    ConsumerConfig config = ConsumerOptions.toConfig(this, System.getenv());
    Duration progressInterval = ConsumerOptions.progressInterval(this);
    InetAddress metricsBind = ConsumerOptions.metricsBind(this);
    logFormat.applyToConsole();
    ConsoleLog.apply(logLevel, quiet);
    LogFile.attach(config.logFile(), logFormat);
    ConsumerMetrics metrics = new ConsumerMetrics(Clock.systemUTC());
    try (AwsClients clients =
            new AwsClients(
                config.aws(),
                List.of(
                    new AwsCallTimer(metrics.registry()),
                    new ConsumedCapacityMeter(metrics.registry())));
        ConsumerWatch watch =
            ConsumerWatch.start(metrics, metricsBind, metricsPort, progressInterval)) {
      ConsumerEngine<?> engine = ConsumerWiring.engine(config, clients, Clock.systemUTC(), metrics);
      log.info(
          "consumer started: {} -> {} ({} in flight at most)",
          ConsumerWiring.describe(config.source()),
          ConsumerWiring.describe(config.store()),
          config.engine().concurrency());
      runUntilStopped(engine, config.engine().drainTimeout());
      // A broken deployment (access denied, the queue or table gone) stopped it: exit code 1.
      return engine.fatalFailure().isPresent() ? 1 : 0;
    }
  }

  /** Runs the engine; Ctrl-C or SIGTERM drains it and ends the process with exit code 0. */
  private static void runUntilStopped(ConsumerEngine<?> engine, Duration drain) {
    CountDownLatch finished = new CountDownLatch(1);
    Thread hook =
        new Thread(
            () -> {
              if (finished.getCount() == 0) {
                return; // a normal exit: keep its exit code
              }
              engine.stop();
              try {
                finished.await(drain.toSeconds() + 5, TimeUnit.SECONDS);
              } catch (InterruptedException ignored) {
                Thread.currentThread().interrupt();
              }
              LogFile.flush();
              Runtime.getRuntime().halt(0);
            },
            "consumer-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      ConsumerStats.Summary summary = engine.run();
      // Logged before the countdown: on SIGTERM the hook halts the JVM right after it.
      log.info("consumer stopped: {}", summary);
    } finally {
      finished.countDown();
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        // The hook is running: it ends the process once it sees the countdown.
      }
    }
  }

  ParameterException usage(String message) {
    return new ParameterException(spec.commandLine(), message);
  }
}
