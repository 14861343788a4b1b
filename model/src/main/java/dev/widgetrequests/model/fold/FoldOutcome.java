package dev.widgetrequests.model.fold;

/** What folding a request in meant for that request itself, when its turn came in key order. */
public sealed interface FoldOutcome {

  /** The request changed the widget (created, updated or deleted it). */
  record Applied() implements FoldOutcome {}

  /** The request changed nothing (widget missing, owner differs, ...); the reason says why. */
  record Warned(String reason) implements FoldOutcome {}

  /** The same request (same key, same content) was folded in before; nothing changed. */
  record Duplicate(String note) implements FoldOutcome {}

  /**
   * The request comes before what the widget still keeps (its base), so it can no longer be folded
   * in where its key puts it; nothing changed, and the request must be dead-lettered, not dropped.
   */
  record TooLate(String reason) implements FoldOutcome {}
}
