package dev.widgetrequests.aws.store.conditional;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.widgetrequests.model.fold.WidgetHistory;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * The last known stored state of recently used widgets, so that a store can fold a request on its
 * copy and write conditionally on that copy's version without reading first. A stale or evicted
 * copy costs only a failed condition or a read. Thread safe.
 *
 * <p>Bounded by the memory its states take, not by their number: a widget's history may hold up to
 * 64 requests, so a count that fits a heap for one stream of requests overflows it for another.
 */
public final class StateCache<T> {
  /**
   * Heap bytes per character of a history's JSON, about: its strings, records and lists take more
   * than their text (2.9 measured on 20,000 histories of one to three course-like requests).
   */
  static final long BYTES_PER_CHAR = 3;

  /** What an entry costs besides its history: the key, the map's node, the version. */
  static final long ENTRY_BYTES = 200;

  /** The share of the heap one store's cache may take: a quarter. */
  static final long HEAP_DIVISOR = 4;

  private final Cache<String, T> states;

  /**
   * @param maxBytes about how much memory the cached states may take
   * @param bytes about how much memory one state takes
   */
  public StateCache(long maxBytes, ToLongFunction<? super T> bytes) {
    this.states =
        Caffeine.newBuilder()
            .maximumWeight(maxBytes)
            .weigher((String id, T state) -> entryWeight(bytes.applyAsLong(state)))
            // Evicts on the caller's thread, at once: no pool of its own, no state left behind.
            .executor(Runnable::run)
            .build();
  }

  /**
   * A cache of states that each hold a widget history, taking about a quarter of the heap at most.
   */
  public static <T> StateCache<T> ofHistories(Function<? super T, WidgetHistory> history) {
    return new StateCache<>(
        Runtime.getRuntime().maxMemory() / HEAP_DIVISOR,
        state -> BYTES_PER_CHAR * history.apply(state).approximateChars());
  }

  public Optional<T> get(String widgetId) {
    return Optional.ofNullable(states.getIfPresent(widgetId));
  }

  public void put(String widgetId, T state) {
    states.put(widgetId, state);
  }

  public void forget(String widgetId) {
    states.invalidate(widgetId);
  }

  /** About how many bytes the cached states take now. */
  long weight() {
    states.cleanUp();
    return states.policy().eviction().orElseThrow().weightedSize().orElseThrow();
  }

  private static int entryWeight(long bytes) {
    return (int) Math.min(Integer.MAX_VALUE, ENTRY_BYTES + bytes);
  }
}
