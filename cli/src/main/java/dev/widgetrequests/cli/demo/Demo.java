package dev.widgetrequests.cli.demo;

import dev.widgetrequests.consumer.cli.ConsumerConfig;
import dev.widgetrequests.consumer.cli.ConsumerWiring;
import dev.widgetrequests.consumer.engine.ConsumerEngine;
import dev.widgetrequests.consumer.engine.ConsumerStats;
import dev.widgetrequests.consumer.engine.EngineSettings;
import dev.widgetrequests.model.Widget;
import dev.widgetrequests.model.apply.Replay;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * The whole journey on a local stack: requests through every path, consumed into S3 in one round
 * and into DynamoDB in a second round with the same requests, then the stores checked against each
 * other, against the requests applied in memory, and every source checked drained.
 */
final class Demo {
  /** Consumers sharing the standard request queue in each round. */
  static final int QUEUE_CONSUMERS = 3;

  /** Consumers sharing the request bucket in each round. */
  static final int BUCKET_CONSUMERS = 2;

  private final DemoStack demo;
  private final int requestsPerPath;
  private final long seed;
  private final int concurrency;
  private final PrintStream out;

  Demo(DemoStack demo, int requestsPerPath, long seed, int concurrency, PrintStream out) {
    this.demo = demo;
    this.requestsPerPath = requestsPerPath;
    this.seed = seed;
    this.concurrency = concurrency;
    this.out = out;
  }

  DemoReport run() throws IOException, InterruptedException {
    long start = System.nanoTime();
    Feeds feeds = new Feeds(demo);
    Map<DemoPath, Long> sent = new EnumMap<>(DemoPath.class);
    long refused = 0;
    List<DemoReport.Round> rounds = new ArrayList<>();
    List<ConsumerConfig.Store> stores =
        List.of(
            new ConsumerConfig.BucketStore(demo.resources.widgetBucket(), "widgets/"),
            new ConsumerConfig.TableStore(
                demo.resources.widgetTable(), demo.resources.widgetTableKey()));
    for (int i = 0; i < stores.size(); i++) {
      String name = i == 0 ? "S3" : "DynamoDB";
      step("round %d/2: sending %d requests through each path", i + 1, requestsPerPath);
      for (DemoPath path : DemoPath.values()) {
        sent.put(path, feeds.send(path, seed, requestsPerPath));
      }
      refused += feeds.sendBadOnes();
      step("round %d/2: consuming from the bucket and the queue into %s", i + 1, name);
      rounds.add(consume(name, stores.get(i)));
    }
    step("checking the stores and the sources");
    StoreCheck check = new StoreCheck(demo, expected());
    List<String> failures = check.run(rounds.size(), refused);
    return new DemoReport(
        sent,
        refused,
        rounds,
        check.widgetsInS3(),
        check.widgetsInDynamoDb(),
        failures,
        Duration.ofNanos(System.nanoTime() - start));
  }

  /**
   * Several consumers share the standard queue and several the bucket, as a scaled-out deployment
   * would run them: they race for the same widgets, and the stores' conditional writes and order
   * keys still give the in-order result.
   */
  private DemoReport.Round consume(String name, ConsumerConfig.Store store) {
    long start = System.nanoTime();
    var settings =
        new EngineSettings(
            concurrency, Duration.ZERO, Duration.ofSeconds(1), Duration.ofSeconds(20));
    var fromBucket =
        new ConsumerConfig.BucketSource(demo.resources.requestBucket(), "rejected/", 50);
    var fromQueue =
        new ConsumerConfig.QueueSource(
            demo.queue.queueUrl(), null, 1, null, Set.of(DemoStack.PAYLOAD_BUCKET));
    List<CompletableFuture<ConsumerStats.Summary>> bucket = new ArrayList<>();
    List<CompletableFuture<ConsumerStats.Summary>> queue = new ArrayList<>();
    for (int i = 0; i < BUCKET_CONSUMERS; i++) {
      bucket.add(runAsync(fromBucket, store, settings));
    }
    for (int i = 0; i < QUEUE_CONSUMERS; i++) {
      queue.add(runAsync(fromQueue, store, settings));
    }
    return new DemoReport.Round(
        name, combined(bucket), combined(queue), Duration.ofNanos(System.nanoTime() - start));
  }

  /** The consumers' counts added up; their times are the longest of them. */
  private static ConsumerStats.Summary combined(
      List<CompletableFuture<ConsumerStats.Summary>> consumers) {
    List<ConsumerStats.Summary> summaries =
        consumers.stream().map(CompletableFuture::join).toList();
    return new ConsumerStats.Summary(
        summaries.stream().mapToLong(ConsumerStats.Summary::applied).sum(),
        summaries.stream().mapToLong(ConsumerStats.Summary::warned).sum(),
        summaries.stream().mapToLong(ConsumerStats.Summary::rejected).sum(),
        summaries.stream().mapToLong(ConsumerStats.Summary::released).sum(),
        summaries.stream().map(ConsumerStats.Summary::elapsed).max(Duration::compareTo).get(),
        summaries.stream().map(ConsumerStats.Summary::busy).max(Duration::compareTo).get());
  }

  private CompletableFuture<ConsumerStats.Summary> runAsync(
      ConsumerConfig.Source source, ConsumerConfig.Store store, EngineSettings settings) {
    var config = new ConsumerConfig(demo.clients.settings(), source, store, settings, null);
    ConsumerEngine<?> engine = ConsumerWiring.engine(config, demo.clients, Clock.systemUTC());
    return CompletableFuture.supplyAsync(engine::run);
  }

  /** Every path's requests applied in order in memory; paths have disjoint widgets. */
  private Map<String, Widget> expected() {
    Map<String, Widget> widgets = new java.util.TreeMap<>();
    for (DemoPath path : DemoPath.values()) {
      widgets.putAll(Replay.of(Feeds.stream(path, seed, requestsPerPath)));
    }
    return widgets;
  }

  private void step(String format, Object... args) {
    out.printf("==> " + format + "%n", args);
    out.flush();
  }
}
