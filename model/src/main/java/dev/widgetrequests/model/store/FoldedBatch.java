package dev.widgetrequests.model.store;

import dev.widgetrequests.model.fold.Folded;
import dev.widgetrequests.model.fold.KeyedRequest;
import dev.widgetrequests.model.fold.StoreOutcome;
import dev.widgetrequests.model.fold.WidgetFold;
import dev.widgetrequests.model.fold.WidgetHistory;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Several requests of one widget folded into its history one after the other, as if each had been
 * applied by itself: what each request did, and the history to store once for the lot
 * (docs/design/consumer.md, "Coalescing in the lane").
 *
 * @param last the fold of the last request that changed the history (its history, widget and last
 *     change are those of the whole batch); {@code null} when none did, so nothing is to be written
 * @param outcomes what each request did, in the order of the requests
 */
public record FoldedBatch(Folded last, List<StoreOutcome> outcomes) {

  public FoldedBatch {
    outcomes = List.copyOf(outcomes);
  }

  /** Folds each request in turn into {@code history}, each into the result of the ones before. */
  public static FoldedBatch fold(WidgetHistory history, List<KeyedRequest> requests) {
    return fold(history, requests, WidgetFold.Limits.DEFAULT);
  }

  /** Like {@link #fold(WidgetHistory, List)}, keeping the history within these limits. */
  public static FoldedBatch fold(
      WidgetHistory history, List<KeyedRequest> requests, WidgetFold.Limits limits) {
    WidgetHistory current = Objects.requireNonNull(history, "history");
    Folded last = null;
    List<StoreOutcome> outcomes = new ArrayList<>(requests.size());
    for (KeyedRequest request : requests) {
      Folded folded = WidgetFold.fold(current, request, limits);
      outcomes.add(folded.outcome());
      if (folded.changed()) {
        last = folded;
        current = folded.history();
      }
    }
    return new FoldedBatch(last, outcomes);
  }

  /** Whether the history changed, so the store must write it. */
  public boolean changed() {
    return last != null;
  }

  /**
   * The widget id the requests share.
   *
   * @throws IllegalArgumentException when there are none, or they are not all of one widget
   */
  public static String widgetOf(List<KeyedRequest> requests) {
    if (requests.isEmpty()) {
      throw new IllegalArgumentException("no requests");
    }
    String id = requests.getFirst().request().widgetId();
    for (KeyedRequest request : requests) {
      if (!id.equals(request.request().widgetId())) {
        throw new IllegalArgumentException(
            "requests of widgets " + id + " and " + request.request().widgetId() + " in one batch");
      }
    }
    return id;
  }
}
