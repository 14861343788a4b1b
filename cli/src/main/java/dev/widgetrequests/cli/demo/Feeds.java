package dev.widgetrequests.cli.demo;

import dev.widgetrequests.model.WidgetRequest;
import dev.widgetrequests.model.json.WidgetJson;
import dev.widgetrequests.producer.generate.RequestGenerator;
import dev.widgetrequests.producer.run.Producer;
import dev.widgetrequests.producer.run.ProducerSettings;
import dev.widgetrequests.producer.run.ProductionSummary;
import dev.widgetrequests.producer.run.Progress;
import dev.widgetrequests.producer.sink.BucketSink;
import dev.widgetrequests.producer.sink.ClaimCheckSink;
import dev.widgetrequests.producer.sink.QueueSink;
import dev.widgetrequests.producer.sink.RequestSink;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.core.sync.RequestBody;

/**
 * Sends one round of requests through every path: the producer into the bucket, the queue and both
 * (claim check), and HTTP POSTs to the request handler; plus a few bad requests, which must be
 * rejected without stopping anything.
 */
final class Feeds {
  /** Bad on purpose: an empty body and an unknown type. They end under rejected/. */
  static final List<String> BAD_BUCKET_REQUESTS =
      List.of(
          "",
          "{\"type\":\"bad\",\"requestId\":\"demo-bad-1\",\"widgetId\":\"w1\",\"owner\":\"Sue Smith\"}");

  /** Bad on purpose: no owner, and an owner with digits. The handler answers 400. */
  static final List<String> BAD_HTTP_REQUESTS =
      List.of(
          "{\"type\":\"create\",\"requestId\":\"demo-bad-2\",\"widgetId\":\"w2\"}",
          "{\"type\":\"create\",\"requestId\":\"demo-bad-3\",\"widgetId\":\"w3\",\"owner\":\"R2D2\"}");

  private final DemoStack demo;
  private final HttpClient http = HttpClient.newHttpClient();

  Feeds(DemoStack demo) {
    this.demo = demo;
  }

  /** The requests a path carries, in order: the same for every round. */
  static List<WidgetRequest> stream(DemoPath path, long seed, int count) {
    RequestGenerator generator = RequestGenerator.seeded(path.seed(seed));
    List<WidgetRequest> requests = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      requests.add(generator.next());
    }
    return requests;
  }

  /** Sends {@code count} requests through {@code path}; returns how many were accepted. */
  long send(DemoPath path, long seed, int count) throws IOException, InterruptedException {
    return switch (path) {
      case BUCKET -> produce(bucket(), seed, path, count);
      case QUEUE -> produce(queue(), seed, path, count);
      case CLAIM_CHECK -> produce(new ClaimCheckSink(payloads(), queue()), seed, path, count);
      case HTTP -> post(stream(path, seed, count).stream().map(WidgetJson::toJson).toList(), 202);
    };
  }

  /** Sends the bad requests; returns how many the HTTP endpoint refused. */
  long sendBadOnes() throws IOException, InterruptedException {
    for (int i = 0; i < BAD_BUCKET_REQUESTS.size(); i++) {
      // Keys before any producer key, so they are read first.
      String key = "0000000000000-bad-" + System.nanoTime() + "-" + i;
      String body = BAD_BUCKET_REQUESTS.get(i);
      demo.clients
          .s3()
          .putObject(
              r -> r.bucket(demo.resources.requestBucket()).key(key), RequestBody.fromString(body));
    }
    return post(BAD_HTTP_REQUESTS, 400);
  }

  private long produce(RequestSink sink, long seed, DemoPath path, int count) {
    // Full speed on every path: batches in flight at once arrive in any order, and the stores
    // fold each request in at its key.
    Duration delay = Duration.ZERO;
    ProductionSummary summary =
        new Producer(
                sink,
                new ProducerSettings(count, delay, Duration.ZERO, path.seed(seed)),
                Clock.systemUTC(),
                Progress.none())
            .run();
    if (summary.failed()) {
      throw new IllegalStateException(path + ": " + summary.failure());
    }
    return summary.sent().total();
  }

  /** POSTs each body in order; returns how many got the expected status. */
  private long post(List<String> bodies, int expectedStatus)
      throws IOException, InterruptedException {
    long matching = 0;
    for (String body : bodies) {
      HttpResponse<String> response =
          http.send(
              HttpRequest.newBuilder(demo.handlerUri())
                  .header("Content-Type", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofString(body))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() == expectedStatus) {
        matching++;
      }
    }
    return matching;
  }

  private BucketSink bucket() {
    return new BucketSink(demo.clients.s3(), demo.resources.requestBucket());
  }

  private BucketSink payloads() {
    return new BucketSink(demo.clients.s3(), DemoStack.PAYLOAD_BUCKET);
  }

  private QueueSink queue() {
    return new QueueSink(demo.clients.sqs(), demo.queue.queueUrl());
  }
}
