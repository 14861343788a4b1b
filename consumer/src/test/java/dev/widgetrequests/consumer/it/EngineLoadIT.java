package dev.widgetrequests.consumer.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.widgetrequests.aws.AwsClients;
import dev.widgetrequests.aws.source.sqs.SqsRequestSource;
import dev.widgetrequests.aws.store.dynamodb.DynamoDbWidgetStore;
import dev.widgetrequests.consumer.engine.ConsumerEngine;
import dev.widgetrequests.consumer.engine.ConsumerEvents;
import dev.widgetrequests.consumer.engine.EngineSettings;
import dev.widgetrequests.consumer.engine.Outcome;
import dev.widgetrequests.local.LocalService;
import dev.widgetrequests.local.LocalStack;
import dev.widgetrequests.local.LocalStackPorts;
import dev.widgetrequests.model.Widget;
import dev.widgetrequests.model.fold.KeyedRequest;
import dev.widgetrequests.model.parse.ParseResult;
import dev.widgetrequests.model.parse.RequestParser;
import dev.widgetrequests.model.source.Delivery;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

/**
 * The engine under two loads that once stalled it, at 20 ms per call, in this JVM: one widget with
 * 600 updates queued among 60 other widgets' creates (docs/design/consumer.md, "Fair lanes"), and
 * DynamoDB throttling 30 % of its calls for 20 s in the middle of a drain ("Back-pressure"). A
 * stack of its own, for its latency and its throttling.
 */
class EngineLoadIT {
  private static final Duration LATENCY = Duration.ofMillis(20);
  private static final int HOT_UPDATES = 600;
  private static final int OTHERS = 60;
  private static final int THROTTLED_REQUESTS = 4000;
  private static final Duration THROTTLED = Duration.ofSeconds(20);

  private static LocalStack stack;

  @BeforeAll
  static void startStack() {
    stack = LocalStack.start(LocalStackPorts.RANDOM, LATENCY);
  }

  @AfterAll
  static void stopStack() {
    stack.close();
  }

  private static String request(String type, String widgetId, String label) {
    return """
        {"type":"%s","requestId":"%s-%s","widgetId":"%s","owner":"Sue Smith","label":"%s"}"""
        .formatted(type, widgetId, label, widgetId, label);
  }

  @Test
  void dynamoDbThrottling30PercentFor20s_midDrain_shrinksTheWindow_losesNothing() throws Exception {
    var pipeline = new Pipeline(stack);
    List<KeyedRequest> stream = CourseLikeStream.generate(31L, THROTTLED_REQUESTS);
    List<KeyedRequest> plan = CourseLikeStream.sendPlan(stream, 31L, 40, 10);
    ConsumerFleet.send(pipeline, plan);
    List<Integer> windows = new CopyOnWriteArrayList<>();
    Map<String, Integer> releases = new ConcurrentHashMap<>();
    ConsumerEvents events =
        new ConsumerEvents() {
          @Override
          public void window(int size) {
            windows.add(size);
          }

          @Override
          public void finished(Delivery delivery, ParseResult parsed, Outcome outcome) {
            if (outcome instanceof Outcome.Released) {
              releases.merge(delivery.position(), 1, Integer::sum);
            }
          }
        };
    int smallest;
    try (AwsClients clients = pipeline.clients()) {
      ConsumerEngine<?> engine = engine(pipeline, clients, events, null);
      Thread running = Thread.ofVirtual().start(engine::run);
      awaitLeft(pipeline, plan.size() * 3 / 4);
      int windowsBefore = windows.size();
      try (var throttle = stack.throttle(LocalService.DYNAMODB, 0.3)) {
        Thread.sleep(THROTTLED.toMillis());
      }
      smallest = windows.stream().skip(windowsBefore).mapToInt(Integer::intValue).min().orElse(128);
      awaitLeft(pipeline, 0);
      engine.stop();
      running.join(Duration.ofSeconds(60));
    }

    Map<String, Widget> expected = CourseLikeStream.inOrder(stream);
    int mostReleases = releases.values().stream().mapToInt(Integer::intValue).max().orElse(0);
    System.out.printf(
        "DynamoDB throttling 30%% for %d s: %d messages, window down to %d and back to %d"
            + " (%d changes), %d messages released %d times in all, at most %d times each%n",
        THROTTLED.toSeconds(),
        plan.size(),
        smallest,
        windows.getLast(),
        windows.size(),
        releases.size(),
        releases.values().stream().mapToInt(Integer::intValue).sum(),
        mostReleases);
    assertThat(pipeline.messagesIn(pipeline.queue.deadLetterQueueUrl())).isZero();
    assertThat(pipeline.tableWidgets()).isEqualTo(expected);
    assertThat(smallest).as("the window shrank while throttled").isLessThan(64);
    assertThat(windows.getLast()).as("and grew back after").isEqualTo(128);
    assertThat(mostReleases).as("releases per message").isLessThanOrEqualTo(3);
  }

