package dev.widgetrequests.model.store;

import dev.widgetrequests.model.failure.InfrastructureFailure;

/**
 * Other writers kept changing a widget between this store's read and its conditional write, more
 * often than it retries. Transient: applying the request again later succeeds.
 */
public final class StoreConflictException extends InfrastructureFailure.Transient {
  private static final long serialVersionUID = 1L;

  public StoreConflictException(String widgetId, int attempts) {
    super(
        "widget " + widgetId + " changed under " + attempts + " conditional writes in a row", null);
  }
}
