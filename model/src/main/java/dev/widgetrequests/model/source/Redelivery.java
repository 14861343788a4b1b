package dev.widgetrequests.model.source;

/**
 * When a released delivery should come back (docs/design/consumer.md, "One retry owner per call").
 */
public sealed interface Redelivery {

  /** After a backoff that grows with how often it has come back already: it failed for now. */
  record Later() implements Redelivery {}

  /**
   * No sooner than {@code first} does: it comes after {@code first} in its widget's lane, and order
   * holds when both come back.
   */
  record Behind(Delivery first) implements Redelivery {}

  /** At once: it was never started (the consumer is stopping). */
  record Now() implements Redelivery {}

  static Redelivery later() {
    return new Later();
  }

  static Redelivery behind(Delivery first) {
    return new Behind(first);
  }

  static Redelivery now() {
    return new Now();
  }
}
