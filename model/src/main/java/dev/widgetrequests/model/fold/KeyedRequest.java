package dev.widgetrequests.model.fold;

import dev.widgetrequests.model.WidgetRequest;
import java.util.Objects;

/**
 * A request with its order key (docs/design/convergence.md): a widget's requests take effect in the
 * lexicographic order of these keys, and one key names one request of a widget, however often it
 * arrives.
 */
public record KeyedRequest(String orderKey, WidgetRequest request) {
  public KeyedRequest {
    Objects.requireNonNull(orderKey, "orderKey");
    Objects.requireNonNull(request, "request");
  }
}
