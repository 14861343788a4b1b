package dev.widgetrequests.model.source;

/**
 * When a released delivery should come back (docs/design/consumer.md, "One retry owner per call").
 */
public sealed interface Redelivery<D extends Delivery> {

  /** After a backoff that grows with how often it has come back already: it failed for now. */
  record Later<D extends Delivery>() implements Redelivery<D> {}

  /**
   * No sooner than {@code first} does: it comes after {@code first} in its widget's lane, and order
   * holds when both come back.
   */
  record Behind<D extends Delivery>(D first) implements Redelivery<D> {}

  /** At once: it was never started (the consumer is stopping). */
  record Now<D extends Delivery>() implements Redelivery<D> {}

  static <D extends Delivery> Redelivery<D> later() {
    return new Later<>();
  }

  static <D extends Delivery> Redelivery<D> behind(D first) {
    return new Behind<>(first);
  }

  static <D extends Delivery> Redelivery<D> now() {
    return new Now<>();
  }
}
