package dev.widgetrequests.model.store.memory;

import dev.widgetrequests.model.Widget;
import dev.widgetrequests.model.fold.Folded;
import dev.widgetrequests.model.fold.KeyedRequest;
import dev.widgetrequests.model.fold.StoreOutcome;
import dev.widgetrequests.model.fold.WidgetFold;
import dev.widgetrequests.model.fold.WidgetHistory;
import dev.widgetrequests.model.store.FoldedBatch;
import dev.widgetrequests.model.store.Provenance;
import dev.widgetrequests.model.store.WidgetStore;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Widgets in a map, keyed by widget id like the DynamoDB store, each with its history. Thread safe:
 * a request is folded in atomically with its widget's entry. Widgets are immutable, so they are
 * stored as given.
 */
public final class InMemoryWidgetStore implements WidgetStore {

  /** A widget's history, the widget it gives (or null), and the last change's bookkeeping. */
  private record Entry(WidgetHistory history, Widget widget, Provenance provenance) {}

  private final Map<String, Entry> entries = new ConcurrentHashMap<>();
  private final WidgetFold.Limits limits;

  public InMemoryWidgetStore() {
    this(WidgetFold.Limits.DEFAULT);
  }

  /** A store that keeps each widget's history within these limits. */
  public InMemoryWidgetStore(WidgetFold.Limits limits) {
    this.limits = Objects.requireNonNull(limits, "limits");
  }

  @Override
  public StoreOutcome apply(KeyedRequest request, Provenance provenance) {
    Objects.requireNonNull(provenance, "provenance");
    AtomicReference<Folded> result = new AtomicReference<>();
    entries.compute(
        request.request().widgetId(),
        (id, entry) -> {
          WidgetHistory history = entry == null ? WidgetHistory.EMPTY : entry.history();
          Folded folded = WidgetFold.fold(history, request, limits);
          result.set(folded);
          if (!folded.changed()) {
            return entry;
          }
          Provenance kept = entry == null ? null : entry.provenance();
          if (folded.lastChange() == request) {
            kept = provenance;
          }
          return new Entry(folded.history(), folded.widget(), kept);
        });
    return result.get().outcome();
  }

  /** Folds the lot into the widget's entry at once: one write, as the AWS stores do. */
  @Override
  public List<StoreOutcome> applyAll(List<KeyedRequest> requests, Provenance provenance) {
    Objects.requireNonNull(provenance, "provenance");
    AtomicReference<FoldedBatch> result = new AtomicReference<>();
    entries.compute(
        FoldedBatch.widgetOf(requests),
        (id, entry) -> {
          WidgetHistory history = entry == null ? WidgetHistory.EMPTY : entry.history();
          FoldedBatch batch = FoldedBatch.fold(history, requests, limits);
          result.set(batch);
          if (!batch.changed()) {
            return entry;
          }
          Folded last = batch.last();
          Provenance kept = entry == null ? null : entry.provenance();
          if (requests.contains(last.lastChange())) {
            kept = provenance;
          }
          return new Entry(last.history(), last.widget(), kept);
        });
    return result.get().outcomes();
  }

  @Override
  public Optional<Widget> find(String widgetId) {
    return Optional.ofNullable(entries.get(widgetId)).map(Entry::widget);
  }

  /** The bookkeeping of the request that last changed a live widget, if it is live. */
  public Optional<Provenance> provenance(String widgetId) {
    return Optional.ofNullable(entries.get(widgetId))
        .filter(entry -> entry.widget() != null)
        .map(Entry::provenance);
  }

  /** A copy of every live widget by id, in id order; later changes do not show in it. */
  public Map<String, Widget> snapshot() {
    Map<String, Widget> copy = new TreeMap<>();
    entries.forEach(
        (id, entry) -> {
          if (entry.widget() != null) {
            copy.put(id, entry.widget());
          }
        });
    return Collections.unmodifiableMap(copy);
  }
}
