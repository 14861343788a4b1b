package dev.widgetrequests.consumer.it;

import dev.widgetrequests.aws.AwsClients;
import dev.widgetrequests.aws.AwsSettings;
import dev.widgetrequests.aws.store.dynamodb.DynamoDbWidgetStore;
import dev.widgetrequests.aws.store.s3.S3WidgetStore;
import dev.widgetrequests.consumer.cli.CliErrors;
import dev.widgetrequests.consumer.cli.ConsumerCommand;
import dev.widgetrequests.local.LocalStack;
import dev.widgetrequests.local.QueuePair;
import dev.widgetrequests.model.Widget;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

/**
 * One pipeline on the embedded stack with its own resources: a request bucket, a request queue with
 * its dead-letter queue, a widget bucket and a widget table. Feeds requests by each path and reads
 * back what the stores hold.
 */
final class Pipeline {
  private static final Pattern WIDGET_ID = Pattern.compile("\"widgetId\":\"([^\"]+)\"");
  final LocalStack stack;
  final String requestBucket;
  final QueuePair queue;
  final String widgetBucket;
  final String widgetTable;

  Pipeline(LocalStack stack) {
    this(stack, false);
  }

  /** With {@code fifo}, the request queue and its dead-letter queue are FIFO queues. */
  Pipeline(LocalStack stack, boolean fifo) {
    this.stack = stack;
    this.requestBucket = stack.createBucket(stack.uniqueName("requests"));
    this.queue =
        fifo
            ? stack.createFifoQueueWithDeadLetter(stack.uniqueName("requests"))
            : stack.createQueueWithDeadLetter(stack.uniqueName("requests"));
    this.widgetBucket = stack.createBucket(stack.uniqueName("widgets"));
    this.widgetTable = stack.createWidgetTable(stack.uniqueName("widgets"), "id");
  }

  /** How requests reach the consumer. */
  enum Path {
    BUCKET,
    QUEUE,
    CLAIM_CHECK
  }

  /** Where the consumer stores widgets. */
  enum Store {
    S3,
    DYNAMODB
  }

  /**
   * Puts requests on their way: objects in parallel (their keys keep the order), messages one at a
   * time in order (the embedded queue then delivers them in that order).
   */
  void feed(Path path, Map<String, String> requests) {
    feed(path, requests, false);
  }

  /** Like {@link #feed(Path, Map)}, with messages sent ten a call when order does not matter. */
  void feed(Path path, Map<String, String> requests, boolean batched) {
    if (path != Path.QUEUE) {
      try (var puts = Executors.newVirtualThreadPerTaskExecutor()) {
        Semaphore inFlight = new Semaphore(16);
        requests.forEach(
            (key, body) -> {
              inFlight.acquireUninterruptibly();
              puts.submit(
                  () -> {
                    try {
                      putRequestObject(key, body);
                    } finally {
                      inFlight.release();
                    }
                  });
            });
      }
    }
    if (path == Path.BUCKET) {
      return;
    }
    List<String> bodies = new ArrayList<>();
    List<String> groups = new ArrayList<>();
    requests.forEach(
        (key, body) -> {
          groups.add(widgetIdOf(body));
          bodies.add(
              path == Path.QUEUE
                  ? (body.isEmpty() ? " " : body) // SQS refuses empty bodies
                  : "[\"software.amazon.payloadoffloading.PayloadS3Pointer\",{\"s3BucketName\":\""
                      + requestBucket
                      + "\",\"s3Key\":\""
                      + key
                      + "\"}]");
        });
    if (!batched) {
      bodies.forEach(this::sendInItsOwnMillisecond);
      return;
    }
    boolean fifo = queue.queueUrl().endsWith(".fifo");
    // FIFO queues drop a message whose deduplication id they saw in the last 5 minutes.
    String feed = java.util.UUID.randomUUID().toString();
    for (int from = 0; from < bodies.size(); from += 10) {
      List<SendMessageBatchRequestEntry> entries = new ArrayList<>();
      for (int i = from; i < Math.min(bodies.size(), from + 10); i++) {
        entries.add(
            SendMessageBatchRequestEntry.builder()
                .id("m" + i)
                .messageBody(bodies.get(i))
                // A FIFO queue keeps each widget's requests in order, as the producer sends them.
                .messageGroupId(fifo ? groups.get(i) : null)
                .messageDeduplicationId(fifo ? feed + "-" + i : null)
                .build());
      }
      stack.sqs().sendMessageBatch(r -> r.queueUrl(queue.queueUrl()).entries(entries));
    }
  }

