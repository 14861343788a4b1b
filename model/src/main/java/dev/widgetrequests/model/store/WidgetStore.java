package dev.widgetrequests.model.store;

import dev.widgetrequests.model.Widget;
import dev.widgetrequests.model.fold.KeyedRequest;
import dev.widgetrequests.model.fold.StoreOutcome;
import java.util.List;
import java.util.Optional;

/**
 * Where widgets live (S3 bucket, DynamoDB table, or memory in tests). Each widget's requests take
 * effect in order-key order whatever order they are applied in, however often, and from however
 * many consumers at once (docs/design/convergence.md): a store keeps each widget's history and
 * folds every request in at its key, writing only on the condition that nobody else wrote since it
 * read. Methods throw only for infrastructure failures (including a race lost too often: a
 * transient failure); what a request did is an outcome.
 */
public interface WidgetStore {

  /** Folds the request into its widget's stored history and stores the result. */
  StoreOutcome apply(KeyedRequest request, Provenance provenance);

  /**
   * Applies requests of one widget, in this order, as {@link #apply} would one after the other:
   * each ends in its own outcome, and the widget ends in the same state. A store may fold them all
   * and write once (docs/design/consumer.md, "Coalescing in the lane"); this one applies them one
   * by one. A failure leaves it open which of them took effect: each may be applied again later,
   * and a request applied twice is a duplicate.
   *
   * @param requests at least one, all of one widget
   * @param provenance where the last of them came from
   * @return the outcome of each request, in the order of {@code requests}
   * @throws IllegalArgumentException when the requests are of more than one widget, or none
   */
  default List<StoreOutcome> applyAll(List<KeyedRequest> requests, Provenance provenance) {
    FoldedBatch.widgetOf(requests);
    return requests.stream().map(request -> apply(request, provenance)).toList();
  }

  /** The live widget with this id, whatever its owner; empty when there is none. */
  Optional<Widget> find(String widgetId);
}
