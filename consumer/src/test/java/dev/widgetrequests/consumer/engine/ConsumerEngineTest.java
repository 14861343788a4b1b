package dev.widgetrequests.consumer.engine;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.widgetrequests.model.Widget;
import dev.widgetrequests.model.failure.InfrastructureFailure;
import dev.widgetrequests.model.fold.KeyedRequest;
import dev.widgetrequests.model.fold.StoreOutcome;
import dev.widgetrequests.model.parse.RequestParser;
import dev.widgetrequests.model.store.Provenance;
import dev.widgetrequests.model.store.WidgetStore;
import dev.widgetrequests.model.store.memory.InMemoryWidgetStore;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slf4j.LoggerFactory;

class ConsumerEngineTest {
  private final InMemoryRequestSource source = new InMemoryRequestSource();
  private final InMemoryWidgetStore store = new InMemoryWidgetStore();

  private static String create(String id, String owner, String label) {
    return """
        {"type":"create","requestId":"r-%s","widgetId":"%s","owner":"%s","label":"%s"}"""
        .formatted(id, id, owner, label);
  }

  private static String update(String id, String owner, String label) {
    return create(id, owner, label).replace("\"create\"", "\"update\"");
  }

  private static String delete(String id, String owner) {
    return """
        {"type":"delete","requestId":"d-%s","widgetId":"%s","owner":"%s"}"""
        .formatted(id, id, owner);
  }

  private ConsumerStats.Summary runUntilIdle(WidgetStore target, int concurrency) {
    var settings =
        new EngineSettings(
            concurrency, Duration.ZERO, Duration.ofMillis(50), Duration.ofSeconds(5));
    return new ConsumerEngine<>(source, target, new RequestParser(), settings, Clock.systemUTC())
        .run();
  }

  @Test
  void run_appliesRequestsOfOneWidgetInSourceOrder() {
    for (int i = 0; i < 50; i++) {
      source.add("k%03d".formatted(i), update("w1", "Sue Smith", "L" + i));
    }
    source.add("k000", create("w1", "Sue Smith", "first"));

    var summary = runUntilIdle(store, 16);

    assertThat(store.snapshot().get("w1").label()).isEqualTo("L49");
    assertThat(summary.applied()).isEqualTo(50);
    assertThat(source.remaining()).isZero();
  }

  @Test
  void maxRate_capsHowFastRequestsAreTaken_andAllAreApplied() {
    for (int i = 0; i < 60; i++) {
      source.add("k%03d".formatted(i), create("w" + i, "Sue Smith", "L" + i));
    }
    var capped =
        new EngineSettings(64, Duration.ZERO, Duration.ofMillis(50), Duration.ofSeconds(5))
            .withMaxRate(40);

    long start = System.nanoTime();
    var summary =
        new ConsumerEngine<>(source, store, new RequestParser(), capped, Clock.systemUTC()).run();
    Duration took = Duration.ofNanos(System.nanoTime() - start);

    // 60 requests at 40 a second, a burst of at most 4: no sooner than (60 - 4) / 40 s.
    assertThat(took).isGreaterThanOrEqualTo(Duration.ofMillis(1400));
    assertThat(summary.applied()).isEqualTo(60);
  }

  @Test
  void run_logsAPollThatThrowsAnyException_andPollsOn() {
    source.failingPolls = 2;
    source.add("1", create("w", "Sue Smith", "a"));
    Logger pollLog = (Logger) LoggerFactory.getLogger(ConsumerEngine.class);
    ListAppender<ILoggingEvent> logged = new ListAppender<>();
    logged.start();
    pollLog.addAppender(logged);
    try {
      var summary = runUntilIdle(store, 1);

      assertThat(summary.applied()).isEqualTo(1);
      assertThat(source.polls).isGreaterThanOrEqualTo(3);
      assertThat(logged.list)
          .filteredOn(event -> event.getLevel() == Level.WARN)
          .extracting(ILoggingEvent::getFormattedMessage)
          .anySatisfy(line -> assertThat(line).contains("IllegalStateException: poll bug 1"));
    } finally {
      pollLog.detachAppender(logged);
    }
  }

  @Test
  void run_deadLettersInvalidRequestsWithTheReason_andKeepsGoing() {
    source.add("1", "");
    source.add(
        "2", "{\"type\":\"bad\",\"requestId\":\"x\",\"widgetId\":\"w\",\"owner\":\"Sue Smith\"}");
    source.add("3", create("w3", "Sue Smith", "ok"));

    var summary = runUntilIdle(store, 4);

    assertThat(source.deadLetters).containsOnlyKeys("1", "2");
    assertThat(source.deadLetters.get("2")).contains("type");
    assertThat(store.snapshot()).containsOnlyKeys("w3");
    assertThat(summary.rejected()).isEqualTo(2);
    assertThat(summary.applied()).isEqualTo(1);
  }

  @Test
  void run_countsWarningsForRequestsThatChangeNothing() {
    source.add("1", delete("missing", "Sue Smith"));
    source.add("2", create("w", "Sue Smith", "a"));
    source.add("3", update("w", "John Jones", "stolen"));

    var summary = runUntilIdle(store, 4);

    assertThat(summary.warned()).isEqualTo(2);
    assertThat(store.snapshot().get("w").label()).isEqualTo("a");
    assertThat(source.acknowledged).containsExactlyInAnyOrder("1", "2", "3");
  }

