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
 * @param folded the positions of the latest requests folded into the base, oldest first: a copy of
 *     one of them that comes again is a proven duplicate, not a request too late to fold in
 */
public record WidgetHistory(
    String basePosition, Widget base, List<KeyedRequest> requests, List<String> folded) {
  /** A widget nothing has happened to yet. */
  public static final WidgetHistory EMPTY = new WidgetHistory(null, null, List.of());

  /** A history that remembers no folded position. */
  public WidgetHistory(String basePosition, Widget base, List<KeyedRequest> requests) {
    this(basePosition, base, requests, List.of());
  }

  public WidgetHistory {
    requests = List.copyOf(requests);
    folded = List.copyOf(folded);
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

  /**
   * Whether this very request (same key, same content) is kept, or is one of the latest folded into
   * the base.
   */
  public boolean holds(KeyedRequest request) {
    String position = request.position();
    return position.equals(basePosition)
        || requests.stream().anyMatch(kept -> kept.position().equals(position))
        || folded.contains(position);
  }

  /**
   * Whether the request comes before the base and is not one this history remembers: it can no
   * longer be folded in where it belongs.
   */
  public boolean isBeforeBase(KeyedRequest request) {
    return basePosition != null
        && request.position().compareTo(basePosition) < 0
        && !holds(request);
  }
}
