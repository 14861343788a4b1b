package dev.widgetrequests.consumer.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.widgetrequests.model.Widget;
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
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** A widget with many requests waiting must not hold up the others (docs/design/consumer.md). */
class FairShareEngineTest {
  private final InMemoryRequestSource source = new InMemoryRequestSource();
  private final InMemoryWidgetStore store = new InMemoryWidgetStore();

  private static String request(String type, String widgetId, String label) {
    return """
        {"type":"%s","requestId":"r-%s-%s","widgetId":"%s","owner":"Sue Smith","label":"%s"}"""
        .formatted(type, widgetId, label, widgetId, label);
  }

  @Test
  void aHotWidget_holdsOnlyItsShareOfThePermits_soTheOthersFlow() {
    source.add("k0000", request("create", "hot", "0"));
    for (int i = 1; i <= 200; i++) {
      source.add("k%04d".formatted(i), request("update", "hot", Integer.toString(i)));
      if (i % 10 == 0) {
        source.add("k%04da".formatted(i), request("create", "other-" + i, "x"));
      }
    }
    List<String> applied = new CopyOnWriteArrayList<>();
    WidgetStore slow = new SlowStore(store, applied);
    var settings =
        new EngineSettings(32, Duration.ZERO, Duration.ofMillis(200), Duration.ofSeconds(5));

    var summary =
        new ConsumerEngine<>(source, slow, new RequestParser(), settings, Clock.systemUTC()).run();

    assertThat(summary.applied()).isEqualTo(221);
    assertThat(store.snapshot().get("hot").label()).isEqualTo("200");
    int lastOther = 0;
    for (int i = 0; i < applied.size(); i++) {
      if (applied.get(i).startsWith("other-")) {
        lastOther = i;
      }
    }
    // 32 permits: the hot widget holds 4, parks up to 256 more; the 20 others are all taken within
    // the first polls and run beside its lane.
    assertThat(lastOther)
        .as("place of the last other widget among %d applies", applied.size())
        .isLessThan(80);
  }

  /** Takes 10 ms per request and records which widget each request changed, in order. */
  private record SlowStore(WidgetStore delegate, List<String> applied) implements WidgetStore {
    @Override
    public StoreOutcome apply(KeyedRequest request, Provenance provenance) {
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      applied.add(request.request().widgetId());
      return delegate.apply(request, provenance);
    }

    @Override
    public Optional<Widget> find(String widgetId) {
      return delegate.find(widgetId);
    }
  }
}