  @Test
  void run_releasesARequestWhoseStoreCallFailed_andAppliesItWhenItComesBack() {
    AtomicInteger failuresLeft = new AtomicInteger(2);
    WidgetStore flaky =
        new FlakyStore(
            store, failuresLeft, () -> new InfrastructureFailure.Transient("timed out", null));
    source.add("1", create("w", "Sue Smith", "a"));

    var summary = runUntilIdle(flaky, 1);

    assertThat(store.snapshot()).containsKey("w");
    assertThat(summary.applied()).isEqualTo(1);
    assertThat(failuresLeft.get()).as("both failures met, then applied").isNegative();
    // Each failure released it; a redelivery racing its lane's end may be released behind it.
    assertThat(summary.released()).isGreaterThanOrEqualTo(2);
  }

  @Test
  void run_leavesTheRequestInItsSource_whenTheStoreFailsWithABug() {
    WidgetStore broken =
        new FlakyStore(
            store,
            new AtomicInteger(Integer.MAX_VALUE),
            () -> new IllegalStateException("a bug in the store"));
    source.add("1", create("w", "Sue Smith", "a"));
    var settings = new EngineSettings(1, Duration.ofMillis(300), null, Duration.ofSeconds(5));

    var summary =
        new ConsumerEngine<>(source, broken, new RequestParser(), settings, Clock.systemUTC())
            .run();

    assertThat(summary.released()).isPositive();
    assertThat(summary.applied()).isZero();
    assertThat(source.remaining()).isEqualTo(1);
    assertThat(source.acknowledged).isEmpty();
    assertThat(source.deadLetters).isEmpty();
  }

  @Test
  void run_deadLettersARequestTheStoreRefusesByFailing() {
    WidgetStore refusing =
        new FlakyStore(
            store,
            new AtomicInteger(Integer.MAX_VALUE),
            () -> new InfrastructureFailure.Refused("item over 400 KB", null));
    source.add("1", create("w", "Sue Smith", "a"));
    source.add("2", create("v", "Sue Smith", "b"));

    var summary = runUntilIdle(refusing, 2);

    assertThat(source.deadLetters).containsOnlyKeys("1", "2");
    assertThat(source.deadLetters.get("1")).contains("item over 400 KB");
    assertThat(summary.rejected()).isEqualTo(2);
    assertThat(summary.released()).isZero();
  }

  @Test
  @Timeout(20)
  void run_stopsOnAFatalStoreFailure_leavingTheRequestsInTheSource() {
    WidgetStore denied =
        new FlakyStore(
            store,
            new AtomicInteger(Integer.MAX_VALUE),
            () -> new InfrastructureFailure.Fatal("AccessDeniedException: not allowed", null));
    for (int i = 0; i < 30; i++) {
      source.add("k%02d".formatted(i), create("w" + i, "Sue Smith", "a"));
    }
    var settings = new EngineSettings(4, Duration.ZERO, null, Duration.ofSeconds(5));
    var engine =
        new ConsumerEngine<>(source, denied, new RequestParser(), settings, Clock.systemUTC());

    var summary = engine.run(); // no stop asked, no idle exit: only the failure ends it

    assertThat(engine.fatalFailure())
        .hasValueSatisfying(why -> assertThat(why).contains("AccessDenied"));
    assertThat(summary.applied()).isZero();
    assertThat(source.remaining()).isEqualTo(30);
    assertThat(source.deadLetters).isEmpty();
  }

  @Test
  @Timeout(20)
  void run_stopsOnAFatalPollFailure() {
    source.pollFailure = new InfrastructureFailure.Fatal("the queue does not exist", null);
    var settings = new EngineSettings(4, Duration.ZERO, null, Duration.ofSeconds(5));
    var engine =
        new ConsumerEngine<>(source, store, new RequestParser(), settings, Clock.systemUTC());

    engine.run();

    assertThat(engine.fatalFailure())
        .hasValueSatisfying(why -> assertThat(why).contains("the queue does not exist"));
    assertThat(source.polls).isEqualTo(1);
  }

  @Test
  void stop_endsTheRunAfterRequestsInFlightFinish() throws Exception {
    var settings = new EngineSettings(4, Duration.ZERO, null, Duration.ofSeconds(5));
    var engine =
        new ConsumerEngine<>(source, store, new RequestParser(), settings, Clock.systemUTC());
    source.add("1", create("w", "Sue Smith", "a"));
    Thread runner = Thread.ofVirtual().start(engine::run);
    while (source.remaining() > 0) {
      Thread.sleep(5);
    }

    engine.stop();
    runner.join(Duration.ofSeconds(5));

    assertThat(runner.isAlive()).isFalse();
    assertThat(store.snapshot()).containsKey("w");
  }

  @Test
  void run_deadLettersWhatTheStoreRefuses_andKeepsGoing() {
    source.add("1", create("w", "Sue Smith", "too big"));
    WidgetStore refusing =
        new WidgetStore() {
          @Override
          public StoreOutcome apply(KeyedRequest request, Provenance provenance) {
            return new StoreOutcome.Refused("item too large");
          }

          @Override
          public Optional<Widget> find(String widgetId) {
            return Optional.empty();
          }
        };

    var summary = runUntilIdle(refusing, 2);

    assertThat(source.deadLetters).containsEntry("1", "item too large");
    assertThat(source.acknowledged).isEmpty();
    assertThat(summary.rejected()).isEqualTo(1);
  }

  /** Fails the first calls of apply with the given failure, then delegates. */
  private record FlakyStore(
      WidgetStore delegate, AtomicInteger failuresLeft, Supplier<RuntimeException> failure)
      implements WidgetStore {
    @Override
    public Optional<Widget> find(String widgetId) {
      return delegate.find(widgetId);
    }

    @Override
    public StoreOutcome apply(KeyedRequest request, Provenance provenance) {
      if (failuresLeft.getAndDecrement() > 0) {
        throw failure.get();
      }
      return delegate.apply(request, provenance);
    }
  }
}
