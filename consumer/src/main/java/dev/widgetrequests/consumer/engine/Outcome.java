package dev.widgetrequests.consumer.engine;

/** How one delivered request ended. Expected outcomes are values, not exceptions. */
public sealed interface Outcome {

  /** The store now reflects the request. */
  record Applied() implements Outcome {}

  /** The request was valid but changed nothing (widget missing, owner differs, ...). */
  record Warned(String warning) implements Outcome {}

  /** The same request (same order key, same content) was applied before; nothing changed. */
  record Duplicate(String note) implements Outcome {}

  /** The request is invalid (or the store refused it) and was dead-lettered with this reason. */
  record Rejected(String reason) implements Outcome {}

  /**
   * The request came after its widget had folded away the history it belongs in: it was
   * dead-lettered with this reason (never dropped).
   */
  record TooLate(String reason) implements Outcome {}

  /** Applying failed; the request was left in its source to be tried again. */
  record Released(String error) implements Outcome {}

  /**
   * The source ended the delivery before it was applied (its object was taken by another consumer,
   * or is gone): nothing was done here, and it is not counted as handled.
   */
  record Gone(String why) implements Outcome {}
}
