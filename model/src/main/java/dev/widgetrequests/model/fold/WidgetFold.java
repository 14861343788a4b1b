package dev.widgetrequests.model.fold;

import dev.widgetrequests.model.Widget;
import dev.widgetrequests.model.apply.Change;
import dev.widgetrequests.model.apply.RequestApplier;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Folds a request into a widget's history at its position (order key, then content hash): a pure
 * function, no I/O. The widget is always the {@link RequestApplier} replay of the base and then the
 * kept requests in position order, so the result never depends on the order the requests arrived in
 * or on how often they arrived (docs/design/convergence.md).
 *
 * <p>Creates do not end the history: a late create for another owner before a kept create would
 * change what the later requests do. The history is bounded by {@link Limits} instead; the oldest
 * requests are folded into the base, and a request older than the base is {@link
 * StoreOutcome.TooLate too late}: the caller dead-letters it, never drops it.
 */
public final class WidgetFold {
  private WidgetFold() {}

  /**
   * How much history to keep: at most {@code maxRequests} requests and about {@code maxChars}
   * characters of request and base text.
   */
  public record Limits(int maxRequests, int maxChars) {
    public static final Limits DEFAULT = new Limits(64, 64 * 1024);

    public Limits {
      if (maxRequests < 1 || maxChars < 1) {
        throw new IllegalArgumentException("limits must be positive");
      }
    }
  }

  /** Folds with the {@link Limits#DEFAULT default limits}. */
  public static Folded fold(WidgetHistory history, KeyedRequest incoming) {
    return fold(history, incoming, Limits.DEFAULT);
  }

  /**
   * @throws IllegalArgumentException when the request is for another widget than the history
   */
  public static Folded fold(WidgetHistory history, KeyedRequest incoming, Limits limits) {
    Objects.requireNonNull(incoming, "incoming");
    requireSameWidget(history, incoming);
    if (history.holds(incoming) || history.isBeforeBase(incoming)) {
      Replayed current = replay(history, null);
      StoreOutcome outcome =
          history.holds(incoming) ? duplicate(incoming) : tooLate(history, incoming);
      return new Folded(history, current.widget, current.lastChange, outcome);
    }
    List<KeyedRequest> requests = new ArrayList<>(history.requests());
    String position = incoming.position();
    int at = 0;
    while (at < requests.size() && requests.get(at).position().compareTo(position) < 0) {
      at++;
    }
    requests.add(at, incoming);
    WidgetHistory grown =
        new WidgetHistory(history.basePosition(), history.base(), requests, history.folded());
    Replayed replayed = replay(grown, incoming);
    return new Folded(
        compact(grown, replayed.ignored, limits),
        replayed.widget,
        replayed.lastChange,
        replayed.outcome);
  }

  /** The widget a history gives, with nothing folded in. */
  public static Folded current(WidgetHistory history) {
    Replayed current = replay(history, null);
    return new Folded(history, current.widget, current.lastChange, new StoreOutcome.Applied());
  }

  /**
   * @param ignored the kept requests that another owner's widget ignored: they changed nothing
   */
  private record Replayed(
      Widget widget, KeyedRequest lastChange, StoreOutcome outcome, Set<KeyedRequest> ignored) {}

  private static Replayed replay(WidgetHistory history, KeyedRequest watched) {
    Widget widget = history.base();
    KeyedRequest lastChange = null;
    StoreOutcome outcome = new StoreOutcome.Applied();
    Set<KeyedRequest> ignored = Collections.newSetFromMap(new IdentityHashMap<>());
    for (KeyedRequest keyed : history.requests()) {
      Change change = RequestApplier.apply(keyed.request(), Optional.ofNullable(widget));
      switch (change) {
        case Change.Put put -> widget = put.widget();
        case Change.Remove remove -> widget = null;
        case Change.Skip skip -> {
          if (keyed == watched) {
            outcome = new StoreOutcome.Warned(skip.warning());
          }
          if (skip.anotherOwners()) {
            ignored.add(keyed);
          }
        }
      }
      if (!(change instanceof Change.Skip)) {
        lastChange = keyed;
      }
    }
    return new Replayed(widget, lastChange, outcome, ignored);
  }

  /**
   * Brings the history within its limits. First the requests that another owner's widget ignored
   * go, oldest first: they changed nothing, and nobody may push an owner's requests out of the
   * history by sending many of their own. Then the oldest requests are folded into the base.
   */
  private static WidgetHistory compact(
      WidgetHistory history, Set<KeyedRequest> ignored, Limits limits) {
    List<KeyedRequest> requests = new ArrayList<>(history.requests());
    long chars = history.approximateChars();
    for (var kept = requests.iterator(); kept.hasNext() && over(requests, chars, limits); ) {
      KeyedRequest request = kept.next();
      if (ignored.contains(request)) {
        kept.remove();
        chars -= HistorySize.of(request);
      }
    }
    Widget base = history.base();
    String basePosition = history.basePosition();
    List<String> folded = new ArrayList<>(history.folded());
    while (!requests.isEmpty() && over(requests, chars, limits)) {
      KeyedRequest oldest = requests.removeFirst();
      folded.add(oldest.position());
      chars -= HistorySize.of(oldest) + HistorySize.of(base);
      base =
          switch (RequestApplier.apply(oldest.request(), Optional.ofNullable(base))) {
            case Change.Put put -> put.widget();
            case Change.Remove remove -> null;
            case Change.Skip skip -> base;
          };
      chars += HistorySize.of(base);
      basePosition = oldest.position();
    }
    if (requests.size() == history.requests().size()) {
      return history;
    }
    // Remember as many folded positions as requests are kept: redeliveries stay provable.
    List<String> remembered =
        folded.subList(Math.max(0, folded.size() - limits.maxRequests()), folded.size());
    return new WidgetHistory(basePosition, base, requests, remembered);
  }

  private static boolean over(List<KeyedRequest> requests, long chars, Limits limits) {
    return requests.size() > limits.maxRequests() || chars > limits.maxChars();
  }

  private static StoreOutcome duplicate(KeyedRequest incoming) {
    return new StoreOutcome.Duplicate(
        "the same request at order key " + incoming.orderKey() + " was already applied; ignored");
  }

  private static StoreOutcome tooLate(WidgetHistory history, KeyedRequest incoming) {
    return new StoreOutcome.TooLate(
        "too late: order key %s comes before what widget %s still keeps (folded up to %s)"
            .formatted(incoming.orderKey(), incoming.request().widgetId(), history.baseKey()));
  }

  private static void requireSameWidget(WidgetHistory history, KeyedRequest incoming) {
    String id = incoming.request().widgetId();
    boolean other =
        (history.base() != null && !history.base().id().equals(id))
            || history.requests().stream().anyMatch(r -> !r.request().widgetId().equals(id));
    if (other) {
      throw new IllegalArgumentException("request for widget " + id + " folded into another's");
    }
  }
}
