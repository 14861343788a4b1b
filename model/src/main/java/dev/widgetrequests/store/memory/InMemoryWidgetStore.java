package dev.widgetrequests.store.memory;

import dev.widgetrequests.model.Widget;
import dev.widgetrequests.store.Provenance;
import dev.widgetrequests.store.WidgetStore;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Widgets in a map, keyed by widget id like the DynamoDB store: {@link #find} returns the widget
 * whatever its owner. Thread safe. Widgets are immutable, so they are stored as given.
 */
public final class InMemoryWidgetStore implements WidgetStore {

  /** A widget with the bookkeeping of the request that stored it. */
  private record Entry(Widget widget, Provenance provenance) {}

  private final Map<String, Entry> entries = new ConcurrentHashMap<>();

  @Override
  public Optional<Widget> find(String widgetId, String owner) {
    return Optional.ofNullable(entries.get(widgetId)).map(Entry::widget);
  }

  @Override
  public void put(Widget widget, Provenance provenance) {
    Objects.requireNonNull(provenance, "provenance");
    entries.put(widget.id(), new Entry(widget, provenance));
  }

  @Override
  public void delete(Widget widget) {
    entries.remove(widget.id());
  }

  /** The bookkeeping stored with a widget by its last {@link #put}, if it is stored. */
  public Optional<Provenance> provenance(String widgetId) {
    return Optional.ofNullable(entries.get(widgetId)).map(Entry::provenance);
  }

  /** A copy of every stored widget by id, in id order; later changes do not show in it. */
  public Map<String, Widget> snapshot() {
    Map<String, Widget> copy = new TreeMap<>();
    entries.forEach((id, entry) -> copy.put(id, entry.widget()));
    return Collections.unmodifiableMap(copy);
  }
}
