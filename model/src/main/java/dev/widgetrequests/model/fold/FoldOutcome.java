package dev.widgetrequests.model.fold;

/** What folding a request in meant for that request itself, when its turn came in key order. */
public sealed interface FoldOutcome {

  /** The request changed the widget (created, updated or deleted it). */
  record Applied() implements FoldOutcome {}

  /** The request changed nothing (widget missing, owner differs, ...); the reason says why. */
  record Warned(String reason) implements FoldOutcome {}

  /** The request was folded in before (or comes too late to matter); nothing changed. */
  record Duplicate(String note) implements FoldOutcome {}
}
