package dev.widgetrequests.consumer.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.widgetrequests.model.Widget;
import dev.widgetrequests.model.WidgetRequest;
import dev.widgetrequests.model.failure.InfrastructureFailure;
import dev.widgetrequests.model.fold.KeyedRequest;
import dev.widgetrequests.model.fold.StoreOutcome;
import dev.widgetrequests.model.fold.WidgetFold;
import dev.widgetrequests.model.parse.ParseResult;
import dev.widgetrequests.model.parse.RequestParser;
import dev.widgetrequests.model.source.Delivery;
import dev.widgetrequests.model.store.Provenance;
import dev.widgetrequests.model.store.WidgetStore;
import dev.widgetrequests.model.store.memory.InMemoryWidgetStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Requests of one widget waiting in its lane are folded into one store call, and each still ends by
 * its own outcome (docs/design/consumer.md, "Coalescing in the lane").
 */
class CoalescingEngineTest {
  private final InMemoryRequestSource source = new InMemoryRequestSource();
  private final List<Outcome> ended = new CopyOnWriteArrayList<>();
  private final Map<String, Outcome> endedByKey = new ConcurrentHashMap<>();
  private final AtomicInteger dispatched = new AtomicInteger();
  private final ConsumerEvents events =
      new ConsumerEvents() {
        @Override
        public void dispatched(Delivery delivery) {
          dispatched.incrementAndGet();
        }

        @Override
        public void finished(Delivery delivery, ParseResult parsed, Outcome outcome) {
          ended.add(outcome);
          endedByKey.put(delivery.position(), outcome);
        }
      };

  private static String request(String type, String widgetId, String label) {
    return """
        {"type":"%s","requestId":"r-%s-%s","widgetId":"%s","owner":"Sue Smith","label":"%s"}"""
        .formatted(type, widgetId, label, widgetId, label);
  }

  private ConsumerStats.Summary run(WidgetStore store) {
    var settings =
        new EngineSettings(32, Duration.ZERO, Duration.ofMillis(200), Duration.ofSeconds(5));
    return new ConsumerEngine<>(
            source, store, new RequestParser(), settings, Clock.systemUTC(), events)
        .run();
  }

  @Test
  void aHotLane_writesFarFewerTimesThanItHasRequests_andEachRequestEndsOnce() {
    source.add("k0000", request("create", "hot", "0"));
    for (int i = 1; i <= 300; i++) {
      source.add("k%04d".formatted(i), request("update", "hot", Integer.toString(i)));
      if (i % 30 == 0) {
        source.add("k%04da".formatted(i), request("create", "other-" + i, "x"));
        source.add("k%04db".formatted(i), "not a request");
      }
    }
    InMemoryWidgetStore memory = new InMemoryWidgetStore();
    CountingStore store = new CountingStore(memory);

    var summary = run(store);

    assertThat(summary.applied()).isEqualTo(311);
    assertThat(summary.rejected()).isEqualTo(10);
    assertThat(memory.find("hot").orElseThrow().label()).isEqualTo("300");
    assertThat(source.acknowledged).hasSize(311).doesNotHaveDuplicates();
    assertThat(source.deadLetters).hasSize(10);
    assertThat(ended).hasSize(321).hasSize(dispatched.get());
    assertThat(store.requests.get("hot")).isEqualTo(301);
    assertThat(store.calls.get("hot"))
        .as("store calls for the hot widget's 301 requests")
        .isLessThan(301 / 4);
    for (int i = 30; i <= 300; i += 30) {
      assertThat(memory.find("other-" + i)).isPresent();
    }
  }

