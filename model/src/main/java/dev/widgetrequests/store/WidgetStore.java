package dev.widgetrequests.store;

import dev.widgetrequests.model.Widget;
import java.util.Optional;

/**
 * Where widgets live (S3 bucket, DynamoDB table, or memory in tests). Methods throw only for
 * infrastructure failures; a missing widget is an empty result, not an exception.
 */
public interface WidgetStore {

  /**
   * The widget with this id as its owner sees it. Stores keyed by owner (S3) find nothing for
   * another owner; stores keyed by id alone (DynamoDB) return the widget whatever its owner, and
   * the caller compares owners.
   */
  Optional<Widget> find(String widgetId, String owner);

  /** Stores the widget, replacing what was there. */
  void put(Widget widget, Provenance provenance);

  /** Removes the widget; removing one that is not there is not an error. */
  void delete(Widget widget);
}
