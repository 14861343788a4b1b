package dev.widgetrequests.model.source;

import java.util.List;
import java.util.Optional;

/**
 * Where requests come from (S3 bucket in key order, SQS queue). Every delivery ends in exactly one
 * of {@link #acknowledge}, {@link #deadLetter} or {@link #release} (the consumer's {@code
 * Settlement} sees to it); nothing is removed from the source before one of those. {@code D} is the
 * source's own delivery, which carries what it needs to end it (a receipt handle, an ETag): the
 * consumer hands back what it was given, so no source has to cast.
 */
public interface RequestSource<D extends Delivery> extends AutoCloseable {

  /**
   * The next requests, oldest first; waits for the source's idle or long-poll time and returns an
   * empty list when there are none. Never returns a delivery that is still in flight.
   */
  List<D> poll() throws InterruptedException;

  /** The request was applied (or needs nothing more): remove it from the source. */
  void acknowledge(D delivery);

  /**
   * The request can never be applied: keep it with the reason where people look, then remove it.
   */
  void deadLetter(D delivery, String reason);

  /**
   * The request is not done (a failure for now, behind one that failed, or never started): make it
   * available again, {@code when} says how soon.
   */
  void release(D delivery, Redelivery<D> when);

  /**
   * Fetches what a delivery points at, if anything (a claim check's object); may block, and may be
   * called for many deliveries at once, off the poll loop. Throws on an infrastructure failure,
   * which concerns this delivery only.
   */
  default Resolution<D> resolve(D delivery) {
    return new Resolution.Ready<>(delivery);
  }

  /**
   * Whether {@link #resolve} may have to fetch something for this delivery. When not, resolve would
   * return the delivery as it is, so the consumer skips it and the hand-off to another thread.
   */
  default boolean needsResolving(D delivery) {
    return true;
  }

  /** How many {@link #poll} calls may run at once; 1 when polls must not overlap. */
  default int pollsInFlight() {
    return 1;
  }

  /** The lease of each delivery, for a source that hides what it hands out for a time. */
  default Optional<Lease<D>> lease() {
    return Optional.empty();
  }

  /** Completes acknowledgements that a source batches. */
  default void flush() {}

  /** A short description for logs, e.g. {@code s3://requests} or the queue URL. */
  String describe();

  @Override
  default void close() {
    flush();
  }
}
