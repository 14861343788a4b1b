package dev.widgetrequests.producer.sink;

import java.util.List;

/**
 * Where produced requests go. Implementations are thread safe: a producer may have several batches
 * in flight at once.
 */
public interface RequestSink {

  /**
   * Fails fast, before anything is produced, with a {@link
   * dev.widgetrequests.model.config.ConfigurationException} when a bucket or queue is missing or
   * out of reach.
   */
  void verify();

  /**
   * Stores every request of {@code batch}, or throws. A batch holds at most {@link #maxBatchSize()}
   * requests, in production order.
   */
  void send(List<OutgoingRequest> batch);

  /** The most requests one {@link #send} takes; more than one only where the service batches. */
  int maxBatchSize();

  /**
   * Whether two requests for one widget must be stored one after the other, in production order: a
   * bucket can be listed while it is written, and a FIFO queue delivers in send order. A standard
   * queue orders nothing (every message carries its order key instead), so it needs no such care
   * and takes batches at full speed.
   */
  default boolean keepsWidgetOrder() {
    return true;
  }

  /** Where the requests go, for people: {@code bucket requests}, {@code queue https://…}. */
  String describe();
}
