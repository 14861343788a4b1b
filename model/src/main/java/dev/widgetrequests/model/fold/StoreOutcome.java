package dev.widgetrequests.model.fold;

/**
 * What folding a request in and storing the result meant for that request itself, when its turn
 * came in key order. The fold gives the first four; only a store refuses. Expected outcomes are
 * values, not exceptions. It lives beside the fold, not the store port, so the fold can name it and
 * the port's package depends on the fold's, never the other way round.
 */
public sealed interface StoreOutcome {

  /** The request changed its widget (created, updated or deleted it). */
  record Applied() implements StoreOutcome {}

  /** The request changed nothing when its turn came (widget missing, owner differs, ...). */
  record Warned(String reason) implements StoreOutcome {}

  /** The same request (same key, same content) was folded in before; nothing changed. */
  record Duplicate(String note) implements StoreOutcome {}

  /**
   * The request comes before what its widget still keeps (its base), so it can no longer be folded
   * in where its key puts it; nothing changed, and the request must be dead-lettered with this
   * reason, not dropped.
   */
  record TooLate(String reason) implements StoreOutcome {}

  /** The store can never hold the result (e.g. an item too large): retrying cannot help. */
  record Refused(String reason) implements StoreOutcome {}
}
