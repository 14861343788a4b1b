package dev.widgetrequests.bench;

import dev.widgetrequests.local.LocalStack;
import dev.widgetrequests.local.QueuePair;
import dev.widgetrequests.producer.sink.BucketSink;
import dev.widgetrequests.producer.sink.ClaimCheckSink;
import dev.widgetrequests.producer.sink.QueueSink;
import dev.widgetrequests.producer.sink.RequestSink;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Fresh resources for one drain of one path: its queue (with dead-letter queue), request bucket,
 * payload bucket, widget bucket and table, so no drain sees another's leftovers.
 */
record Resources(
    BenchPath path,
    LocalStack stack,
    QueuePair queue,
    String requestBucket,
    String payloadBucket,
    String widgetBucket,
    String table) {

  static final String KEY_ATTRIBUTE = "id";

  static Resources create(LocalStack stack, BenchPath path) {
    String name = stack.uniqueName("bench");
    return new Resources(
        path,
        stack,
        path.queue ? stack.createQueueWithDeadLetter(name) : null,
        path.queue ? null : stack.createBucket(name + "-requests"),
        path.pointers ? stack.createBucket(name + "-payloads") : null,
        path.table ? null : stack.createBucket(name + "-widgets"),
        path.table ? stack.createWidgetTable(name, KEY_ATTRIBUTE) : null);
  }

  /** Where the producer sends this path's requests, through the clients the commands use. */
  RequestSink sink(BenchClients clients) {
    if (!path.queue) {
      return new BucketSink(clients.s3(), requestBucket);
    }
    QueueSink queueSink = new QueueSink(clients.sqs(), queue.queueUrl());
    return path.pointers
        ? new ClaimCheckSink(new BucketSink(clients.s3(), payloadBucket), queueSink)
        : queueSink;
  }

  /** A stand-in for an absent resource among {@link #processArguments()}. */
  private static final String NONE = "-";

  /** This path and its resources as arguments for a drainer in a process of its own. */
  List<String> processArguments() {
    return Stream.of(
            path.option,
            queue == null ? null : queue.queueUrl(),
            queue == null ? null : queue.deadLetterQueueUrl(),
            requestBucket,
            payloadBucket,
            widgetBucket,
            table)
        .map(argument -> argument == null ? NONE : argument)
        .toList();
  }

  /**
   * The resources {@link #processArguments()} gave, in the process that took them: without the
   * stack, which runs in the bench's process.
   */
  static Resources fromProcessArguments(List<String> arguments) {
    List<String> values =
        arguments.stream().map(argument -> NONE.equals(argument) ? null : argument).toList();
    if (values.size() != 7) {
      throw new IllegalArgumentException("expected 7 resource arguments, got " + arguments);
    }
    return new Resources(
        BenchPath.of(values.get(0)),
        null,
        values.get(1) == null ? null : new QueuePair(values.get(1), values.get(2)),
        values.get(3),
        values.get(4),
        values.get(5),
        values.get(6));
  }

  /** The {@code widgets consumer} arguments that drain this path. */
  List<String> consumerArguments() {
    List<String> args = new ArrayList<>();
    if (path.queue) {
      args.addAll(List.of("-rq", queue.queueUrl(), "-qwt", "1"));
      if (path.pointers) {
        args.addAll(List.of("--payload-bucket", payloadBucket));
      }
    } else {
      args.addAll(List.of("-rb", requestBucket));
    }
    if (path.table) {
      args.addAll(List.of("-dwt", table));
    } else {
      args.addAll(List.of("-wb", widgetBucket));
    }
    args.addAll(
        List.of(
            "--endpoint-url-s3", stack.s3Endpoint().toString(),
            "--endpoint-url-sqs", stack.sqsEndpoint().toString(),
            "--endpoint-url-dynamodb", stack.dynamoDbEndpoint().toString()));
    return args;
  }
}
