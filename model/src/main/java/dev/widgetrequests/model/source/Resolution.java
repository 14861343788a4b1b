package dev.widgetrequests.model.source;

/**
 * What {@link RequestSource#resolve} found for a delivery: the request to apply, a reason to
 * dead-letter it, or nothing left to do. The engine ends the delivery accordingly, and counts it
 * once (docs/design/consumer.md).
 */
public sealed interface Resolution<D extends Delivery> {

  /** The request is ready to apply. */
  record Ready<D extends Delivery>(D delivery) implements Resolution<D> {}

  /**
   * What the delivery points at can never be a request (too large, not text): dead-letter it with
   * the reason.
   */
  record Refused<D extends Delivery>(D delivery, String reason) implements Resolution<D> {}

  /**
   * The source has ended the delivery itself (its object was taken by another consumer, or is
   * gone): nothing was done here, and nothing is counted.
   */
  record Gone<D extends Delivery>(String why) implements Resolution<D> {}
}
