package dev.widgetrequests.model.fold;

import dev.widgetrequests.model.Widget;
import java.util.List;
import java.util.Optional;

/**
 * What a store keeps of one widget so that any request can be folded in at its position: a base
 * (the state after every request up to {@code basePosition}, folded away to bound the size) and the
 * requests since, sorted by {@link KeyedRequest#position() position}, all after the base.
 *
 * @param basePosition the position of the latest request folded into the base; {@code null} when
 *     nothing was folded away
 * @param base the widget after the requests up to {@code basePosition}; {@code null} when there is
 *     none
 * @param requests the later requests, sorted by position, no position twice
 */
public record WidgetHistory(String basePosition, Widget base, List<KeyedRequest> requests) {
  /** A widget nothing has happened to yet. */
  public static final WidgetHistory EMPTY = new WidgetHistory(null, null, List.of());

  public WidgetHistory {
    requests = List.copyOf(requests);
    String previous = basePosition;
    for (KeyedRequest request : requests) {
      if (previous != null && request.position().compareTo(previous) <= 0) {
        throw new IllegalArgumentException(
            "history out of order: " + request.position() + " after " + previous);
      }
      previous = request.position();
    }
  }

  /** The widget after the folded-away requests, if there is one. */
  public Optional<Widget> baseWidget() {
    return Optional.ofNullable(base);
  }

  /** The order key of the base, the latest request folded away; {@code null} when there is none. */
  public String baseKey() {
    return basePosition == null ? null : KeyedRequest.keyOf(basePosition);
  }

  /** The latest order key this history holds, folded away or not; empty for a new widget. */
  public Optional<String> latestKey() {
    return requests.isEmpty()
        ? Optional.ofNullable(baseKey())
        : Optional.of(requests.getLast().orderKey());
  }

  /**
   * About how many characters its JSON takes (within a tenth or so), cheaply: no JSON is written.
   * The fold bounds a history by it, the stores their caches.
   */
  public long approximateChars() {
    return HistorySize.of(this);
  }

  /** Whether this very request (same key, same content) is kept, or was the last folded away. */
  public boolean holds(KeyedRequest request) {
    String position = request.position();
    return position.equals(basePosition)
        || requests.stream().anyMatch(kept -> kept.position().equals(position));
  }

  /** Whether the request comes before the base: it can no longer be folded in where it belongs. */
  public boolean isBeforeBase(KeyedRequest request) {
    return basePosition != null && request.position().compareTo(basePosition) < 0;
  }
}
