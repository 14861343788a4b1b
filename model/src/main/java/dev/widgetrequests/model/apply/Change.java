package dev.widgetrequests.model.apply;

import dev.widgetrequests.model.Widget;

/** What applying one request to the current widget asks the store to do. */
public sealed interface Change {

  /** Store this widget (create, or the result of an update). */
  record Put(Widget widget) implements Change {}

  /** Remove this (currently stored) widget. */
  record Remove(Widget widget) implements Change {}

  /** Change nothing; {@code warning} says why (widget missing, owner differs, ...). */
  record Skip(String warning) implements Change {}
}
