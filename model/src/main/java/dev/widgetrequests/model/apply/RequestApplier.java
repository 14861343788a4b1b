package dev.widgetrequests.model.apply;

import dev.widgetrequests.model.Widget;
import dev.widgetrequests.model.WidgetRequest;
import java.util.Optional;

/** Applies a request to the current state of its widget: a pure function, no I/O. */
public final class RequestApplier {
  private RequestApplier() {}

  /**
   * @param current the stored widget with the request's id, if any (whatever its owner)
   */
  public static Change apply(WidgetRequest request, Optional<Widget> current) {
    throw new UnsupportedOperationException("not yet implemented");
  }
}
