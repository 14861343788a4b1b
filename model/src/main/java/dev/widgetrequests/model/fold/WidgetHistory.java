package dev.widgetrequests.model.fold;

import dev.widgetrequests.model.Widget;
import java.util.List;
import java.util.Optional;

/**
 * What a store keeps of one widget so that any request can be folded in at its key: a base (the
 * state after every request up to {@code baseKey}, folded away to bound the size) and the requests
 * since, sorted by key, all after {@code baseKey}.
 *
 * @param baseKey the latest key folded into the base; {@code null} when nothing was folded away
 * @param base the widget after the requests up to {@code baseKey}; {@code null} when there is none
 * @param requests the later requests, sorted by order key, no key twice
 */
public record WidgetHistory(String baseKey, Widget base, List<KeyedRequest> requests) {
  /** A widget nothing has happened to yet. */
  public static final WidgetHistory EMPTY = new WidgetHistory(null, null, List.of());

  public WidgetHistory {
    requests = List.copyOf(requests);
    String previous = baseKey;
    for (KeyedRequest request : requests) {
      if (previous != null && request.orderKey().compareTo(previous) <= 0) {
        throw new IllegalArgumentException(
            "history keys out of order: " + request.orderKey() + " after " + previous);
      }
      previous = request.orderKey();
    }
  }

  /** The widget after the folded-away requests, if there is one. */
  public Optional<Widget> baseWidget() {
    return Optional.ofNullable(base);
  }

  /** The latest key this history holds, folded away or not; empty for a new widget. */
  public Optional<String> latestKey() {
    return requests.isEmpty()
        ? Optional.ofNullable(baseKey)
        : Optional.of(requests.getLast().orderKey());
  }

  /**
   * About how many characters its JSON takes (within a tenth or so), cheaply: no JSON is written.
   * The fold bounds a history by it, the stores their caches.
   */
  public long approximateChars() {
    return HistorySize.of(this);
  }

  /** Whether the request with this key is already in the history (or folded into its base). */
  public boolean holds(String orderKey) {
    if (baseKey != null && orderKey.compareTo(baseKey) <= 0) {
      return true;
    }
    return requests.stream().anyMatch(request -> request.orderKey().equals(orderKey));
  }
}
