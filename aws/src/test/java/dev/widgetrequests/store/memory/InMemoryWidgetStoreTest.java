package dev.widgetrequests.store.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.widgetrequests.model.Widget;
import dev.widgetrequests.store.Provenance;
import dev.widgetrequests.store.WidgetStore;
import dev.widgetrequests.store.WidgetStoreContract;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class InMemoryWidgetStoreTest extends WidgetStoreContract {
  private final InMemoryWidgetStore store = new InMemoryWidgetStore();

  @Override
  protected WidgetStore store() {
    return store;
  }

  @Test
  void find_withAnotherOwner_returnsWidgetLikeDynamoDb() {
    Widget widget = fullWidget(newId(), OWNER);
    store.put(widget, PROVENANCE);

    assertThat(store.find(widget.id(), "Sue Smith")).contains(widget);
  }

  @Test
  void snapshot_holdsEveryWidgetByIdAndIgnoresLaterChanges() {
    Widget first = fullWidget("b-widget", OWNER);
    Widget second = fullWidget("a-widget", "Sue Smith");
    store.put(first, PROVENANCE);
    store.put(second, PROVENANCE);

    Map<String, Widget> snapshot = store.snapshot();
    store.delete(first);

    assertThat(snapshot)
        .containsExactly(Map.entry("a-widget", second), Map.entry("b-widget", first));
    assertThatThrownBy(() -> snapshot.clear()).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void provenance_isThatOfTheLastPut() {
    Widget widget = fullWidget(newId(), OWNER);
    Provenance later = new Provenance("second", Instant.parse("2021-02-02T22:52:49Z"), "2");
    store.put(widget, PROVENANCE);

    store.put(widget, later);

    assertThat(store.provenance(widget.id())).contains(later);
  }

  @Test
  void provenance_ofDeletedWidget_isEmpty() {
    Widget widget = fullWidget(newId(), OWNER);
    store.put(widget, PROVENANCE);

    store.delete(widget);

    assertThat(store.provenance(widget.id())).isEmpty();
  }

  @Test
  void put_fromManyThreads_keepsEveryWidget() throws Exception {
    try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
      var puts =
          IntStream.range(0, 1000)
              .mapToObj(i -> pool.submit(() -> store.put(fullWidget("w" + i, OWNER), PROVENANCE)))
              .toList();
      for (Future<?> put : puts) {
        put.get();
      }
    }

    assertThat(store.snapshot()).hasSize(1000);
  }
}