  /**
   * SQS, embedded or not, keeps no order between messages sent in the same millisecond; a test
   * whose requests must arrive in order sends each one in a millisecond of its own.
   */
  private void sendInItsOwnMillisecond(String body) {
    long sentAt = System.currentTimeMillis();
    stack.sqs().sendMessage(r -> r.queueUrl(queue.queueUrl()).messageBody(body));
    while (System.currentTimeMillis() == sentAt) {
      Thread.onSpinWait();
    }
  }

  /** The group a FIFO message goes in: its widget, as the producer does. */
  private static String widgetIdOf(String body) {
    Matcher widgetId = WIDGET_ID.matcher(body);
    return widgetId.find() ? widgetId.group(1) : "no-widget";
  }

  private void putRequestObject(String key, String body) {
    stack.s3().putObject(r -> r.bucket(requestBucket).key(key), RequestBody.fromString(body));
  }

  /** Runs {@code widgets consumer} in this JVM until the source has been idle a second. */
  int consume(Path path, Store store, String... extra) {
    List<String> args = new ArrayList<>(endpointArgs());
    args.addAll(
        path == Path.BUCKET
            ? List.of("-rb", requestBucket)
            : List.of("-rq", queue.queueUrl(), "-qwt", "1", "--payload-bucket", requestBucket));
    args.addAll(store == Store.S3 ? List.of("-wb", widgetBucket) : List.of("-dwt", widgetTable));
    args.addAll(List.of("--exit-when-idle", "1", "--log-file", "none"));
    args.addAll(List.of(extra));
    return CliErrors.configure(new CommandLine(new ConsumerCommand()))
        .execute(args.toArray(String[]::new));
  }

  List<String> endpointArgs() {
    return List.of(
        "--endpoint-url-s3", stack.s3Endpoint().toString(),
        "--endpoint-url-sqs", stack.sqsEndpoint().toString(),
        "--endpoint-url-dynamodb", stack.dynamoDbEndpoint().toString());
  }

  AwsClients clients() {
    return new AwsClients(
        new AwsSettings(
            "us-east-1",
            null,
            null,
            stack.s3Endpoint(),
            stack.sqsEndpoint(),
            stack.dynamoDbEndpoint()));
  }

  Map<String, Widget> widgets(Store store) {
    return store == Store.S3 ? s3Widgets() : tableWidgets();
  }

  /** Every widget object under widgets/, by widget id. */
  Map<String, Widget> s3Widgets() {
    return byId(new S3WidgetStore(stack.s3(), widgetBucket, Clock.systemUTC()).all());
  }

  /** Every widget item of the table, read back through the store. */
  Map<String, Widget> tableWidgets() {
    return byId(
        new DynamoDbWidgetStore(stack.dynamoDb(), widgetTable, "id", Clock.systemUTC()).all());
  }

  private static Map<String, Widget> byId(List<Widget> widgets) {
    Map<String, Widget> byId = new TreeMap<>();
    widgets.forEach(widget -> byId.put(widget.id(), widget));
    return byId;
  }

  List<S3Object> objects(String bucket, String prefix) {
    return stack
        .s3()
        .listObjectsV2Paginator(r -> r.bucket(bucket).prefix(prefix))
        .contents()
        .stream()
        .toList();
  }

  int messagesIn(String queueUrl) {
    var attributes =
        stack
            .sqs()
            .getQueueAttributes(r -> r.queueUrl(queueUrl).attributeNamesWithStrings("All"))
            .attributesAsStrings();
    return Integer.parseInt(attributes.get("ApproximateNumberOfMessages"))
        + Integer.parseInt(attributes.get("ApproximateNumberOfMessagesNotVisible"));
  }
}
