package dev.widgetrequests.model.apply;

import dev.widgetrequests.model.Widget;

/** What applying one request to the current widget asks the store to do. */
public sealed interface Change {

  /** Store this widget (create, or the result of an update). */
  record Put(Widget widget) implements Change {}

  /** Remove this (currently stored) widget. */
  record Remove(Widget widget) implements Change {}

  /**
   * Change nothing; {@code warning} says why (widget missing, owner differs, ...).
   *
   * @param anotherOwners whether the widget belongs to someone else than the request's owner: such
   *     a request is ignored, and what a store keeps must not depend on it
   */
  record Skip(String warning, boolean anotherOwners) implements Change {}
}