  /** Waits until at most {@code left} messages are in the queue (visible or in flight). */
  private static void awaitLeft(Pipeline pipeline, int left) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
    while (pipeline.messagesIn(pipeline.queue.queueUrl()) > left) {
      assertThat(System.nanoTime()).as("drained in time").isLessThan(deadline);
      Thread.sleep(200);
    }
  }

  @Test
  void hotWidget_othersStoredWithinTwoSeconds_ofTheFirstMessage() {
    List<String> distinct = new ArrayList<>();
    for (int i = 0; i <= HOT_UPDATES + OTHERS; i++) {
      distinct.add(request("create", "distinct-" + i, "x"));
    }
    Run baseline = run(distinct);

    List<String> hot = new ArrayList<>();
    hot.add(request("create", "hot", "0"));
    for (int i = 1; i <= HOT_UPDATES; i++) {
      hot.add(request("update", "hot", Integer.toString(i)));
      if (i % (HOT_UPDATES / OTHERS) == 0) {
        hot.add(request("create", "other-" + i, "x"));
      }
    }
    Run mixed = run(hot);

    System.out.printf(
        "hot widget at %d ms per call: %d requests in %.2f s (%.0f/s), slowest other widget"
            + " %.2f s after the first message; %d distinct creates in %.2f s (%.0f/s); ratio %.2f%n",
        LATENCY.toMillis(),
        hot.size(),
        mixed.seconds(),
        mixed.perSecond(),
        mixed.slowestOtherSeconds(),
        distinct.size(),
        baseline.seconds(),
        baseline.perSecond(),
        mixed.perSecond() / baseline.perSecond());
    assertThat(mixed.handled()).isEqualTo(hot.size());
    assertThat(mixed.others()).isEqualTo(OTHERS);
    assertThat(mixed.slowestOtherSeconds()).isLessThan(2.0);
    assertThat(mixed.perSecond() / baseline.perSecond())
        .as("the hot widget's run against distinct widgets'")
        .isGreaterThanOrEqualTo(0.8);
    assertThat(mixed.pipeline().tableWidgets().get("hot").label())
        .isEqualTo(Integer.toString(HOT_UPDATES));
    assertThat(mixed.pipeline().messagesIn(mixed.pipeline().queue.deadLetterQueueUrl())).isZero();
  }

  private record Run(
      Pipeline pipeline, long handled, int others, double seconds, double slowestOtherSeconds) {
    double perSecond() {
      return handled / seconds;
    }
  }

  /** Queues the bodies in order (their order keys say so), then drains them with one consumer. */
  private Run run(List<String> bodies) {
    var pipeline = new Pipeline(stack);
    send(pipeline, bodies);
    AtomicLong first = new AtomicLong();
    AtomicLong last = new AtomicLong();
    Map<String, Long> others = new ConcurrentHashMap<>();
    ConsumerEvents events =
        new ConsumerEvents() {
          @Override
          public void dispatched(Delivery delivery) {
            first.compareAndSet(0, System.nanoTime());
          }

          @Override
          public void finished(Delivery delivery, ParseResult parsed, Outcome outcome) {
            long now = System.nanoTime();
            last.accumulateAndGet(now, Math::max);
            if (parsed instanceof ParseResult.Valid valid
                && valid.request().widgetId().startsWith("other-")
                && outcome instanceof Outcome.Applied) {
              others.put(valid.request().widgetId(), now);
            }
          }
        };
    try (AwsClients clients = pipeline.clients()) {
      var summary = engine(pipeline, clients, events, Duration.ofSeconds(1)).run();
      long slowest = others.values().stream().mapToLong(t -> t - first.get()).max().orElse(0);
      return new Run(
          pipeline,
          summary.handled(),
          others.size(),
          (last.get() - first.get()) / 1e9,
          slowest / 1e9);
    }
  }

  /** A consumer as the command builds one: the queue, the table, 128 in flight. */
  private static ConsumerEngine<?> engine(
      Pipeline pipeline, AwsClients clients, ConsumerEvents events, Duration exitWhenIdle) {
    var source =
        new SqsRequestSource(
            clients.sqs(),
            clients.s3(),
            pipeline.queue.queueUrl(),
            pipeline.queue.deadLetterQueueUrl(),
            1,
            30,
            Set.of());
    var store =
        new DynamoDbWidgetStore(clients.dynamoDb(), pipeline.widgetTable, "id", Clock.systemUTC());
    var settings =
        new EngineSettings(
            EngineSettings.DEFAULT_CONCURRENCY,
            Duration.ZERO,
            exitWhenIdle,
            Duration.ofSeconds(30));
    return new ConsumerEngine<>(
        source, store, new RequestParser(), settings, Clock.systemUTC(), events);
  }

  /**
   * Each body with an order key claiming the time of the send and its place after it, so the keys
   * stay within the consumer's bounds (docs/design/convergence.md) and order the bodies as sent.
   */
  private static void send(Pipeline pipeline, List<String> bodies) {
    long sent = System.currentTimeMillis();
    for (int from = 0; from < bodies.size(); from += 10) {
      List<SendMessageBatchRequestEntry> entries = new ArrayList<>();
      for (int i = from; i < Math.min(bodies.size(), from + 10); i++) {
        entries.add(
            SendMessageBatchRequestEntry.builder()
                .id("m" + i)
                .messageBody(bodies.get(i))
                .messageAttributes(
                    Map.of(
                        SqsRequestSource.REQUEST_KEY_ATTRIBUTE,
                        MessageAttributeValue.builder()
                            .dataType("String")
                            .stringValue("%013d-%05d".formatted(sent, i))
                            .build()))
                .build());
      }
      stack.sqs().sendMessageBatch(r -> r.queueUrl(pipeline.queue.queueUrl()).entries(entries));
    }
  }
}
