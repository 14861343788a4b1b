package dev.widgetrequests.aws.store.conditional;

import static org.assertj.core.api.Assertions.assertThat;

import dev.widgetrequests.model.Attribute;
import dev.widgetrequests.model.CreateWidget;
import dev.widgetrequests.model.fold.KeyedRequest;
import dev.widgetrequests.model.fold.WidgetHistory;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class StateCacheTest {

  @Test
  void keepsWhatItWasGiven_untilForgotten() {
    StateCache<String> cache = new StateCache<>(1_000_000, String::length);
    cache.put("a", "state of a");
    cache.put("b", "state of b");
    cache.put("a", "newer state of a");

    assertThat(cache.get("a")).contains("newer state of a");
    assertThat(cache.get("b")).contains("state of b");
    assertThat(cache.get("c")).isEmpty();
    cache.forget("a");
    assertThat(cache.get("a")).isEmpty();
    assertThat(cache.get("b")).contains("state of b");
  }

  @Test
  void staysWithinItsBytes_howeverManyWidgets() {
    long budget = 100_000;
    StateCache<String> cache = new StateCache<>(budget, String::length);
    String state = "x".repeat(800); // 1,000 bytes with the entry's own

    for (int i = 0; i < 10_000; i++) {
      cache.put("widget-" + i, state);
      cache.get("widget-" + (i / 2)); // some are used again, as a stream's updates do
    }

    assertThat(cache.weight()).isBetween(budget / 2, budget);
    long kept =
        IntStream.range(0, 10_000).filter(i -> cache.get("widget-" + i).isPresent()).count();
    assertThat(kept).isBetween(50L, 100L);
  }

  @Test
  void aStateBiggerThanTheWholeCache_isNotKept_andCostsNothingElse() {
    StateCache<String> cache = new StateCache<>(10_000, String::length);
    cache.put("small", "s");
    cache.put("huge", "x".repeat(20_000));

    assertThat(cache.get("huge")).isEmpty();
    assertThat(cache.get("small")).contains("s");
  }

  @Test
  void histories_weighThreeBytesPerCharacterOfTheirJson() {
    StateCache<WidgetHistory> cache = StateCache.ofHistories(history -> history);
    WidgetHistory history = history("a", 10);

    cache.put("a", history);

    assertThat(history.approximateChars()).isGreaterThan(10 * 40);
    assertThat(cache.weight())
        .isEqualTo(StateCache.ENTRY_BYTES + StateCache.BYTES_PER_CHAR * history.approximateChars());
  }

  @Test
  void histories_takeAtMostAQuarterOfTheHeap() {
    StateCache<WidgetHistory> cache = StateCache.ofHistories(history -> history);
    WidgetHistory big = history("big", 60); // ~ 4 KB of JSON, ~ 12 KB as counted
    long quarter = Runtime.getRuntime().maxMemory() / 4;
    long needed = quarter / (StateCache.BYTES_PER_CHAR * big.approximateChars()) + 1;

    for (long i = 0; i < needed * 2; i++) {
      cache.put("w" + i, big); // one history shared: only the weights grow
    }

    assertThat(cache.weight()).isLessThanOrEqualTo(quarter).isGreaterThan(quarter / 2);
  }

  private static WidgetHistory history(String id, int requests) {
    List<KeyedRequest> keyed = new ArrayList<>();
    for (int i = 0; i < requests; i++) {
      keyed.add(
          new KeyedRequest(
              "%04d".formatted(i),
              new CreateWidget(
                  "r" + i,
                  id,
                  "Sue Smith",
                  "label",
                  null,
                  List.of(new Attribute("size", "" + i)))));
    }
    return new WidgetHistory(null, null, keyed);
  }
}
