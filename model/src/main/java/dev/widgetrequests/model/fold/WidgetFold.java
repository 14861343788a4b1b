package dev.widgetrequests.model.fold;

import dev.widgetrequests.model.Widget;
import dev.widgetrequests.model.apply.Change;
import dev.widgetrequests.model.apply.RequestApplier;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Folds a request into a widget's history at its order key: a pure function, no I/O. The widget is
 * always the {@link RequestApplier} replay of the base and then the kept requests in key order, so
 * the result never depends on the order the requests arrived in or on how often they arrived.
 *
 * <p>Creates do not end the history: a late create for another owner before a kept create would
 * change what the later requests do. The history is bounded by {@link Limits} instead; the oldest
 * requests are folded into the base, and a request older than the base is too late to matter.
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
    String key = incoming.orderKey();
    if (history.holds(key)) {
      Replayed current = replay(history, null);
      return new Folded(history, current.widget, current.lastChange, duplicate(history, key));
    }
    List<KeyedRequest> requests = new ArrayList<>(history.requests());
    int at = 0;
    while (at < requests.size() && requests.get(at).orderKey().compareTo(key) < 0) {
      at++;
    }
    requests.add(at, incoming);
    WidgetHistory grown = new WidgetHistory(history.baseKey(), history.base(), requests);
    Replayed replayed = replay(grown, incoming);
    return new Folded(
        compact(grown, limits), replayed.widget, replayed.lastChange, replayed.outcome);
  }

  /** The widget a history gives, with nothing folded in. */
  public static Folded current(WidgetHistory history) {
    Replayed current = replay(history, null);
    return new Folded(history, current.widget, current.lastChange, new FoldOutcome.Applied());
  }

  private record Replayed(Widget widget, KeyedRequest lastChange, FoldOutcome outcome) {}

  private static Replayed replay(WidgetHistory history, KeyedRequest watched) {
    Widget widget = history.base();
    KeyedRequest lastChange = null;
    FoldOutcome outcome = new FoldOutcome.Applied();
    for (KeyedRequest keyed : history.requests()) {
      Change change = RequestApplier.apply(keyed.request(), Optional.ofNullable(widget));
      switch (change) {
        case Change.Put put -> widget = put.widget();
        case Change.Remove remove -> widget = null;
        case Change.Skip skip -> {
          if (keyed == watched) {
            outcome = new FoldOutcome.Warned(skip.warning());
          }
        }
      }
      if (!(change instanceof Change.Skip)) {
        lastChange = keyed;
      }
    }
    return new Replayed(widget, lastChange, outcome);
  }

  /** Folds the oldest requests into the base until the history is within its limits. */
  private static WidgetHistory compact(WidgetHistory history, Limits limits) {
    List<KeyedRequest> requests = new ArrayList<>(history.requests());
    Widget base = history.base();
    String baseKey = history.baseKey();
    long chars = history.approximateChars();
    while (!requests.isEmpty()
        && (requests.size() > limits.maxRequests() || chars > limits.maxChars())) {
      KeyedRequest oldest = requests.removeFirst();
      chars -= HistorySize.of(oldest) + HistorySize.of(base);
      base =
          switch (RequestApplier.apply(oldest.request(), Optional.ofNullable(base))) {
            case Change.Put put -> put.widget();
            case Change.Remove remove -> null;
            case Change.Skip skip -> base;
          };
      chars += HistorySize.of(base);
      baseKey = oldest.orderKey();
    }
    return requests.size() == history.requests().size()
        ? history
        : new WidgetHistory(baseKey, base, requests);
  }

  private static FoldOutcome duplicate(WidgetHistory history, String key) {
    if (history.baseKey() != null && key.compareTo(history.baseKey()) < 0) {
      return new FoldOutcome.Duplicate(
          "order key %s is older than this widget's kept history (folded up to %s); ignored as too late"
              .formatted(key, history.baseKey()));
    }
    return new FoldOutcome.Duplicate("order key " + key + " was already applied; ignored");
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
