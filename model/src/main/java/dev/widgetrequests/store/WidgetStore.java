package dev.widgetrequests.store;

import dev.widgetrequests.model.Widget;
import dev.widgetrequests.model.fold.KeyedRequest;
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

  /** The live widget with this id, whatever its owner; empty when there is none. */
  Optional<Widget> find(String widgetId);
}