  @Test
  void aLotWithDuplicatesWarningsAndTooLateOnes_endsEachByItsOwnOutcome() {
    InMemoryWidgetStore memory = new InMemoryWidgetStore(new WidgetFold.Limits(4, 64 * 1024));
    Provenance provenance = new Provenance("p", Instant.now(), "p");
    KeyedRequest create = new KeyedRequest("k5000", parse(request("create", "hot", "0")));
    memory.apply(create, provenance);
    for (int i = 1; i <= 6; i++) {
      memory.apply(
          new KeyedRequest("k500" + i, parse(request("update", "hot", "u" + i))), provenance);
    }
    source.add("k0001", request("update", "hot", "too-late"));
    source.add("k5000", request("create", "hot", "0"));
    source.add("k6000", request("update", "hot", "applied"));
    source.add(
        "k6001",
        """
        {"type":"update","requestId":"r-x","widgetId":"hot","owner":"Bob Jones","label":"stolen"}""");
    CountingStore store = new CountingStore(memory);
    store.firstCallMillis = 200; // the lane's first request, alone or not, holds up the rest

    var summary = run(store);

    // The lane's task may start after one or two of them joined; the rest wait out its 200 ms call.
    assertThat(store.calls.get("hot")).isLessThanOrEqualTo(2);
    assertThat(store.largestLot.get()).isGreaterThanOrEqualTo(2);
    assertThat(source.deadLetters).containsOnlyKeys("k0001");
    assertThat(source.acknowledged).containsExactlyInAnyOrder("k5000", "k6000", "k6001");
    assertThat(endedByKey).hasSize(4);
    assertThat(endedByKey.get("k0001")).isInstanceOf(Outcome.TooLate.class);
    assertThat(endedByKey.get("k5000")).isInstanceOf(Outcome.Duplicate.class);
    assertThat(endedByKey.get("k6000")).isInstanceOf(Outcome.Applied.class);
    assertThat(endedByKey.get("k6001")).isInstanceOf(Outcome.Warned.class);
    assertThat(memory.find("hot").orElseThrow().label()).isEqualTo("applied");
    assertThat(summary.handled()).isEqualTo(4);
  }

  @Test
  void aLotWhoseStoreCallFails_isReleased_theLaterOnesBehindTheFirst() {
    source.add("k0", request("create", "hot", "0"));
    source.add("k1", request("update", "hot", "1"));
    source.add("k2", request("update", "hot", "2"));
    InMemoryWidgetStore memory = new InMemoryWidgetStore();
    AtomicInteger failures = new AtomicInteger(1);
    WidgetStore failingOnce =
        new CountingStore(memory) {
          @Override
          public List<StoreOutcome> applyAll(List<KeyedRequest> requests, Provenance provenance) {
            if (failures.getAndDecrement() > 0) {
              throw new InfrastructureFailure.Transient("store unreachable", null);
            }
            return super.applyAll(requests, provenance);
          }
        };

    var summary = run(failingOnce);

    assertThat(ended.subList(0, 3)).allMatch(Outcome.Released.class::isInstance);
    assertThat(source.releasedBehind).startsWith("k1", "k2");
    assertThat(summary.released()).isGreaterThanOrEqualTo(3);
    assertThat(summary.applied()).isEqualTo(3);
    assertThat(memory.find("hot").orElseThrow().label()).isEqualTo("2");
  }

  private static WidgetRequest parse(String body) {
    return ((ParseResult.Valid) new RequestParser().parse(body)).request();
  }

  /**
   * Takes 5 ms per call (the first as long as told) and counts each widget's calls and the requests
   * they carried.
   */
  private static class CountingStore implements WidgetStore {
    private final WidgetStore delegate;
    final Map<String, Integer> calls = new ConcurrentHashMap<>();
    final Map<String, Integer> requests = new ConcurrentHashMap<>();
    final AtomicInteger largestLot = new AtomicInteger();
    volatile int firstCallMillis = 5;

    CountingStore(WidgetStore delegate) {
      this.delegate = delegate;
    }

    @Override
    public StoreOutcome apply(KeyedRequest request, Provenance provenance) {
      return applyAll(List.of(request), provenance).getFirst();
    }

    @Override
    public List<StoreOutcome> applyAll(List<KeyedRequest> lot, Provenance provenance) {
      try {
        Thread.sleep(calls.isEmpty() ? firstCallMillis : 5);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      String id = lot.getFirst().request().widgetId();
      calls.merge(id, 1, Integer::sum);
      requests.merge(id, lot.size(), Integer::sum);
      largestLot.accumulateAndGet(lot.size(), Math::max);
      return delegate.applyAll(lot, provenance);
    }

    @Override
    public Optional<Widget> find(String widgetId) {
      return delegate.find(widgetId);
    }
  }
}
