package dev.widgetrequests.consumer.engine;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** Failures stay with their own request, and a retry never lets a widget's later ones overtake. */
class ConsumerEngineRetryTest {
  private final InMemoryRequestSource source = new InMemoryRequestSource();
  private final InMemoryWidgetStore store = new InMemoryWidgetStore();

  /** Widgets whose every store call fails, as an unreachable store's would. */
  private final Set<String> unreachable = ConcurrentHashMap.newKeySet();

  /** When set, the first store call takes 200 ms. */
  private final AtomicBoolean slowFirstCall = new AtomicBoolean();

  /** The store as the engine sees it: the in-memory store, failing or slow when told. */
  private final WidgetStore engineStore =
      new WidgetStore() {
        @Override
        public StoreOutcome apply(KeyedRequest request, Provenance provenance) {
          return applyAll(List.of(request), provenance).getFirst();
        }

        @Override
        public List<StoreOutcome> applyAll(List<KeyedRequest> requests, Provenance provenance) {
          if (unreachable.contains(requests.getFirst().request().widgetId())) {
            throw new InfrastructureFailure.Transient("store unreachable", null);
          }
          if (slowFirstCall.getAndSet(false)) {
            try {
              Thread.sleep(200);
            } catch (InterruptedException interrupted) {
              Thread.currentThread().interrupt();
            }
          }
          return store.applyAll(requests, provenance);
        }

        @Override
        public Optional<Widget> find(String widgetId) {
          return store.find(widgetId);
        }
      };

  private static String request(String type, String id, String label) {
    return """
        {"type":"%s","requestId":"r-%s","widgetId":"%s","owner":"Sue Smith","label":"%s"}"""
        .formatted(type, label, id, label);
  }

  private ConsumerEngine<?> engine(int concurrency, Duration maxRuntime, Duration idle) {
    var settings = new EngineSettings(concurrency, maxRuntime, idle, Duration.ofSeconds(5));
    return new ConsumerEngine<>(
        source, engineStore, new RequestParser(), settings, Clock.systemUTC());
  }

  @Test
  void releasedRequest_releasesTheLaterRequestsOfItsWidgetInTheLane_only() {
    source.add("k1", request("create", "w", "a"));
    source.add("k2", request("update", "w", "b"));
    source.add("k3", request("update", "w", "c"));
    source.add("k4", request("create", "v", "x"));
    unreachable.add("w");

    var summary = engine(8, Duration.ofMillis(150), null).run();

    // Each time the lane's first request fails, the later ones are released behind it (how the
    // lane's lots fall, and so how often each comes back, depends on timing).
    assertThat(source.releasedBehind).contains("k2", "k3").doesNotContain("k4");
    assertThat(source.acknowledged).contains("k4").doesNotContain("k1", "k2", "k3");
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
    for (int i = 0; i < 40; i++) {
      source.add("k%02d".formatted(i), request(i == 0 ? "create" : "update", "w", "L" + i));
    }
    slowFirstCall.set(true); // holds the lane's first lot for 200 ms; the rest waits behind it
    ConsumerEngine<?> engine = engine(16, Duration.ZERO, null);
    Thread runner = Thread.ofVirtual().start(engine::run);
    Thread.sleep(50);

    engine.stop();
    runner.join(Duration.ofSeconds(5));

    assertThat(runner.isAlive()).isFalse();
    List<String> first = List.copyOf(source.acknowledged);
    assertThat(first).as("the lot in the store when stopped ends well").isNotEmpty();
    assertThat(first.getFirst()).isEqualTo("k00");
    assertThat(source.givenBack).isNotEmpty().doesNotContainAnyElementsOf(first);
    assertThat(source.remaining()).isEqualTo(40 - first.size());
  }
}
