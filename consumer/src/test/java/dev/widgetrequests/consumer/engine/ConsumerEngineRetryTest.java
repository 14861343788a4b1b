package dev.widgetrequests.consumer.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.widgetrequests.model.parse.RequestParser;
import dev.widgetrequests.store.memory.InMemoryWidgetStore;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Failures stay with their own request, and a retry never lets a widget's later ones overtake. */
class ConsumerEngineRetryTest {
  private final InMemoryRequestSource source = new InMemoryRequestSource();
  private final InMemoryWidgetStore store = new InMemoryWidgetStore();

  private static String request(String type, String id, String label) {
    return """
        {"type":"%s","requestId":"r-%s","widgetId":"%s","owner":"Sue Smith","label":"%s"}"""
        .formatted(type, label, id, label);
  }

  private ConsumerEngine engine(int concurrency, Duration maxRuntime, Duration idle) {
    var settings = new EngineSettings(concurrency, maxRuntime, idle, Duration.ofSeconds(5));
    return new ConsumerEngine(source, store, new RequestParser(), settings, Clock.systemUTC());
  }

  @Test
  void releasedRequest_releasesTheLaterRequestsOfItsWidgetInTheLane_only() {
    source.add("k1", request("create", "w", "a"));
    source.add("k2", request("update", "w", "b"));
    source.add("k3", request("update", "w", "c"));
    source.add("k4", request("create", "v", "x"));
    source.failAcknowledge.add("k1");

    var summary = engine(8, Duration.ofMillis(150), null).run();

    assertThat(source.releasedBehind).startsWith("k2", "k3");
    assertThat(source.acknowledged).contains("k4").doesNotContain("k2", "k3");
    assertThat(summary.released()).isGreaterThanOrEqualTo(3);
  }

  @Test
  void batchLargerThanTheConcurrency_goesOnInParts() {
    for (int i = 0; i < 25; i++) {
      source.add("k%02d".formatted(i), request("create", "w" + i, "L" + i));
    }

    var summary = engine(3, Duration.ZERO, Duration.ofMillis(100)).run();

    assertThat(summary.applied()).isEqualTo(25);
    assertThat(source.remaining()).isZero();
  }

  @Test
  void failedFetch_releasesItsOwnDeliveryOnly() {
    source.add("k1", request("create", "w1", "a"));
    source.add("k2", request("create", "w2", "b"));
    source.add("k3", request("create", "w3", "c"));
    source.failResolve.add("k2");

    var summary = engine(8, Duration.ofMillis(300), null).run();

    assertThat(source.acknowledged).contains("k1", "k3").doesNotContain("k2");
    assertThat(store.snapshot()).containsKeys("w1", "w3").doesNotContainKey("w2");
    assertThat(summary.released()).isPositive();
    assertThat(source.releasedBehind).isEmpty();
  }

  @Test
  void stop_givesBackWhatWasReceivedButNotStarted() throws Exception {
    for (int i = 0; i < 8; i++) {
      source.add("k" + i, request(i == 0 ? "create" : "update", "w", "L" + i));
    }
    source.failAcknowledge.add("k0"); // holds the lane for 100 ms, then releases k0
    ConsumerEngine engine = engine(16, Duration.ZERO, null);
    Thread runner = Thread.ofVirtual().start(engine::run);
    Thread.sleep(50);

    engine.stop();
    runner.join(Duration.ofSeconds(5));

    assertThat(runner.isAlive()).isFalse();
    assertThat(source.givenBack).contains("k1", "k7");
    assertThat(source.acknowledged).isEmpty();
    assertThat(source.remaining()).isEqualTo(8);
  }
}
