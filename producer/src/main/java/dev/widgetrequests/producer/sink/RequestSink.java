package dev.widgetrequests.producer.sink;

import java.util.List;

/**
 * Where produced requests go. Implementations are thread safe: a producer may have several batches
 * in flight at once.
 */
public interface RequestSink {

  /**
   * Fails fast, before anything is produced, with a {@link
   * dev.widgetrequests.config.ConfigurationException} when a bucket or queue is missing or out of
   * reach.
   */
  void verify();

  /**
   * Stores every request of {@code batch}, or throws. A batch holds at most {@link #maxBatchSize()}
   * requests, in production order.
   */
  void send(List<OutgoingRequest> batch);

  /** The most requests one {@link #send} takes; more than one only where the service batches. */
  int maxBatchSize();

  /** Where the requests go, for people: {@code bucket requests}, {@code queue https://…}. */
  String describe();
}
