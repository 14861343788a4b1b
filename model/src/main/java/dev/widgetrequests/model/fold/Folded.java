package dev.widgetrequests.model.fold;

import dev.widgetrequests.model.Widget;
import java.util.Optional;

/**
 * The result of folding one request into a widget's history.
 *
 * @param history the history to store next (the same one for a duplicate)
 * @param widget the widget the history now gives; {@code null} when there is none
 * @param lastChange the latest request, in key order, that changed the widget; {@code null} when
 *     none of the kept requests did
 * @param outcome what the folded request itself did
 */
public record Folded(
    WidgetHistory history, Widget widget, KeyedRequest lastChange, StoreOutcome outcome) {

  /** The widget the history now gives, if it exists. */
  public Optional<Widget> state() {
    return Optional.ofNullable(widget);
  }

  /** Whether the history changed, so the store must write it. */
  public boolean changed() {
    return switch (outcome) {
      case StoreOutcome.Applied a -> true;
      case StoreOutcome.Warned w -> true;
      case StoreOutcome.Duplicate d -> false;
      case StoreOutcome.TooLate t -> false;
      case StoreOutcome.Refused r -> false; // a store's answer, never the fold's
    };
  }
}
