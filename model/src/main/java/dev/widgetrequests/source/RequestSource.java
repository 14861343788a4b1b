package dev.widgetrequests.source;

import java.util.List;

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

  /** The request was not processed (shutdown, transient failure): make it available again. */
  void release(Delivery delivery);

  /** Completes acknowledgements that a source batches. */
  default void flush() {}

  /** A short description for logs, e.g. {@code s3://requests} or the queue URL. */
  String describe();

  @Override
  default void close() {
    flush();
  }
}
