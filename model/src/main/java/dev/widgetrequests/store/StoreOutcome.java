package dev.widgetrequests.store;

import dev.widgetrequests.model.fold.FoldOutcome;

/** What applying one request to a store did. Expected outcomes are values, not exceptions. */
public sealed interface StoreOutcome {

  /** The request changed its widget. */
  record Applied() implements StoreOutcome {}

  /** The request changed nothing when its turn came (widget missing, owner differs, ...). */
  record Warned(String reason) implements StoreOutcome {}

  /** The same request (same key, same content) was applied before; nothing changed. */
  record Duplicate(String note) implements StoreOutcome {}

  /**
   * The request comes before what its widget still keeps: it cannot be folded in where its key puts
   * it, so nothing changed and it must be dead-lettered with this reason.
   */
  record TooLate(String reason) implements StoreOutcome {}

  /** The store can never hold the result (e.g. an item too large): retrying cannot help. */
  record Refused(String reason) implements StoreOutcome {}

  /** The store outcome of a fold outcome. */
  static StoreOutcome of(FoldOutcome outcome) {
    return switch (outcome) {
      case FoldOutcome.Applied a -> new Applied();
      case FoldOutcome.Warned w -> new Warned(w.reason());
      case FoldOutcome.Duplicate d -> new Duplicate(d.note());
      case FoldOutcome.TooLate t -> new TooLate(t.reason());
    };
  }
}
