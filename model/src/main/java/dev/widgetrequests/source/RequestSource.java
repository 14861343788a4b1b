package dev.widgetrequests.source;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Where requests come from (S3 bucket in key order, SQS queue). Every delivery ends in exactly one
 * of {@link #acknowledge}, {@link #deadLetter} or {@link #release}; nothing is removed from the
 * source before one of those.
 */
public interface RequestSource extends AutoCloseable {

  /**
   * The next requests, oldest first; waits for the source's idle or long-poll time and returns an
   * empty list when there are none. Never returns a delivery that is still in flight.
   */
  List<Delivery> poll() throws InterruptedException;

  /** The request was applied (or needs nothing more): remove it from the source. */
  void acknowledge(Delivery delivery);

  /**
   * The request can never be applied: keep it with the reason where people look, then remove it.
   */
  void deadLetter(Delivery delivery, String reason);

  /**
   * The request failed for now (transient failure): make it available again later, the later the
   * more often it has come back already.
   */
  void release(Delivery delivery);

  /**
   * Fetches what a delivery points at, if anything (a claim check's object); may block, and may be
   * called for many deliveries at once, off the poll loop. Throws on an infrastructure failure,
   * which concerns this delivery only.
   */
  default Resolution resolve(Delivery delivery) {
    return new Resolution.Ready(delivery);
  }

  /**
   * Whether {@link #resolve} may have to fetch something for this delivery. When not, resolve would
   * return the delivery as it is, so the consumer skips it and the hand-off to another thread.
   */
  default boolean needsResolving(Delivery delivery) {
    return true;
  }

  /**
   * Releases a request that comes after {@code failed} for the same widget, so it comes back no
   * sooner than {@code failed} does and order holds.
   */
  default void releaseBehind(Delivery delivery, Delivery failed) {
    release(delivery);
  }

  /** The request was never started (shutdown): make it available again at once. */
  default void giveBack(Delivery delivery) {
    release(delivery);
  }

  /** How many {@link #poll} calls may run at once; 1 when polls must not overlap. */
  default int pollsInFlight() {
    return 1;
  }

  /**
   * How long a delivery stays hidden from other consumers, when the source hides deliveries for a
   * time at all: a delivery held longer needs {@link #extendVisibility}.
   */
  default Optional<Duration> visibilityTimeout() {
    return Optional.empty();
  }

  /** Keeps the deliveries hidden for another {@code timeout} from now. */
  default void extendVisibility(List<Delivery> deliveries, Duration timeout) {}

  /** Completes acknowledgements that a source batches. */
  default void flush() {}

  /** A short description for logs, e.g. {@code s3://requests} or the queue URL. */
  String describe();

  @Override
  default void close() {
    flush();
  }
}
