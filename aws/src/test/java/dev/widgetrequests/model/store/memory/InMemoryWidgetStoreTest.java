package dev.widgetrequests.model.store.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.widgetrequests.model.Widget;
import dev.widgetrequests.model.store.Provenance;
import dev.widgetrequests.model.store.WidgetStore;
import dev.widgetrequests.model.store.WidgetStoreContract;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InMemoryWidgetStoreTest extends WidgetStoreContract {
  private final InMemoryWidgetStore store = new InMemoryWidgetStore();

  @Override
  protected WidgetStore store() {
    return store;
  }

  @Test
  void snapshot_holdsEveryLiveWidgetByIdAndIgnoresLaterChanges() {
    Widget first = fullWidget("b-widget", OWNER);
    Widget second = fullWidget("a-widget", "Sue Smith");
    put(first);
    put(second);

    Map<String, Widget> snapshot = store.snapshot();
    apply(delete(nextKey(), first.id(), OWNER));

    assertThat(snapshot)
        .containsExactly(Map.entry("a-widget", second), Map.entry("b-widget", first));
    assertThat(store.snapshot()).containsOnlyKeys("a-widget");
    assertThatThrownBy(() -> snapshot.clear()).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void provenance_isThatOfTheLastChange() {
    Widget widget = fullWidget(newId(), OWNER);
    Provenance later = new Provenance("second", Instant.parse("2021-02-02T22:52:49Z"), "2");
    put(widget);

    store.apply(create(nextKey(), widget), later);

    assertThat(store.provenance(widget.id())).contains(later);
  }

  @Test
  void provenance_ofDeletedWidget_isEmpty() {
    Widget widget = fullWidget(newId(), OWNER);
    put(widget);

    apply(delete(nextKey(), widget.id(), OWNER));

    assertThat(store.provenance(widget.id())).isEmpty();
  }
}
