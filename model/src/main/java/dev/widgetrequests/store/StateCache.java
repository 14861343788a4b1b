package dev.widgetrequests.store;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The last known stored state of recently used widgets, so that a store can fold a request on its
 * copy and write conditionally on that copy's version without reading first. A stale copy costs
 * only a failed condition and a read. Thread safe; the least recently used entries go first.
 *
 * @param <T> the stored state with its version (an item version, an ETag)
 */
public final class StateCache<T> {
  public static final int DEFAULT_CAPACITY = 100_000;

  private final Map<String, T> states;

  public StateCache(int capacity) {
    this.states =
        new LinkedHashMap<>(16, 0.75f, true) {
          private static final long serialVersionUID = 1L;

          @Override
          protected boolean removeEldestEntry(Map.Entry<String, T> eldest) {
            return size() > capacity;
          }
        };
  }

  public synchronized Optional<T> get(String widgetId) {
    return Optional.ofNullable(states.get(widgetId));
  }

  public synchronized void put(String widgetId, T state) {
    states.put(widgetId, state);
  }

  public synchronized void forget(String widgetId) {
    states.remove(widgetId);
  }
}
