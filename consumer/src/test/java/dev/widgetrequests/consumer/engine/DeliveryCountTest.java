package dev.widgetrequests.consumer.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.widgetrequests.model.parse.ParseResult;
import dev.widgetrequests.model.parse.RequestParser;
import dev.widgetrequests.model.source.Delivery;
import dev.widgetrequests.model.store.memory.InMemoryWidgetStore;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Every delivery is counted once, alike by the summary and by the observers (metrics, progress).
 */
class DeliveryCountTest {
  private final InMemoryRequestSource source = new InMemoryRequestSource();
  private final List<Outcome> seen = new CopyOnWriteArrayList<>();
  private final AtomicInteger dispatched = new AtomicInteger();
  private final ConsumerEvents events =
      new ConsumerEvents() {
        @Override
        public void dispatched(Delivery delivery) {
          dispatched.incrementAndGet();
        }

        @Override
        public void finished(Delivery delivery, ParseResult parsed, Outcome outcome) {
          seen.add(outcome);
        }
      };

  private static String create(String id) {
    return """
        {"type":"create","requestId":"r-%s","widgetId":"%s","owner":"Sue Smith","label":"a"}"""
        .formatted(id, id);
  }

  private ConsumerStats.Summary run() {
    var settings =
        new EngineSettings(4, Duration.ZERO, Duration.ofMillis(50), Duration.ofSeconds(5));
    return new ConsumerEngine<>(
            source,
            new InMemoryWidgetStore(),
            new RequestParser(),
            settings,
            Clock.systemUTC(),
            events)
        .run();
  }

  private long handledSeen() {
    return seen.stream()
        .filter(o -> !(o instanceof Outcome.Released) && !(o instanceof Outcome.Gone))
        .count();
  }

  @Test
  void anObjectTakenByAnotherConsumer_isNotCountedAsHandled() {
    for (int i = 0; i < 5; i++) {
      source.add("k" + i, create("w" + i));
    }
    source.goneOnResolve.add("k1");
    source.goneOnResolve.add("k3");

    var summary = run();

    assertThat(summary.handled()).isEqualTo(3);
    assertThat(handledSeen()).isEqualTo(3);
    assertThat(seen).hasSize(dispatched.get());
  }

  @Test
  void aClaimCheckRefusedForItsSize_isCountedOnceAsRejected() {
    source.add("k0", create("w0"));
    source.add("k1", create("w1"));
    source.refuseOnResolve.add("k1");

    var summary = run();

    assertThat(summary.rejected()).isEqualTo(1);
    assertThat(summary.handled()).isEqualTo(2);
    assertThat(handledSeen()).isEqualTo(2);
    assertThat(seen).filteredOn(Outcome.Rejected.class::isInstance).hasSize(1);
    assertThat(source.deadLetters).containsEntry("k1", "object over 256 KiB");
    assertThat(seen).hasSize(dispatched.get());
  }
}
